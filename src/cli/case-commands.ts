import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ImportResult } from '../server/commands/csv-records.ts';
import { fail, openMigrated } from './server-commands.ts';

// Loaded when a command runs, so `--help` stays quick.
const jrc = () => import('../server/commands/case-import-jrc.ts');
const exchange = () => import('../server/commands/case-exchange.ts');
const records = () => import('../server/commands/csv-records.ts');

type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';
const PROGRESS_MODES = ['auto', 'bar', 'lines', 'none'];

/**
 * Progress on stderr after each committed batch: a bar on a terminal ('auto' or 'bar'), one line
 * per batch for logs ('lines'), or nothing ('none'; 'auto' off a terminal: the summary follows).
 */
function progress(
  label: string,
  mode: string = 'auto',
): ((done: number, total: number) => void) | undefined {
  if (!PROGRESS_MODES.includes(mode)) fail('--progress must be auto, bar, lines or none');
  const m = mode as ProgressMode;
  if (m === 'none' || (m === 'auto' && !process.stderr.isTTY)) return undefined;
  if (m === 'lines') return (done, total) => process.stderr.write(`${label} ${done}/${total}\n`);
  return (done, total) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    process.stderr.write(`\r${label} [${bar}] ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${file}: ${(err as Error).message}`);
  }
}

/** Prints the summary and each bad row; exit code 1 when some rows failed. */
function report(result: ImportResult): void {
  process.stdout.write(
    `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, failed ${result.failed.length}\n`,
  );
  for (const f of result.failed)
    process.stderr.write(`${f.file ? `${f.file} ` : ''}line ${f.line}: ${f.reason}\n`);
  if (result.failed.length) process.exitCode = 1;
}

/** Runs an import on the configured database; a wrong header or file exits with 2. */
async function runImport(
  work: (db: Awaited<ReturnType<typeof openMigrated>>['db']) => Promise<ImportResult>,
): Promise<void> {
  const { ImportFileError } = await records();
  const database = await openMigrated();
  try {
    report(await work(database.db));
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    process.stderr.write(`connective: ${err.message}; nothing was imported\n`);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

function batchSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail('--batch-size must be a whole number of at least 1');
  return n;
}

/** `import jrc`, `import cases` and `export cases`. */
export function registerCaseCommands(program: Command): void {
  const importer = program
    .command('import')
    .description('import cases into the configured database');

  importer
    .command('jrc')
    .argument('<file>', 'the JRC case list (e.g. src/server/demo/jrc/cases.csv)')
    .description(
      'import the JRC Innovative Public Services cases (again: updates, never duplicates)',
    )
    .option('--retrieved-at <date>', 'when the file was taken from the JRC (ISO date; default now)')
    .option('--batch-size <n>', 'rows per transaction', '100')
    .option('--progress <mode>', 'auto, bar, lines or none', 'auto')
    .action(
      async (
        file: string,
        opts: { retrievedAt?: string; batchSize?: string; progress?: string },
      ) => {
        const retrievedAt = opts.retrievedAt ? new Date(opts.retrievedAt) : undefined;
        if (retrievedAt && Number.isNaN(retrievedAt.getTime()))
          fail('--retrieved-at must be a date such as 2024-09-04');
        const text = readInput(file);
        const size = batchSize(opts.batchSize);
        const { importJrc } = await jrc();
        await runImport((db) =>
          importJrc(db, text, {
            ...(retrievedAt ? { retrievedAt } : {}),
            ...(size ? { batchSize: size } : {}),
            onProgress: progress('importing', opts.progress),
          }),
        );
      },
    );

  importer
    .command('cases')
    .argument('<file>', 'a JSON export, or a cases.csv (a codes.csv beside it is read too)')
    .description('import cases exported by `connective export cases` (upserts by id)')
    .option('--format <format>', 'json or csv (default: from the file name)')
    .option('--progress <mode>', 'auto, bar, lines or none', 'auto')
    .action(async (file: string, opts: { format?: string; progress?: string }) => {
      const ext = path.extname(file).toLowerCase().slice(1);
      const format = opts.format ?? ext;
      if (format !== 'json' && format !== 'csv')
        fail(`cannot tell the format of ${file}: pass --format json or --format csv`);
      const text = readInput(file);
      let input: string | { cases: string; codes?: string } = text;
      if (format === 'csv') {
        const codesFile = path.join(path.dirname(file), 'codes.csv');
        const hasCodes = path.resolve(codesFile) !== path.resolve(file) && fs.existsSync(codesFile);
        input = hasCodes ? { cases: text, codes: readInput(codesFile) } : { cases: text };
      }
      const { importCases } = await exchange();
      await runImport((db) =>
        importCases(db, input, { format, onProgress: progress('importing', opts.progress) }),
      );
    });

  program
    .command('export')
    .description('export from the configured database')
    .command('cases')
    .description('export cases: JSON, or cases.csv + codes.csv + codebook.csv for R')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <path>', 'csv: the folder to write into; json: the file (default: stdout)')
    .option('--published-only', 'leave out drafts')
    .action(async (opts: { format: string; out?: string; publishedOnly?: boolean }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') fail('--format must be csv or json');
      if (opts.format === 'csv' && !opts.out) fail('--out <folder> is required for --format csv');
      const { caseIdsForExport, exportCasesJson, exportCasesCsv, codebookCsv } = await exchange();
      const database = await openMigrated();
      try {
        const ids = await caseIdsForExport(database.db, { publishedOnly: !!opts.publishedOnly });
        if (opts.format === 'json') {
          const json = await exportCasesJson(database.db, ids);
          if (!opts.out) {
            process.stdout.write(json);
            return;
          }
          const target =
            fs.existsSync(opts.out) && fs.statSync(opts.out).isDirectory()
              ? path.join(opts.out, 'cases.json')
              : opts.out;
          fs.writeFileSync(target, json);
          process.stdout.write(`wrote ${ids.length} cases to ${target}\n`);
          return;
        }
        const dir = opts.out!;
        fs.mkdirSync(dir, { recursive: true });
        const csv = await exportCasesCsv(database.db, ids);
        fs.writeFileSync(path.join(dir, 'cases.csv'), csv.cases);
        fs.writeFileSync(path.join(dir, 'codes.csv'), csv.codes);
        fs.writeFileSync(path.join(dir, 'codebook.csv'), codebookCsv());
        process.stdout.write(
          `wrote ${ids.length} cases to ${path.join(dir, 'cases.csv')}, codes.csv and codebook.csv\n`,
        );
      } finally {
        await database.close();
      }
    });
}
