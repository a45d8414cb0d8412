import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { rows } from './rows.ts';
import type { Database, Db, Tx } from './client.ts';

/**
 * A portable, versioned dump of every table: gzip'd lines, a JSON header first, then
 * `table<TAB>row-as-json` per row (PostgreSQL's own `to_jsonb`, so values round-trip exactly
 * on either engine), then a JSON footer with row counts and checksums.
 */
export const BACKUP_FORMAT = 'connective-backup';
export const BACKUP_VERSION = 1;

export class BackupError extends Error {
  override name = 'BackupError';
}

type Runner = Db | Tx;
type TableInfo = { name: string; columns: string[]; orderBy: string[] };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables that are derived state, kept by triggers: not backed up, rebuilt by the restore. */
const DERIVED_TABLES = ['needs_revision', 'exchange_revision', 'exchange_tombstones'];

/** The application's tables in foreign-key order (parents first), with their stored columns. */
export async function listTables(db: Runner): Promise<TableInfo[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in (${sql.join(
            DERIVED_TABLES.map((t) => sql`${t}`),
            sql`, `,
          )})
        order by table_name`,
  );
  const deps = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const cols = await rows<{ table: string; column: string; generated: string }>(
    db,
    sql`select table_name as "table", column_name as "column", is_generated as generated
        from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`select kcu.table_name as "table", kcu.column_name as "column"
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
        order by kcu.table_name, kcu.ordinal_position`,
  );
  const names = tables.map((t) => t.name);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent.replaceAll('"', ''));
    visiting.delete(t);
    ordered.push(t);
  };
  names.forEach(visit);
  return ordered.map((name) => {
    const columns = cols
      .filter((c) => c.table === name && c.generated !== 'ALWAYS')
      .map((c) => c.column);
    const pk = keys.filter((k) => k.table === name).map((k) => k.column);
    return { name, columns, orderBy: pk.length ? pk : columns };
  });
}

function selectJson(t: TableInfo, after?: string) {
  const obj = t.columns.map((c) => `'${c.replaceAll("'", "''")}', ${ident(c)}`).join(', ');
  return `select jsonb_build_object(${obj})::text as j from ${ident(t.name)}${after ?? ''} order by ${t.orderBy.map(ident).join(', ')}`;
}

/** md5 over the table's rows as canonical JSON, in primary-key order: equal on both engines. */
export async function tableChecksum(
  db: Runner,
  t: TableInfo,
): Promise<{ rows: number; md5: string }> {
  const [r] = await rows<{ n: number; md5: string | null }>(
    db,
    sql.raw(
      `select count(*)::int as n, md5(coalesce(string_agg(j, E'\\n'), '')) as md5 from (${selectJson(t)}) s`,
    ),
  );
  return { rows: r?.n ?? 0, md5: r?.md5 ?? '' };
}

/** Runs `work` in one transaction with UTC timestamps, so dumps and checksums are engine-independent. */
async function inSnapshot<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    await tx.execute(sql`set local timezone to 'UTC'`);
    return work(tx);
  });
}

export type TableSummary = { table: string; rows: number; md5: string };

async function lastMigration(db: Runner): Promise<string | null> {
  try {
    const [r] = await rows<{ hash: string }>(
      db,
      sql`select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    return r?.hash ?? null;
  } catch {
    return null;
  }
}

const PAGE = 2000;

/** Writes a backup of the whole database to `file`. */
export async function backupTo(database: Database, file: string): Promise<TableSummary[]> {
  const gzip = createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const summary = await inSnapshot(database.db, async (tx) => {
    const tables = await listTables(tx);
    await write(
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        migration: await lastMigration(tx),
        tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
      }),
    );
    const result: TableSummary[] = [];
    for (const t of tables) {
      let offset = 0;
      for (;;) {
        const page = await rows<{ j: string }>(
          tx,
          sql.raw(`${selectJson(t)} limit ${PAGE} offset ${offset}`),
        );
        for (const r of page) await write(`${t.name}\t${r.j}`);
        offset += page.length;
        if (page.length < PAGE) break;
      }
      result.push({ table: t.name, ...(await tableChecksum(tx, t)) });
    }
    await write(JSON.stringify({ end: true, tables: result }));
    return result;
  });
  gzip.end();
  await once(out, 'close');
  fs.renameSync(`${file}.partial`, file);
  return summary;
}

async function assertEmpty(db: Runner, tables: TableInfo[]) {
  for (const t of tables) {
    const [r] = await rows<{ n: number }>(
      db,
      sql.raw(`select count(*)::int as n from ${ident(t.name)}`),
    );
    if ((r?.n ?? 0) > 0) {
      throw new BackupError(`The target database is not empty (table ${t.name} has ${r?.n} rows).`);
    }
  }
}

async function insertBatch(db: Runner, t: TableInfo, jsonRows: string[]) {
  if (jsonRows.length === 0) return;
  const cols = t.columns.map(ident).join(', ');
  await db.execute(
    sql`${sql.raw(`insert into ${ident(t.name)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${ident(t.name)},`)} ${`[${jsonRows.join(',')}]`}::jsonb)`,
  );
}

/** Moves every serial/identity sequence past the highest restored value. */
async function resetSequences(db: Runner) {
  const seqs = await rows<{ table: string; column: string; seq: string }>(
    db,
    sql`select c.table_name as "table", c.column_name as "column",
               pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
        from information_schema.columns c
        where c.table_schema = 'public' and c.column_default like 'nextval(%'`,
  );
  for (const s of seqs) {
    if (!s.seq) continue;
    await db.execute(
      sql.raw(
        `select setval('${s.seq}', coalesce((select max(${ident(s.column)}) from ${ident(s.table)}), 0) + 1, false)`,
      ),
    );
  }
}

async function verify(db: Db, tables: TableInfo[], expected: TableSummary[]) {
  // One snapshot, one connection: the checksums run in turn.
  const got = await inSnapshot(db, async (tx) => {
    const out: Awaited<ReturnType<typeof tableChecksum>>[] = [];
    for (const t of tables) out.push(await tableChecksum(tx, t));
    return out;
  });
  for (const [i, t] of tables.entries()) {
    const want = expected.find((e) => e.table === t.name);
    const have = got[i];
    if (want && have && (want.rows !== have.rows || want.md5 !== have.md5)) {
      throw new BackupError(
        `Verification failed for table ${t.name}: ${have.rows} rows (md5 ${have.md5}), expected ${want.rows} (md5 ${want.md5}).`,
      );
    }
  }
  return tables.map((t, i) => ({ table: t.name, ...got[i]! }));
}

/** Restores a backup into an empty, migrated database, in one transaction, and verifies it. */
export async function restoreFrom(database: Database, file: string): Promise<TableSummary[]> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  let header: { format?: string; version?: number; tables?: { name: string }[] } | undefined;
  let footer: { tables: TableSummary[] } | undefined;
  let lineNo = 0;
  let tables: TableInfo[] = [];
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    tables = await listTables(tx);
    await assertEmpty(tx, tables);
    let current: TableInfo | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (current) await insertBatch(tx, current, batch);
      batch = [];
    };
    // Created right before iterating: lines emitted before the iterator exists would be lost.
    const lines = readline.createInterface({
      input: fs.createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    try {
      for await (const line of lines) {
        lineNo += 1;
        if (lineNo === 1) {
          header = JSON.parse(line) as typeof header;
          if (header?.format !== BACKUP_FORMAT)
            throw new BackupError(`line 1: not a Connective backup`);
          if (header.version !== BACKUP_VERSION) {
            throw new BackupError(
              `line 1: backup format version ${header.version}, this version reads ${BACKUP_VERSION}`,
            );
          }
          continue;
        }
        const tab = line.indexOf('\t');
        if (tab < 0) {
          await flush();
          footer = JSON.parse(line) as typeof footer;
          continue;
        }
        const name = line.slice(0, tab);
        if (current?.name !== name) {
          await flush();
          current = tables.find((t) => t.name === name);
          if (!current) throw new BackupError(`line ${lineNo}: unknown table ${name}`);
        }
        batch.push(line.slice(tab + 1));
        if (batch.length >= 500) await flush();
      }
    } catch (err) {
      if (err instanceof BackupError) throw err;
      throw new BackupError(`line ${lineNo}: ${(err as Error).message}`);
    }
    await flush();
    if (!footer) throw new BackupError('The backup is truncated (no closing line).');
    await resetSequences(tx);
  });
  return verify(database.db, tables, footer!.tables);
}

/** Copies every table from one database into an empty, migrated one, then verifies counts and checksums. */
export async function copyDatabase(from: Database, to: Database): Promise<TableSummary[]> {
  const expected = await inSnapshot(from.db, async (src) => {
    const tables = await listTables(src);
    await to.db.transaction(async (dst) => {
      await dst.execute(sql`set local timezone to 'UTC'`);
      await assertEmpty(dst, tables);
      for (const t of tables) {
        let offset = 0;
        for (;;) {
          const page = await rows<{ j: string }>(
            src,
            sql.raw(`${selectJson(t)} limit ${PAGE} offset ${offset}`),
          );
          await insertBatch(
            dst,
            t,
            page.map((r) => r.j),
          );
          offset += page.length;
          if (page.length < PAGE) break;
        }
      }
      await resetSequences(dst);
    });
    const sums: TableSummary[] = [];
    for (const t of tables) sums.push({ table: t.name, ...(await tableChecksum(src, t)) });
    return sums;
  });
  const tables = await listTables(to.db);
  return verify(to.db, tables, expected);
}
