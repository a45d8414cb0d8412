/*
 * The co-creation journey of issue 6, on a server of its own that sends e-mail to an SMTP server
 * in this process (with a "day" of two seconds, so a daily digest arrives within the test): a
 * citizen posts a need, the council acknowledges it, an initiative takes it up, the council
 * provides a building, the initiative is published as a case, and a follower's digest arrives.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type Inbox } from '../../../test/smtp.ts';
import {
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from '../../../test/server-process.ts';
import {
  browserApi,
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
const moderator = { email: 'moderator@co-creation.test', password: 'co-creation-moderator' };

/** The focused element: its tag, id and text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: el?.textContent ?? '' };
  });
}

describe.skipIf(skip)(
  'co-creation: from a need to an initiative, facilitated and published',
  () => {
    const citizen = newAccount('Cora Burger', 'cora');
    const clerk = newAccount('Ruud Raadslid', 'ruud');
    const follower = newAccount('Fiona Volger', 'fiona');
    const stamp = Date.now().toString(36);
    const council = `Gemeente Bouwstad ${stamp}`;
    const needTitle = `A place for the repair café ${stamp}`;
    const initiativeTitle = `Repair café Bouwstad ${stamp}`;
    let inbox: Inbox;
    let server: ServerProcess;
    let dataDir = '';
    let base = '';
    let browser: Browser;
    let needId = '';
    let initiativeUrl = '';
    let councilId = '';

    async function signUp(account: Account) {
      const response = await fetch(`${base}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    }

    async function switchTo(account: Pick<Account, 'email' | 'password'>) {
      await browser.context.clearCookies();
      await browser.page.goto(`${base}/`);
      await browserSignIn(browser.page, account);
    }

    beforeAll(async () => {
      inbox = await startSmtpServer();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'connective-co-creation-'));
      const env = {
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        DEMO: '0',
        LOG_LEVEL: 'warn',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        WEB_DIST_DIR: path.join(ROOT, 'dist/web'),
        SMTP_URL: inbox.url,
        MAIL_WORKER: '1',
        MAIL_POLL_MS: '200',
        MAIL_DIGEST_CHECK_MS: '500',
        MAIL_DIGEST_DAY_SECONDS: '2',
      };
      // A platform admin (who moderates), made before the server holds the data directory.
      const made = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'user',
          'create',
          '--admin',
          '--email',
          moderator.email,
          '--name',
          'Mona Moderator',
          '--password',
          moderator.password,
        ],
        { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
      );
      expect(made.status, `${made.stdout}${made.stderr}`).toBe(0);
      server = await startServerProcess(env, { echo: 'co-creation' });
      base = server.baseUrl;
      browser = await launch();
      for (const account of [citizen, clerk, follower]) await signUp(account);
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      if (server) await stopServerProcess(server.child);
      await inbox?.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('a citizen posts a need; the council acknowledges it; a follower wants a daily digest', async () => {
      const { page } = browser;
      // The council is a public body another account owns.
      await switchTo(clerk);
      const org = await browserApi<{ id: string }>(page, 'POST', '/api/organisations', {
        name: council,
        kind: 'public_body',
        level: 'local',
        country: 'NL',
        sector: '01',
      });
      expect(org.status, JSON.stringify(org.body)).toBe(201);
      councilId = org.body.id;

      await switchTo(citizen);
      const need = await browserApi<{ id: string }>(page, 'POST', '/api/needs', {
        title: needTitle,
        description: 'Volunteers fix bikes and toasters, but have nowhere to meet.',
        place: 'Bouwstad',
        country: 'NL',
        responsibleOrganisationId: org.body.id,
      });
      expect(need.status, JSON.stringify(need.body)).toBe(201);
      needId = need.body.id;

      // The follower follows the need and chooses a daily digest.
      await switchTo(follower);
      await page.goto(`${base}/needs/${needId}`);
      await waitForHeading(page, needTitle);
      await page.getByRole('button', { name: 'Follow', exact: true }).click();
      await page.getByRole('button', { name: 'Stop following' }).waitFor();
      await page.goto(`${base}/notifications`);
      await waitForHeading(page, 'Notifications');
      await page.getByLabel('Daily digest').check();
      await page.getByRole('button', { name: 'Save e-mail setting' }).click();
      await page
        .getByRole('status')
        .getByText('Your e-mail setting has been saved: Daily digest.')
        .waitFor();

      await switchTo(clerk);
      const ack = await browserApi(page, 'POST', `/api/needs/${needId}/status`, {
        status: 'acknowledged',
        reason: 'We look for a building.',
      });
      expect(ack.status, JSON.stringify(ack.body)).toBe(200);
      expectNoProblems(browser);
    });

    it('the citizen starts an initiative and links the need with the keyboard', async () => {
      const { page } = browser;
      await switchTo(citizen);
      await page.goto(`${base}/initiatives`);
      await waitForHeading(page, 'Initiatives');
      expect(await page.title()).toBe('Initiatives – Connective');
      await expectAccessible(page, 'initiatives (signed in)');
      await page.getByRole('link', { name: 'Start an initiative' }).click();
      await waitForHeading(page, 'Start an initiative');
      await expectAccessible(page, 'start an initiative');

      // Nothing filled in: the summary names the title and the country.
      await page.getByRole('button', { name: 'Start the initiative' }).click();
      const summary = page.locator('ds-error-summary');
      await summary.getByRole('link', { name: /^Title:/ }).waitFor();
      await summary.getByRole('link', { name: /^Country:/ }).waitFor();
      await expectAccessible(page, 'start an initiative (errors)');

      await page.getByLabel('Title', { exact: true }).fill(initiativeTitle);
      await page.getByLabel(/^Purpose/).fill('A monthly repair café run by neighbours.');
      await page.getByLabel(/^Place/).fill('Bouwstad');
      await page.getByLabel('Country', { exact: true }).selectOption('NL');
      await page.getByLabel('Stage', { exact: true }).selectOption('implementing');
      await page.getByRole('button', { name: 'Start the initiative' }).click();
      await waitForHeading(page, initiativeTitle);
      await page.getByText('Your initiative has been started.').waitFor();
      initiativeUrl = page.url();
      expect(initiativeUrl).toMatch(/\/initiatives\/[0-9a-f-]{36}$/);
      const stakeholders = page.getByRole('list', { name: 'Stakeholders and their roles' });
      await stakeholders.getByText(citizen.name).waitFor();
      await stakeholders.getByText('Owner').waitFor();

      // Keyboard only: Tab to the field, type the need's address, Tab to the button, Enter.
      for (let i = 0; i < 120 && (await focused(page)).id !== 'initiative-need'; i += 1)
        await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ id: 'initiative-need' });
      await page.keyboard.type(`${base}/needs/${needId}`);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Link the need' });
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('The need has been linked.').waitFor();
      await page
        .getByRole('list', { name: 'Needs it addresses' })
        .getByRole('link', { name: needTitle })
        .waitFor();
      await expectAccessible(page, 'initiative (owner)');

      // The need links back to the initiative.
      await page.goto(`${base}/needs/${needId}`);
      await waitForHeading(page, needTitle);
      await page
        .getByRole('list', { name: 'Initiatives addressing it' })
        .getByRole('link', { name: initiativeTitle })
        .waitFor();
      expectNoProblems(browser);
    });

    it('the follower follows the initiative; the council provides a building, commits and delivers it', async () => {
      const { page } = browser;
      await switchTo(follower);
      await page.goto(initiativeUrl);
      await waitForHeading(page, initiativeTitle);
      await page.getByRole('button', { name: 'Follow this initiative' }).click();
      await page.getByRole('button', { name: 'Stop following' }).waitFor();
      await expectAccessible(page, 'initiative (follower)');

      await switchTo(clerk);
      await page.goto(initiativeUrl);
      await waitForHeading(page, initiativeTitle);
      await page.getByLabel('Find the public body').fill(council);
      const body = page.getByLabel('Public body', { exact: true });
      await body.locator('option', { hasText: council }).waitFor({ state: 'attached' });
      await body.selectOption({ label: council });
      await page.getByLabel('Kind of support').selectOption('space');
      await page.getByLabel(/^Address/).fill('Old library, Marktplein 3');
      await page.getByLabel(/^Available from/).fill('2027-01-01');
      await page.getByLabel(/^Conditions/).fill('Saturdays; leave it tidy.');
      await expectAccessible(page, 'initiative (record facilitation)');
      await page.getByRole('button', { name: 'Record the support' }).click();
      await page.getByRole('status').getByText('The support has been recorded.').waitFor();

      const item = page
        .getByRole('list', { name: 'Support from public bodies' })
        .getByRole('listitem');
      await item.getByText('Provide space or a building').waitFor();
      await item.getByText('Requested', { exact: true }).waitFor();
      await item.getByText('Old library, Marktplein 3').waitFor();
      await page.getByRole('button', { name: 'Commit: Provide space or a building' }).click();
      await item.getByText('Committed', { exact: true }).waitFor();
      await page
        .getByRole('button', { name: 'Mark delivered: Provide space or a building' })
        .click();
      await item.getByText('Delivered', { exact: true }).waitFor();
      // Delivered is final: no more actions.
      expect(await item.getByRole('button').count()).toBe(0);
      await expectAccessible(page, 'initiative (facilitation delivered)');

      // The council's page shows what it did for initiatives.
      await page.goto(`${base}/organisations/${councilId}`);
      await waitForHeading(page, council);
      const profile = page.getByRole('table', { name: 'Support by kind and status' });
      await profile
        .getByRole('row', { name: /Provide space or a building/ })
        .getByRole('cell')
        .nth(2)
        .getByText('1', { exact: true })
        .waitFor();
      await page
        .getByRole('list', { name: 'Initiatives supported' })
        .getByRole('link', { name: initiativeTitle })
        .waitFor();
      await expectAccessible(page, 'organisation (facilitation profile)');
      expectNoProblems(browser);
    });

    it('the citizen posts an update and publishes the initiative; the case page opens', async () => {
      const { page } = browser;
      await switchTo(citizen);
      await page.goto(initiativeUrl);
      await waitForHeading(page, initiativeTitle);
      await page
        .getByLabel('Post an update')
        .fill('The café opens in the old library on Saturday.');
      await page.getByRole('button', { name: 'Post the update' }).click();
      await page.getByRole('status').getByText('Your update has been posted.').waitFor();
      await page
        .getByRole('list', { name: 'Progress updates' })
        .getByText('The café opens in the old library on Saturday.')
        .waitFor();

      await page.getByRole('button', { name: 'Publish to the case library' }).click();
      await page.getByText('The initiative has been published as a case.').waitFor();
      const caseLink = page.getByRole('region', { name: 'Case library' }).getByRole('link');
      await caseLink.waitFor();
      await expectAccessible(page, 'initiative (published)');
      await caseLink.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await waitForHeading(page, initiativeTitle);
      expectNoProblems(browser);
    });

    it("the follower's daily digest lists the need's status change and the update", async () => {
      const mail = await (async () => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const found = inbox.messages.find(
            (m) =>
              JSON.stringify(m.to).includes(follower.email) &&
              (m.text ?? '').includes(`The need “${needTitle}” you follow is now`),
          );
          if (found) return found;
          if (Date.now() > deadline) throw new Error('no digest for the follower arrived');
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      expect(mail.subject).toMatch(/^Connective: \d+ new notifications$/);
      expect(mail.text).toContain('Acknowledged');
      // The update arrives in this digest or in the next one.
      await expect
        .poll(
          () =>
            inbox.messages.some(
              (m) =>
                JSON.stringify(m.to).includes(follower.email) &&
                (m.text ?? '').includes(`News from the initiative “${initiativeTitle}”`),
            ),
          { timeout: 20_000 },
        )
        .toBe(true);
    });

    it('the follower reports the update; a moderator hides it; its author sees why', async () => {
      const { page } = browser;
      await switchTo(follower);
      await page.goto(initiativeUrl);
      await waitForHeading(page, initiativeTitle);
      const updates = page.getByRole('list', { name: 'Progress updates' });
      await updates.locator('summary').click();
      await updates.getByLabel('Why should a moderator look at this?').fill('Advertises a shop.');
      await expectAccessible(page, 'initiative (report open)');
      await updates.getByRole('button', { name: 'Send the report' }).click();
      await updates.getByText('Thank you: the moderators will look at it.').waitFor();

      await switchTo(moderator);
      await page.goto(`${base}/moderation`);
      await waitForHeading(page, 'Moderation');
      const item = page
        .getByRole('list', { name: 'Content to moderate' })
        .getByRole('listitem')
        .first();
      await item.getByText('Advertises a shop.', { exact: false }).waitFor();
      await expectAccessible(page, 'moderation queue');
      await item.getByLabel('Justification').fill('No advertising, please.');
      await item.getByRole('button', { name: 'Hide' }).click();
      await page.getByRole('status').getByText('It has been hidden.').waitFor();

      await switchTo(citizen);
      await page.goto(initiativeUrl);
      await waitForHeading(page, initiativeTitle);
      await page
        .getByText('Hidden by a moderator: only you and the moderators see this update.')
        .waitFor();
      await expectAccessible(page, 'initiative (update hidden)');

      // In Dutch: the page's own strings and the vocabulary labels.
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await page.getByRole('heading', { name: 'Ondersteuning door overheden' }).waitFor();
      await page
        .getByText('Verborgen door een moderator: alleen u en de moderatoren zien dit bericht.')
        .waitFor();
      const support = page.getByRole('list', { name: 'Ondersteuning door overheden' });
      await support.getByText('Ruimte of een gebouw bieden').waitFor();
      await support.getByText('Geleverd', { exact: true }).waitFor();
      await expectAccessible(page, 'initiative (Dutch)');
      await page.goto(`${base}/initiatives`);
      await waitForHeading(page, 'Initiatieven');
      await expectAccessible(page, 'initiatives (Dutch)');
      expectNoProblems(browser);
    });
  },
);
