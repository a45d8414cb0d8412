import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServerProcess, stopServerProcess, type ServerProcess } from './server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why browser tests are skipped ('' when they run). */
    browserSkip: string;
    baseUrl: string;
    chromiumPath: string;
    adminEmail: string;
    adminPassword: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ADMIN_PASSWORD = 'e2e-admin-password';

function serverEnv(dataDir: string): Record<string, string> {
  return {
    DATABASE_URL: process.env.BROWSER_DATABASE_URL ?? '',
    DATA_DIR: dataDir,
    DEMO: '0',
    LOG_LEVEL: 'warn',
    // The tests sign in and up many times within a minute.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    WEB_DIST_DIR: path.join(ROOT, 'dist/web'),
  };
}

function cli(args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `connective ${args.slice(0, 2).join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM)) {
    const banner = '!'.repeat(78);
    const message = `Chromium was not found at ${CHROMIUM}: the browser tests (accessibility, keyboard, end-to-end) did NOT run.`;
    process.stderr.write(`\n${banner}\n!! ${message}\n${banner}\n\n`);
    if (process.env.CI) throw new Error(message);
    project.provide('browserSkip', message);
    project.provide('baseUrl', '');
    project.provide('chromiumPath', '');
    project.provide('adminEmail', '');
    project.provide('adminPassword', '');
    return;
  }

  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-web.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error('building the web app failed; see the output above');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-e2e-'));
  const env = serverEnv(dataDir);
  // A shared PostgreSQL database may outlive one run, so the admin's address is unique.
  const adminEmail = process.env.BROWSER_DATABASE_URL
    ? `admin-${Date.now().toString(36)}@e2e.test`
    : 'admin@e2e.test';

  // The platform admin is created (and the database migrated) before the server
  // holds the data directory.
  cli(
    [
      'user',
      'create',
      '--admin',
      '--email',
      adminEmail,
      '--name',
      'Admin',
      '--password',
      ADMIN_PASSWORD,
    ],
    env,
  );

  let server: ServerProcess;
  try {
    server = await startServerProcess(env, { echo: 'server' });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = server.baseUrl;

  project.provide('browserSkip', '');
  project.provide('baseUrl', baseUrl);
  project.provide('chromiumPath', CHROMIUM);
  project.provide('adminEmail', adminEmail);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return async () => {
    await stopServerProcess(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
