import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

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

/** Newest modification time of the files under `dir` (recursively). */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    // Tests and their helpers are not part of the app.
    if (entry.name === 'node_modules' || entry.name === 'e2e') continue;
    if (/\.test\.tsx?$|^tsconfig/.test(entry.name)) continue;
    const full = path.join(target, entry.name);
    newest = Math.max(newest, newestMtime(full));
  }
  return newest;
}

/** Build the web app when dist/web is missing or older than its sources. */
function ensureWebBuild(): void {
  const index = path.join(ROOT, 'dist/web/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src/web')),
    newestMtime(path.join(ROOT, 'src/shared')),
    newestMtime(path.join(ROOT, 'vite.config.ts')),
  );
  if (built >= sources) return;
  process.stderr.write('[browser-setup] building the web app (vite build)…\n');
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'],
    {
      cwd: ROOT,
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('vite build failed; see the output above');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function serverEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  if (process.env.BROWSER_DATABASE_URL) env.DATABASE_URL = process.env.BROWSER_DATABASE_URL;
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: '0',
    LOG_LEVEL: 'warn',
    // The tests sign in and up many times within a minute.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    WEB_DIST_DIR: path.join(ROOT, 'dist/web'),
  };
}

function cli(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `connective ${args.slice(0, 2).join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

async function waitForReady(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within 90 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
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

  ensureWebBuild();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-e2e-'));
  const port = await freePort();
  const env = serverEnv(port, dataDir);
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

  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    process.stderr.write(text.replace(/^(?=.)/gm, '[server] '));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl, child, () => output);
  } catch (error) {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  project.provide('browserSkip', '');
  project.provide('baseUrl', baseUrl);
  project.provide('chromiumPath', CHROMIUM);
  project.provide('adminEmail', adminEmail);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return async () => {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
