/* Shared helpers for the browser tests (real Chromium against the real server). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type {} from '../../../test/browser-setup.ts';
import { CHROMIUM_ARGS } from '../../../test/chromium.ts';

export const skipReason = inject('browserSkip');
export const skip = skipReason !== '';
export const baseUrl = inject('baseUrl');
export const admin = { email: inject('adminEmail'), password: inject('adminPassword') };

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Launch Chromium with a fresh profile; the page starts at about:blank. */
/** A fresh Chromium for the enclosing `describe` block, closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };
}

export async function launch(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject('chromiumPath'),
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Failed requests the tests provoke on purpose (401, 404, 409…) are logged by Chromium.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fail on console errors, exceptions or Content-Security-Policy violations. */
export function expectNoProblems(browser: Browser): void {
  expect(browser.problems, browser.problems.join('\n')).toEqual([]);
}

/** Run axe (WCAG 2.0/2.1 A and AA) on the page as it is now; expect no violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Let finite animations (a dialog fading in) end, or axe measures contrast mid-fade.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  expect(
    results.violations.length,
    `axe found ${results.violations.length} violation(s) on "${label}" (${page.url()}):\n${report}`,
  ).toBe(0);
}

/** Wait until the client-side route has rendered its page heading. */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@e2e.test`;
}

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(name: string, prefix = 'user'): Account {
  return { name, email: uniqueEmail(prefix), password: 'correct horse battery staple' };
}

/** Create an account straight through the API (sign-up needs no CSRF token). */
export async function apiSignUp(account: Account): Promise<void> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

/** Sign in inside the browser through the API, so the page gets the session cookie. */
export async function browserSignIn(page: Page, account: Pick<Account, 'email' | 'password'>) {
  if (page.url() === 'about:blank') await page.goto(`${baseUrl}/`);
  const credentials = { email: account.email, password: account.password };
  const status = await page.evaluate(async (body) => {
    const response = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.status;
  }, credentials);
  expect(status).toBe(200);
}

/** Call the API from inside the page, with the session's CSRF token. */
export async function browserApi<T = unknown>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string | null };
      const response = await fetch(url, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': session.csrfToken ?? '',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { method, url, body },
  );
}
