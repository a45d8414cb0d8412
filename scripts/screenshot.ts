/**
 * `npm run screenshot`: rewrites docs/screenshot.png, the README's picture, from a real server
 * with the demo content on a fresh embedded database: the case library's search, filtered.
 * Prints how long the first start (with the demo import) took.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { exited, startServerProcess } from '../test/server-process.ts';
import { CHROMIUM_ARGS } from '../test/chromium.ts';
import { PROJECT_ROOT } from '../src/server/paths.ts';

const target = path.join(PROJECT_ROOT, 'docs/screenshot.png');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-screenshot-'));
const t0 = performance.now();
const server = await startServerProcess({
  DATA_DIR: path.join(tmp, 'data'),
  DATABASE_URL: '',
  DEMO: '1',
  LOG_LEVEL: 'warn',
  WEB_DIST_DIR: path.join(PROJECT_ROOT, 'dist/web'),
});
console.log(`first start with the demo content: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 860 },
  locale: 'en-GB',
});
try {
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/cases?q=chatbot&tradition=germanic&tradition=napoleonic`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('mark').first().waitFor();
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(PROJECT_ROOT, target)}`);
} finally {
  await context.close();
  server.child.kill('SIGTERM');
  await exited(server.child);
  fs.rmSync(tmp, { recursive: true, force: true });
}
