import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/helpers.ts';

const sample = 'src/server/commands/fixtures/jrc-sample.csv';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'case-cli-'));
const databases: TestDatabase[] = [];

/** A fresh database, closed so the CLI can open it; the environment that points at it. */
async function databaseEnv(): Promise<Record<string, string>> {
  const database = await freshDatabase();
  databases.push(database);
  await database.close();
  return database.url
    ? { DATABASE_URL: database.url }
    : { DATA_DIR: database.dataDir, DATABASE_URL: '' };
}

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['bin/connective.js', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

let env: Record<string, string>;
beforeAll(async () => {
  env = await databaseEnv();
});
afterAll(async () => {
  for (const d of databases) await d.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('connective import jrc', () => {
  it('imports the rows it can, prints each bad row by line and exits with 1', () => {
    const r = cli(['import', 'jrc', sample, '--retrieved-at', '2024-09-04'], env);
    expect(r.stdout).toBe('created 10, updated 0, unchanged 0, failed 3\n');
    expect(r.stderr).toContain(
      "line 8: primary_sector 'Space exploration' is not a COFOG division",
    );
    expect(r.stderr).toContain("line 17: geocoverage_codes 'XX' is not an ISO 3166-1 country code");
    expect(r.stderr).toContain('line 21: name (the title) is empty');
    expect(r.status).toBe(1);

    const again = cli(['import', 'jrc', sample], env);
    expect(again.stdout).toBe('created 0, updated 0, unchanged 10, failed 3\n');
  }, 120_000);

  it('exits with 2 and writes nothing when the header lacks required columns', () => {
    const file = path.join(tmp, 'wrong.csv');
    fs.writeFileSync(file, 'id,title,country\n1,A case,NL\n');
    const r = cli(['import', 'jrc', file], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lacks the required columns name, url, description');
    expect(r.stderr).toContain('nothing was imported');
    expect(r.stdout).toBe('');
    const json = cli(['export', 'cases', '--format', 'json'], env);
    expect((JSON.parse(json.stdout) as { cases: unknown[] }).cases).toHaveLength(10);
  }, 120_000);
});

describe('connective export cases / import cases', () => {
  it('exports CSV with a codebook, and another database imports it with codes.csv beside it', async () => {
    const out = path.join(tmp, 'csv');
    const r = cli(['export', 'cases', '--format', 'csv', '--out', out], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['cases.csv', 'codebook.csv', 'codes.csv']);
    expect(fs.readFileSync(path.join(out, 'codebook.csv'), 'utf8')).toContain(
      'cases.csv,level,,,cross_border,Cross-border,Grensoverschrijdend',
    );

    const other = await databaseEnv();
    const imported = cli(['import', 'cases', path.join(out, 'cases.csv')], other);
    expect(imported.stdout).toBe('created 10, updated 0, unchanged 0, failed 0\n');
    expect(imported.status).toBe(0);
    const json = cli(['export', 'cases', '--format', 'json'], other);
    expect(json.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { cases: { title: string }[] };
    expect(doc.cases.map((c) => c.title)).toContain('AMS - public empolyment service');

    const file = path.join(tmp, 'cases.json');
    fs.writeFileSync(file, json.stdout);
    const back = cli(['import', 'cases', file], env);
    expect(back.stdout).toBe('created 0, updated 0, unchanged 10, failed 0\n');
  }, 120_000);

  it('names the option when the format cannot be told or --out is missing', () => {
    const noOut = cli(['export', 'cases', '--format', 'csv'], env);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toContain('--out');
    const unknown = cli(['import', 'cases', sample.replace('.csv', '.txt')], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--format');
  }, 120_000);
});
