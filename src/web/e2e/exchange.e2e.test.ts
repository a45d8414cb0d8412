/*
 * The resource exchange of issue 7, on a server of its own with the demo content: a resident asks
 * for bookkeeping help for her initiative, sees the ranked matches and why they match, asks the
 * company behind the best offer through a pledge; the company accepts and delivers, she confirms,
 * and the company's connective capacity and the initiative's ledger count it. Every page and state
 * passes axe; an offer is posted and a pledge moved with the keyboard only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from '../../../test/server-process.ts';
import {
  browserSignIn,
  expectAccessible,
  expectNoProblems,
  launch,
  newAccount,
  skip,
  waitForHeading,
  type Account,
  type Browser,
} from './support.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// The demo's accounts (src/server/demo/seed.ts, DEMO_ACCOUNTS).
const fatima = { email: 'fatima@demo.connective.eu', password: 'demo-resident-password' };
const anna = { email: 'anna@demo.connective.eu', password: 'demo-member-password' };

/** The focused element: its tag, id and text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim(),
    };
  });
}

/** Press Tab until `match` holds for the focused element (at most `max` times). */
async function tabTo(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 120,
): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(
    `Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

describe.skipIf(skip)('resource exchange: from a request to a confirmed pledge', () => {
  const stamp = Date.now().toString(36);
  const requestTitle = `Bookkeeping help for our annual accounts ${stamp}`;
  const keyboardUser = newAccount('Kim Toetsenbord', 'kim');
  let server: ServerProcess;
  let dataDir = '';
  let base = '';
  let browser: Browser;
  let initiativeUrl = '';
  let companyUrl = '';
  let requestUrl = '';
  let pledgeUrl = '';
  let givenBefore = 0;
  let hoursBefore = 0;

  async function switchTo(account: Pick<Account, 'email' | 'password'>) {
    await browser.context.clearCookies();
    await browser.page.goto(`${base}/`);
    await browserSignIn(browser.page, account);
  }

  async function api<T>(url: string): Promise<T> {
    const response = await fetch(`${base}${url}`);
    expect(response.status, url).toBe(200);
    return (await response.json()) as T;
  }

  /** The number in a cell of a kind's row: the table's cells after the row heading. */
  async function kindCell(page: Page, table: string, kind: string, cell: number) {
    const row = page.getByRole('table', { name: table }).getByRole('row', { name: kind });
    return Number((await row.getByRole('cell').nth(cell).textContent())?.replace(/\D/g, ''));
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-exchange-'));
    server = await startServerProcess(
      {
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        DEMO: '1',
        LOG_LEVEL: 'warn',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        WEB_DIST_DIR: path.join(ROOT, 'dist/web'),
      },
      { echo: 'exchange', timeoutMs: 150_000 },
    );
    base = server.baseUrl;
    browser = await launch();
    const signUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(keyboardUser),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(201);
    const initiatives = await api<{ items: { id: string; title: string }[] }>(
      '/api/initiatives?q=Hillesluis',
    );
    const initiative = initiatives.items.find(
      (i) => i.title === 'Neighbourhood company Hillesluis',
    );
    initiativeUrl = `${base}/initiatives/${initiative!.id}`;
    const organisations = await api<{ items: { id: string; name: string }[] }>(
      '/api/organisations?q=Civic%20Tech%20Works',
    );
    companyUrl = `${base}/organisations/${organisations.items[0]!.id}`;
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServerProcess(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('signed out: the list of offers and requests, filtered, and an offer', async () => {
    const { page } = browser;
    await page.goto(`${base}/exchange`);
    await waitForHeading(page, 'Resource exchange');
    expect(await page.title()).toBe('Resource exchange – Connective');
    const results = page.getByRole('list', { name: 'Offers and requests' });
    await results
      .getByRole('link', { name: 'Pro-bono bookkeeping for community companies' })
      .waitFor();
    await expectAccessible(page, 'exchange (signed out)');

    await page.getByLabel('Words').fill('bookkeeping');
    await page.getByLabel('Offer or request').selectOption('offer');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=bookkeeping&side=offer');
    await page.getByText('1 offer or request found.').waitFor();
    await results
      .getByRole('link', { name: 'Pro-bono bookkeeping for community companies' })
      .click();
    await waitForHeading(page, 'Pro-bono bookkeeping for community companies');
    await page.locator('dl').getByRole('link', { name: 'Civic Tech Works Ltd' }).waitFor();
    await page.getByRole('link', { name: 'Sign in to ask for this.' }).waitFor();
    await expectAccessible(page, 'offer (signed out)');

    // Offering something needs an account: the form sends people to sign in first.
    await page.goto(`${base}/exchange/new`);
    await waitForHeading(page, 'Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/exchange/new');
    expectNoProblems(browser);
  });

  it('a resident asks for resources from her initiative; the form tells what is wrong', async () => {
    const { page } = browser;
    // What the company gave so far, on its page (everyone sees confirmed public pledges).
    await page.goto(companyUrl);
    await waitForHeading(page, 'Civic Tech Works Ltd');
    await page.getByRole('heading', { name: 'Connective capacity' }).waitFor();
    givenBefore = await kindCell(page, 'Given and received by kind', 'Expertise', 0);
    expect(givenBefore).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'organisation (connective capacity)');

    await switchTo(fatima);
    await page.goto(initiativeUrl);
    await waitForHeading(page, 'Neighbourhood company Hillesluis');
    const ledger = page.getByRole('region', { name: 'Resources received', exact: true });
    await ledger
      .getByRole('img', { name: /^Bar chart of confirmed pledges received by kind/ })
      .waitFor();
    hoursBefore = await kindCell(
      page,
      'Resources received by kind (confirmed pledges)',
      'Expertise',
      1,
    );
    expect(hoursBefore).toBeGreaterThan(0);
    await ledger.getByRole('table', { name: 'Resources received by giver' }).waitFor();
    await expectAccessible(page, 'initiative (resources received)');

    await ledger.getByRole('link', { name: 'Ask for resources' }).click();
    await waitForHeading(page, 'Offer or ask for a resource');
    expect(await page.getByLabel('Request', { exact: true }).isChecked()).toBe(true);
    await expect
      .poll(() =>
        page.getByLabel('Initiative', { exact: true }).locator('option:checked').textContent(),
      )
      .toBe('Neighbourhood company Hillesluis');
    await expectAccessible(page, 'new request (prefilled)');

    // Money without an amount, a title too short, a window that ends before it starts.
    await page.getByLabel('Kind of resource').selectOption('money');
    await page.getByLabel('Currency').fill('');
    await page.getByLabel('Title', { exact: true }).fill('Cash');
    await page.getByLabel(/^Available from/).fill('2027-06-01');
    await page.getByLabel(/^Available until/).fill('2027-05-01');
    await page.getByRole('button', { name: 'Post the offer or request' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: 'Title: Use 5 to 200 characters.' }).waitFor();
    await summary.getByRole('link', { name: 'Amount: Money needs an amount.' }).waitFor();
    await summary.getByRole('link', { name: 'Currency: Money needs a currency.' }).waitFor();
    await summary
      .getByRole('link', { name: 'Available until: The end must not be before the start.' })
      .waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('ds-error-summary');
    expect(await page.getByLabel('Amount').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new request (errors)');
    await summary.getByRole('link', { name: /^Amount:/ }).click();
    expect((await focused(page)).id).toBe('exchange-amount');

    // Hours of expertise instead: the money fields go, the hours come.
    await page.getByLabel('Kind of resource').selectOption('expertise');
    expect(await page.getByLabel('Amount').count()).toBe(0);
    await page.getByLabel('Title', { exact: true }).fill(requestTitle);
    await page
      .getByLabel(/^Description/)
      .fill('Help with the bookkeeping, the invoices and the annual accounts of our company.');
    await page.getByLabel(/^Hours per week/).fill('2');
    await page.getByLabel(/^Number of weeks/).fill('10');
    await page.getByLabel('Economic affairs').check();
    await page.getByLabel(/^Country/).selectOption('NL');
    await page.getByLabel(/^Region or city/).fill('Rotterdam');
    await page.getByLabel(/^Available from/).fill('');
    await page.getByLabel(/^Available until/).fill('');
    await page.getByRole('button', { name: 'Post the offer or request' }).click();
    await waitForHeading(page, requestTitle);
    requestUrl = page.url();
    expect(requestUrl).toMatch(/\/exchange\/[0-9a-f-]{36}$/);
    await page.getByText('Your request has been posted.').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('flash');
    const details = page.locator('dl');
    await details.getByRole('link', { name: 'Neighbourhood company Hillesluis' }).waitFor();
    await details.getByText('Expertise', { exact: true }).waitFor();
    expectNoProblems(browser);
  });

  it('shows the ranked matches, and why the best one matches', async () => {
    const { page } = browser;
    const matches = page.getByRole('list', { name: 'Best matches' });
    const best = matches.getByRole('listitem').first();
    await best
      .getByRole('link', { name: 'Pro-bono bookkeeping for community companies' })
      .waitFor();
    const score = await best.getByText(/^Match score: \d+%$/).textContent();
    expect(Number(score?.replace(/\D/g, ''))).toBeGreaterThan(40);
    // Scores come best first.
    const scores = (await matches.getByText(/^Match score: \d+%$/).allTextContents()).map((s) =>
      Number(s.replace(/\D/g, '')),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expectAccessible(page, 'request (matches)');

    await best.locator('summary', { hasText: 'Why this match' }).click();
    const parts = best.getByRole('list', { name: /^The parts of the score of/ });
    await parts.getByText('25 of 25 points. Both are the same kind of resource.').waitFor();
    await parts.getByText(/They have these words and subjects in common: .*bookkeeping/).waitFor();
    await parts.getByText('It bridges a sector and a border', { exact: false }).waitFor();
    expect(await parts.getByRole('listitem').count()).toBe(6);
    await expectAccessible(page, 'request (explanation open)');
    expectNoProblems(browser);
  });

  it('she asks the company through the match; its member accepts with the keyboard and delivers; she confirms', async () => {
    const { page } = browser;
    const best = page.getByRole('list', { name: 'Best matches' }).getByRole('listitem').first();
    await best.locator('summary', { hasText: 'Propose a pledge' }).click();
    // Nothing filled in: the hours field says so and takes focus.
    await best.getByRole('button', { name: 'Propose the pledge' }).click();
    await best.getByText('Enter the number of hours.').waitFor();
    await expect.poll(async () => (await focused(page)).id).toMatch(/-quantity$/);
    await expectAccessible(page, 'request (pledge form error)');
    await best.getByLabel('Hours').fill('20');
    await best.getByLabel(/^Note/).fill('Two hours a week, on Mondays, for ten weeks.');
    await best.getByRole('button', { name: 'Propose the pledge' }).click();
    await best.getByRole('status').getByText('The pledge has been proposed.').waitFor();
    await best.getByRole('link', { name: 'Open the pledge' }).click();
    await waitForHeading(page, `Pledge for “${requestTitle}”`);
    pledgeUrl = page.url();
    const details = page.locator('dl');
    await details.getByText('Proposed', { exact: true }).waitFor();
    await details.getByRole('link', { name: 'Civic Tech Works Ltd' }).waitFor();
    await details.getByText('20 hours').waitFor();
    // She proposed it: the other party accepts; she may only cancel.
    const actions = page.getByRole('region', { name: 'What you can do' });
    await actions.getByRole('button', { name: 'Cancel the pledge' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await expectAccessible(page, 'pledge (proposed, receiver)');

    // The company's member, with the keyboard only: Tab to "Accept", Enter.
    await switchTo(anna);
    await page.goto(pledgeUrl);
    await waitForHeading(page, `Pledge for “${requestTitle}”`);
    await expectAccessible(page, 'pledge (proposed, giver)');
    await tabTo(page, (f) => f.id === 'pledge-note');
    await page.keyboard.type('Glad to help.');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Accept');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The pledge is now: Accepted.').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'What you can do' });
    await page.locator('dl').getByText('Accepted', { exact: true }).waitFor();
    await page.getByText('Glad to help.').waitFor();
    await page.getByRole('button', { name: 'Mark as delivered' }).click();
    await page.getByRole('status').getByText('The pledge is now: Delivered.').waitFor();
    // Only the receiver confirms.
    await page.getByText('There is nothing for you to do on this pledge now.').waitFor();
    await expectAccessible(page, 'pledge (delivered, giver)');

    await switchTo(fatima);
    await page.goto(pledgeUrl);
    await waitForHeading(page, `Pledge for “${requestTitle}”`);
    await page.getByLabel(/^Note/).fill('The books are in order.');
    await page.getByRole('button', { name: 'Confirm it was received' }).click();
    await page
      .getByRole('status')
      .getByText('The pledge is now: Confirmed by the receiver.')
      .waitFor();
    const history = page.getByRole('list', { name: 'History' });
    expect(await history.getByRole('listitem').count()).toBe(4);
    await history.getByText('The books are in order.').waitFor();
    await expectAccessible(page, 'pledge (confirmed)');
    expectNoProblems(browser);
  });

  it("the company's capacity, the initiative's ledger and her pledges count the new pledge", async () => {
    const { page } = browser;
    await page.goto(companyUrl);
    await waitForHeading(page, 'Civic Tech Works Ltd');
    await expect
      .poll(() => kindCell(page, 'Given and received by kind', 'Expertise', 0))
      .toBe(givenBefore + 1);
    await page
      .getByRole('img', { name: /^Bar chart of confirmed pledges given and received by kind/ })
      .waitFor();
    await page.getByRole('table', { name: 'Partners by kind' }).waitFor();
    await page.getByText('Cross-border ties').waitFor();
    await expectAccessible(page, 'organisation (capacity after the pledge)');

    await page.goto(initiativeUrl);
    await waitForHeading(page, 'Neighbourhood company Hillesluis');
    await expect
      .poll(() => kindCell(page, 'Resources received by kind (confirmed pledges)', 'Expertise', 1))
      .toBe(hoursBefore + 20);

    await page.goto(`${base}/exchange`);
    await waitForHeading(page, 'Resource exchange');
    await page.getByRole('link', { name: 'My pledges' }).click();
    await waitForHeading(page, 'My pledges');
    const confirmed = page.getByRole('region', { name: /^Confirmed by the receiver \(\d+\)$/ });
    await confirmed
      .getByRole('link', { name: 'From Civic Tech Works Ltd to Fatima El Amrani' })
      .first()
      .waitFor();
    await expectAccessible(page, 'my pledges');
    await page.getByLabel('Status', { exact: true }).selectOption('accepted');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('accepted');
    await page.getByRole('heading', { name: /^Accepted \(\d+\)$/ }).waitFor();
    expect(await page.getByRole('heading', { name: /^Confirmed by the receiver/ }).count()).toBe(0);

    // Her own items, open or not, with "only mine".
    await page.goto(`${base}/exchange?mine=true`);
    await waitForHeading(page, 'Resource exchange');
    await page.getByRole('link', { name: requestTitle }).waitFor();
    await expectAccessible(page, 'exchange (only mine)');
    expectNoProblems(browser);
  });

  it('the people behind a request change it and close it', async () => {
    const { page } = browser;
    await page.goto(requestUrl);
    await waitForHeading(page, requestTitle);
    await page.locator('summary', { hasText: 'Change this offer or request' }).click();
    await page.getByLabel(/^Number of weeks/).fill('12');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Your changes have been saved.').waitFor();
    await page.locator('dl').getByText('12', { exact: true }).waitFor();
    await expectAccessible(page, 'request (edited)');

    await page.getByRole('button', { name: 'Close it (it has been served)' }).click();
    await page.getByRole('status').getByText('It is now: Closed.').waitFor();
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'h2', text: 'Open, close or withdraw' });
    await page.getByRole('button', { name: 'Open it again' }).waitFor();
    await page.getByText('This offer or request is not open', { exact: false }).waitFor();
    expect(await page.locator('summary', { hasText: 'Propose a pledge' }).count()).toBe(0);
    await expectAccessible(page, 'request (closed)');
    expectNoProblems(browser);
  });

  it('keyboard only: a newcomer posts an offer and asks for another, then cancels the pledge', async () => {
    const { page } = browser;
    await switchTo(keyboardUser);

    // The server's own checks show per field too: not a stakeholder of this initiative.
    await page.goto(
      `${initiativeUrl.replace('/initiatives/', '/exchange/new?side=request&initiative=')}`,
    );
    await waitForHeading(page, 'Offer or ask for a resource');
    await page.getByLabel('Kind of resource').selectOption('contacts');
    await page.getByLabel('Title', { exact: true }).fill('Introductions to local shops');
    await page.getByRole('button', { name: 'Post the offer or request' }).click();
    const summary = page.locator('ds-error-summary');
    await summary
      .getByRole('link', { name: /^Initiative: You are not a stakeholder of this initiative/ })
      .waitFor();
    expect(await page.getByLabel('Initiative', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectAccessible(page, 'new request (server error)');

    await page.goto(`${base}/exchange`);
    await waitForHeading(page, 'Resource exchange');
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Offer or ask for something');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Offer or ask for a resource');
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');

    // The first radio of the group, Space to choose it; Tab on to the kind.
    await tabTo(page, (f) => f.id === 'exchange-side-offer');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('exchange-kind');
    await page.keyboard.press('ArrowDown'); // Knowledge, the first kind.
    expect(await page.getByLabel('Kind of resource').inputValue()).toBe('knowledge');
    // Enter without a title: the summary takes focus; its link leads to the field.
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('exchange-title');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('ds-error-summary');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({
      tag: 'a',
      text: 'Title: Use 5 to 200 characters.',
    });
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('exchange-title');
    await page.keyboard.type(`Workshops on plain language ${stamp}`);
    await tabTo(page, (f) => f.id === 'exchange-sectors-01');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Post the offer or request');
    await page.keyboard.press('Enter');
    await waitForHeading(page, `Workshops on plain language ${stamp}`);
    await page.getByText('Your offer has been posted.').waitFor();
    await page.locator('dl').getByText('General public services').waitFor();
    await expectAccessible(page, 'offer (posted with the keyboard)');

    // Ask for the university's evaluation know-how, then cancel, with the keyboard.
    const offers = await fetch(`${base}/api/exchange/items?q=evaluation&side=offer`);
    const { items } = (await offers.json()) as { items: { id: string; title: string }[] };
    const evaluation = items.find((i) => i.title === 'Evaluation know-how for social enterprises');
    await page.goto(`${base}/exchange/${evaluation!.id}`);
    await waitForHeading(page, 'Evaluation know-how for social enterprises');
    await page.getByRole('heading', { name: 'Ask for this' }).waitFor();
    await tabTo(page, (f) => f.id === 'direct-pledge-note');
    await page.keyboard.type('Could you help us measure what our workshops change?');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Ask for this');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The pledge has been proposed.').waitFor();
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Open the pledge', 5);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Pledge for “Evaluation know-how for social enterprises”');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Cancel the pledge');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The pledge is now: Cancelled.').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'What you can do' });
    await page.getByText('There is nothing for you to do on this pledge now.').waitFor();
    await expectAccessible(page, 'pledge (cancelled with the keyboard)');
    expectNoProblems(browser);
  });

  it('in Dutch: the matches and their reasons', async () => {
    const { page } = browser;
    await switchTo(fatima);
    const mine = await page.evaluate(async () => {
      const r = await fetch('/api/exchange/items?mine=true&kind=space');
      return ((await r.json()) as { items: { id: string }[] }).items[0]!.id;
    });
    await page.goto(`${base}/exchange/${mine}`);
    await waitForHeading(page, 'A workshop where neighbours can work and meet');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Beste matches' }).waitFor();
    const best = page.getByRole('list', { name: 'Beste matches' }).getByRole('listitem').first();
    await best
      .getByRole('link', { name: 'The ground floor of a former school in Hillesluis' })
      .waitFor();
    await best.locator('summary', { hasText: 'Waarom deze match' }).click();
    await best.getByText('25 van 25 punten. Beide zijn dezelfde soort middel.').waitFor();
    await best.getByText('Beide zijn in dezelfde regio.', { exact: false }).waitFor();
    await page.getByText('Ruimte (zalen, gebouwen)').first().waitFor();
    await expectAccessible(page, 'request (Dutch, explanation open)');
    await page.goto(`${base}/exchange/pledges`);
    await waitForHeading(page, 'Mijn toezeggingen');
    await expectAccessible(page, 'my pledges (Dutch)');
    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, 'My pledges');
    expectNoProblems(browser);
  });
});
