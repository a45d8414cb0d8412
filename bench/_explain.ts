import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { rows as select } from '../src/server/db/rows.ts';
import { adminDatabaseUrl, databaseUrlFor } from '../test/postgres-url.ts';
const NEEDS = 100_000;
const COUNTRIES = ['NL', 'BE', 'DE', 'FR', 'DK', 'EE', 'IT', 'ES', 'SK', 'GB', 'IE'];
const COUNCILS = 200;
/**
 * Councils, and needs spread over five years: each gets a pseudo-random (hash-based, so the
 * same every run) country, sector, council, support count and answer times.
 */
async function generate(database: Database) {
  const { db } = database;
  const countries = `array[${COUNTRIES.map((c) => `'${c}'`).join(',')}]`;
  await db.execute(
    sql.raw(`insert into organisations (name, kind, country, level)
             select 'Bench council ' || g, 'public_body', (${countries})[1 + g % ${COUNTRIES.length}], 'local'
             from generate_series(1, ${COUNCILS}) g`),
  );
  const [author] = await select<{ id: string }>(
    db,
    sql`insert into users (name, email) values ('Bench author', 'bench-author@example.org') returning id`,
  );
  for (let start = 1; start <= NEEDS; start += 20_000) {
    const end = Math.min(NEEDS, start + 19_999);
    await db.execute(
      sql.raw(`
      with councils as (select array_agg(id order by name) as ids from organisations where name like 'Bench council %'),
      g as (
        select g, abs(hashtext(g::text)) as h, abs(hashtext('x' || g)) as h2,
               timestamptz '2021-01-01' + (abs(hashtext('t' || g)) % (5 * 365)) * interval '1 day' as created
        from generate_series(${start}, ${end}) g)
      insert into needs (title, description, place, country, sector, responsible_organisation_id,
                         author_id, status, supports, created_at, acknowledged_at, addressed_at,
                         resolved_at, declined_at)
      select 'Need ' || g || ' for ' || (array['a playground','street lights','a community garden','benches','a meeting place','safer crossings','repair café','youth work'])[1 + h % 8],
             'Residents ask for it in district ' || (h % 50),
             'District ' || (h % 50),
             (${countries})[1 + h % ${COUNTRIES.length}],
             lpad((1 + h2 % 10)::text, 2, '0'),
             (select ids[1 + h % ${COUNCILS}] from councils),
             '${author!.id}',
             (array['open','acknowledged','being_addressed','resolved','declined'])[1 + h2 % 5],
             (h2 / 7) % 500,
             created,
             case when h2 % 5 in (1, 2, 3) then created + (h % 60) * interval '1 day' end,
             case when h2 % 5 in (2, 3) then created + (h % 60 + 10) * interval '1 day' end,
             case when h2 % 5 = 3 then created + (h % 60 + 40) * interval '1 day' end,
             case when h2 % 5 = 4 then created + (h % 20) * interval '1 day' end
      from g`),
    );
  }
  await db.execute(sql`analyze needs`);
  const councils = await select<{ id: string }>(
    db,
    sql`select id from organisations where name like 'Bench council %' order by name limit 20`,
  );
  return councils.map((c) => c.id);
}

const admin = adminDatabaseUrl();
const c = new pg.Client({ connectionString: admin });
await c.connect();
await c.query('drop database if exists needs_explain with (force)');
await c.query('create database needs_explain');
await c.end();
const url = databaseUrlFor(admin, 'needs_explain');
const database = await openDatabase({ dataDir: '', databaseUrl: url });
await database.migrate();
const councils = await generate(database);
console.log(url, councils[0]);
await database.close();
