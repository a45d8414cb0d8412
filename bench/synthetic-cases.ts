import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.ts';

/** Topic words: each text has a few of them among many filler words, as real case texts do. */
const WORDS = [
  'chatbot',
  'permit',
  'housing',
  'elderly',
  'care',
  'mobility',
  'energy',
  'school',
  'library',
  'waste',
  'water',
  'budget',
  'participation',
  'citizens',
  'neighbourhood',
  'service',
  'digital',
  'platform',
  'data',
  'algorithm',
  'prediction',
  'blockchain',
  'registry',
  'tax',
  'benefits',
  'employment',
  'youth',
  'health',
  'hospital',
  'police',
  'safety',
  'climate',
  'heat',
  'flood',
  'transport',
  'parking',
  'cycling',
  'procurement',
  'inspection',
  'fraud',
  'identity',
  'voting',
  'council',
  'municipality',
  'region',
  'ministry',
  'agency',
  'cooperative',
  'volunteers',
  'lab',
  'sandbox',
  'pilot',
  'evaluation',
  'co-creation',
  'design',
  'innovation',
  'open',
  'public',
  'community',
  'assistant',
  'translation',
  'recognition',
  'monitoring',
  'planning',
  'support',
];
export const COUNTRIES = [
  'NL',
  'DE',
  'FR',
  'BE',
  'IT',
  'ES',
  'PT',
  'GB',
  'IE',
  'DK',
  'SE',
  'FI',
  'NO',
  'EE',
  'LV',
  'LT',
  'PL',
  'CZ',
  'SK',
  'HU',
  'SI',
  'HR',
  'RO',
  'BG',
  'GR',
  'AT',
  'CH',
  'LU',
  'MT',
  'CY',
];
export const LEVELS = ['local', 'regional', 'national', 'supranational', 'cross_border'];
export const SECTORS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];
export const STAGES = [
  'identifying_problems',
  'generating_ideas',
  'developing_proposals',
  'implementing',
  'evaluating',
  'diffusing_lessons',
];
const MATURITIES = ['planned', 'in_development', 'pilot', 'implemented', 'discontinued'];
const TECHNOLOGIES = [
  'Artificial intelligence',
  'Blockchain',
  'Chatbot',
  'Internet of things',
  'Open data',
  'Robotic process automation',
  'Computer vision',
  'Digital twin',
];

/** A deterministic pick from a list, by case number and salt (the "seed"); the lists are constants. */
const pick = (xs: string[], salt: string) =>
  sql.raw(
    `(array[${xs.map((x) => `'${x}'`).join(',')}])[1 + abs(hashtext(i::text || '${salt}')) % ${xs.length}]`,
  );
/** A deterministic filler word out of 5 000 ("w1234"), so topic words stay selective. */
const filler = (salt: string) => sql.raw(`'w' || (abs(hashtext(i::text || '${salt}')) % 5000)`);
/** `topics` topic words and `fillers` filler words, in a fixed interleaving. */
const words = (topics: number, fillers: number, salt: string) =>
  sql.join(
    [
      ...Array.from({ length: topics }, (_, k) => pick(WORDS, `${salt}t${k}`)),
      ...Array.from({ length: fillers }, (_, k) => filler(`${salt}f${k}`)),
    ],
    sql.raw(` || ' ' || `),
  );

/** Inserts `count` synthetic published cases, the same ones on every run and engine. */
export async function generateCases(database: Database, CASES: number) {
  const { db } = database;
  const batch = 10_000;
  for (let from = 1; from <= CASES; from += batch) {
    const to = Math.min(CASES, from + batch - 1);
    await db.execute(sql`
      insert into cases (id, title, summary, status, level, sector, year_launched, stage, maturity,
                         facets, innovation_types, technology, published_at, search)
      select md5('case' || i)::uuid, t.title, t.summary, 'published',
             ${pick(LEVELS, 'l')}, ${pick(SECTORS, 's')}, 2000 + abs(hashtext(i::text || 'y')) % 25,
             ${pick(STAGES, 'st')}, ${pick(MATURITIES, 'm')},
             case when i % 3 = 0 then array['enhancement'] when i % 3 = 1 then array['mission', 'adaptive'] else '{}'::text[] end,
             case when i % 2 = 0 then array['product_service'] else array['process_technological', 'governance'] end,
             case when i % 4 = 0 then null else ${pick(TECHNOLOGIES, 'tech')} end,
             now() - (i || ' minutes')::interval,
             setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('simple', t.title), 'A') ||
             setweight(to_tsvector('english', t.summary), 'B') || setweight(to_tsvector('simple', t.summary), 'B') ||
             setweight(to_tsvector('english', t.body), 'C') || setweight(to_tsvector('simple', t.body), 'C')
      from generate_series(${from}::int, ${to}::int) i,
           lateral (select ${words(1, 3, 't')} as title, ${words(2, 16, 'u')} as summary, ${words(3, 37, 'b')} as body) t`);
    await db.execute(sql`
      insert into case_countries (case_id, country, position)
      select md5('case' || i)::uuid, ${pick(COUNTRIES, 'c')}, 0 from generate_series(${from}::int, ${to}::int) i`);
    await db.execute(sql`
      insert into case_countries (case_id, country, position)
      select md5('case' || i)::uuid, ${pick(COUNTRIES, 'c2')}, 1 from generate_series(${from}::int, ${to}::int) i
      where i % 5 = 0 and ${pick(COUNTRIES, 'c2')} <> ${pick(COUNTRIES, 'c')}`);
    await db.execute(sql`
      insert into case_sections (case_id, section, body)
      select md5('case' || i)::uuid, 'context', ${words(3, 37, 'b')} from generate_series(${from}::int, ${to}::int) i`);
    await db.execute(sql`
      insert into case_codes (case_id, factor, direction, coder_name)
      select md5('case' || i)::uuid, 'org.leadership', case when i % 2 = 0 then 'driver' else 'barrier' end, 'Bench coder'
      from generate_series(${from}::int, ${to}::int) i where i % 10 = 0`);
    process.stderr.write(`\r  generated ${to} / ${CASES} cases`);
  }
  process.stderr.write('\n');
  await db.execute(sql`analyze`);
}
