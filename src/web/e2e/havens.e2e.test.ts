import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSignUp,
  baseUrl,
  browserApi,
  browserSignIn,
  expectAccessible,
  expectNoProblems,
  launch,
  newAccount,
  skip,
  useBrowser,
  waitForHeading,
  type Account,
} from './support.ts';

/** A word no other test uses, so searches find only this run's records. */
function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

async function signedIn(page: Page, account: Account) {
  await apiSignUp(account);
  await page.goto(`${baseUrl}/`);
  await browserSignIn(page, account);
}

/** A short description of the focused element. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const id = el?.id ?? '';
    const label = id
      ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '')
      : '';
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: el?.getAttribute('type') ?? '',
      text: (el?.textContent ?? '').trim(),
      label: label.trim(),
    };
  });
}

const UNITS =
  'id,region\nu1,north\nu2,north\nu3,north\nu4,north\nu5,south\nu6,south\nu7,south\nu8,south';
const BAD_OUTCOMES = 'unit,arm,value\nu1,control,0\nu2,treatment,maybe\n';
const OUTCOMES = [
  'unit,arm,value',
  'u1,control,0',
  'u2,control,0',
  'u3,control,1',
  'u4,control,0',
  'u5,treatment,1',
  'u6,treatment,1',
  'u7,treatment,0',
  'u8,treatment,1',
].join('\n');

describe.skipIf(skip)('safe havens', () => {
  const browser = useBrowser();

  it('keeps a private experiment private until it is published, anonymised, to the lessons library', async () => {
    const { page } = browser();
    const owner = newAccount('Olga Eigenaar', 'olga');
    const word = unique('afval');
    const orgName = `Gemeente ${unique('Proefstad')}`;
    const spaceName = `Proeftuin ${word}`;
    const title = `Reminder letters ${word}`;
    await signedIn(page, owner);
    const org = await browserApi<{ id: string }>(page, 'POST', '/api/organisations', {
      name: orgName,
      kind: 'public_body',
      level: 'local',
      country: 'NL',
      sector: '01',
    });
    expect(org.status, JSON.stringify(org.body)).toBe(201);

    // Open a private space for the organisation.
    await page.goto(`${baseUrl}/spaces`);
    await waitForHeading(page, 'Safe havens');
    expect(await page.title()).toBe('Safe havens – Connective');
    await expectAccessible(page, 'spaces (signed in)');
    await page.getByRole('button', { name: 'Open space' }).click();
    await page
      .locator('ds-error-summary')
      .getByRole('link', { name: /^Name:/ })
      .waitFor();
    await expectAccessible(page, 'spaces (form errors)');
    await page.getByLabel('Name', { exact: true }).fill(spaceName);
    await page.getByLabel(/^Description/).fill('Where we try new ways to collect waste.');
    await page.getByLabel('Private (members only)').check();
    await page.getByLabel(/^Organisation/).selectOption({ label: orgName });
    await page.getByRole('button', { name: 'Open space' }).click();
    await waitForHeading(page, spaceName);
    const spaceUrl = page.url();
    expect(spaceUrl).toMatch(/\/spaces\/[0-9a-f-]{36}$/);
    await page.getByText('Your role: Owner').waitFor();
    await page.locator('dl').getByText('Private (members only)').waitFor();
    await expectAccessible(page, 'space (owner)');

    // An experiment without a hypothesis cannot start: the page says what is missing.
    const spaceId = spaceUrl.split('/').at(-1)!;
    const bare = await browserApi<{ id: string }>(
      page,
      'POST',
      `/api/spaces/${spaceId}/experiments`,
      { title: `Unfinished plan ${word}`, design: 'pilot' },
    );
    expect(bare.status, JSON.stringify(bare.body)).toBe(201);
    await page.goto(`${baseUrl}/experiments/${bare.body.id}`);
    await waitForHeading(page, `Unfinished plan ${word}`);
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    await page
      .getByRole('alert')
      .getByText(/cannot start without a hypothesis and a success criterion/)
      .waitFor();
    await expectAccessible(page, 'experiment (start refused)');

    // Register an experiment with its plan.
    await page.goto(spaceUrl);
    await waitForHeading(page, spaceName);
    await page.locator('summary', { hasText: 'Register an experiment' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Design').selectOption({ label: 'Randomised trial' });
    await page.getByLabel(/^Question/).fill('Do reminder letters get more bins out on time?');
    await page.getByLabel(/^Hypothesis/).fill('A letter raises the share of bins out on time.');
    await page.getByLabel(/^Success criterion/).fill('At least 10 points more bins on time.');
    await page.getByLabel(/^Country/).selectOption('NL');
    await page.getByLabel(/^Sector/).selectOption('05');
    await expectAccessible(page, 'space (register experiment)');
    await page.getByRole('button', { name: 'Register experiment' }).click();
    await waitForHeading(page, title);
    const experimentUrl = page.url();
    expect(experimentUrl).toMatch(/\/experiments\/[0-9a-f-]{36}$/);
    await page.getByText('Status: Planned').waitFor();
    await expectAccessible(page, 'experiment (planned)');

    // Start it.
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    await page.getByText('The experiment has started. Its plan is now frozen.').waitFor();
    await page.getByText('Status: Running').waitFor();

    // After the start, a change to the plan needs a reason and is listed as an amendment.
    await page.locator('summary', { hasText: 'Amend the plan' }).click();
    await page
      .getByLabel(/^Hypothesis/)
      .fill('A letter raises the share of bins out on time by 10 points.');
    await page.getByRole('button', { name: 'Save the amendment' }).click();
    await page
      .locator('ds-error-summary')
      .getByRole('link', { name: /^Reason for this amendment:/ })
      .waitFor();
    await expectAccessible(page, 'experiment (amendment without a reason)');
    await page.getByLabel('Reason for this amendment').fill('The council asked for a number.');
    await page.getByRole('button', { name: 'Save the amendment' }).click();
    await page.getByText('The amendment has been saved.').waitFor();
    const amendments = page.getByRole('table', { name: 'Amendments to the plan' });
    const row = amendments.getByRole('row', { name: /Hypothesis/ });
    await row.getByText('The council asked for a number.').waitFor();
    await row
      .getByText('A letter raises the share of bins out on time.', { exact: true })
      .waitFor();
    await row.getByText(owner.name).waitFor();

    // Random assignment, stratified by region; the list downloads as CSV.
    await page.getByLabel('Units to assign').fill(UNITS);
    await page.getByLabel('Permuted blocks within strata').check();
    await page.getByRole('button', { name: 'Assign at random' }).click();
    await page.getByText('8 units have been assigned.').waitFor();
    const counts = page.getByRole('table', { name: 'Units per arm' });
    const total = counts.getByRole('row', { name: /All units/ });
    await total.waitFor();
    // Permuted blocks of four within each region of four units: two and two everywhere.
    expect(await total.getByRole('cell').allTextContents()).toEqual(['4', '4']);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the allocation list (CSV)' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('unit_id,arm,stratum,block,sequence');
    await expectAccessible(page, 'experiment (allocated)');

    // Outcomes: a bad file is refused with its line and column; a good one gives the analysis.
    const file = page.getByLabel('Outcome file');
    await file.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_OUTCOMES),
    });
    await page.getByRole('button', { name: 'Upload outcomes' }).click();
    await page
      .getByRole('alert')
      .getByText(/line 3, column value/)
      .waitFor();
    await expectAccessible(page, 'experiment (outcome file refused)');
    await file.setInputFiles({
      name: 'outcomes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(OUTCOMES),
    });
    await page.getByRole('button', { name: 'Upload outcomes' }).click();
    await page.getByText('The outcomes in outcomes.csv have been recorded.').waitFor();
    const arms = page.getByRole('table', { name: 'Units and outcome per arm' });
    await arms
      .getByRole('row', { name: /treatment/ })
      .getByText('75.0%')
      .waitFor();
    await arms
      .getByRole('row', { name: /control/ })
      .getByText('25.0%')
      .waitFor();
    await page.getByText('Difference (treatment − control)').waitFor();
    await page.getByText('p-value').waitFor();

    // Lessons and a decision.
    await page
      .getByLabel('What did not work')
      .fill('Letters in Dutch only reached half the streets.');
    await page.getByRole('button', { name: 'Save lessons' }).click();
    await page.getByText('The lessons have been saved.').waitFor();
    await page
      .getByLabel('Decision', { exact: true })
      .fill('Keep the letters, add a text message.');
    await page.getByRole('button', { name: 'Add decision' }).click();
    await page.getByText('The decision has been recorded.').waitFor();
    await page.getByText('Keep the letters, add a text message.').first().waitFor();
    await expectAccessible(page, 'experiment (running, with data)');

    // A stranger, signed in elsewhere, finds nothing of it anywhere.
    const stranger = await launch();
    try {
      const s = stranger.page;
      await signedIn(s, newAccount('Sam Vreemde', 'sam'));
      await s.goto(`${baseUrl}/spaces`);
      await waitForHeading(s, 'Safe havens');
      await s
        .getByRole('table', { name: 'Spaces' })
        .or(s.getByText('There are no spaces you can see yet.'))
        .waitFor();
      expect(await s.getByText(spaceName).count()).toBe(0);
      await s.goto(spaceUrl);
      await s.getByText('This space does not exist, or you may not see it.').waitFor();
      await expectAccessible(s, 'space (not found for a stranger)');
      await s.goto(experimentUrl);
      await s.getByText('This experiment does not exist, or you may not see it.').waitFor();
      await expectAccessible(s, 'experiment (not found for a stranger)');
      await s.goto(`${baseUrl}/lessons?q=${word}`);
      await s.getByText('No lessons match.').waitFor();
      await s.goto(`${baseUrl}/cases?q=${word}`);
      await s.getByText(/^No cases match your search/).waitFor();
      expect(await s.getByText(title).count()).toBe(0);
      const api = await browserApi<{ total: number }>(s, 'GET', `/api/lessons?q=${word}`);
      expect(api.body.total).toBe(0);

      // The owner completes the experiment and publishes it, anonymised, after the preview.
      await page.getByLabel('Not supported').check();
      await page.getByRole('button', { name: 'Complete', exact: true }).click();
      await page.getByText('The experiment has been completed.').waitFor();
      await page.getByText('Status: Completed').waitFor();
      expect(await page.getByLabel('Anonymise').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const preview = page.getByRole('region', { name: 'Preview: this becomes public' });
      await preview.getByRole('heading', { name: title }).waitFor();
      await preview.getByText('Letters in Dutch only reached half the streets.').waitFor();
      const shown = (await preview.textContent()) ?? '';
      expect(shown).not.toContain(orgName);
      expect(shown).not.toContain(owner.name);
      await expectAccessible(page, 'experiment (publication preview)');
      await preview.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('The lesson has been published.').waitFor();
      await page.getByText(/^Published anonymised on/).waitFor();

      // Now the stranger finds the lesson, without the organisation or anyone's name…
      await s.goto(`${baseUrl}/lessons`);
      await waitForHeading(s, 'Lessons from experiments');
      await s.getByLabel('Search', { exact: true }).fill(word);
      await s.getByLabel('Result', { exact: true }).selectOption('not_supported');
      await s.getByRole('button', { name: 'Search', exact: true }).click();
      await expect.poll(() => new URL(s.url()).searchParams.get('result')).toBe('not_supported');
      await s.getByText('1 lesson', { exact: true }).waitFor();
      await s.getByRole('link', { name: title }).click();
      await waitForHeading(s, title);
      const lessonUrl = s.url();
      await s.getByText('Letters in Dutch only reached half the streets.').waitFor();
      const main = (await s.locator('main').textContent()) ?? '';
      expect(main).not.toContain(orgName);
      expect(main).not.toContain(owner.name);
      expect(main).toContain('The council asked for a number.');
      // …but still not the space or the experiment.
      await s.goto(spaceUrl);
      await s.getByText('This space does not exist, or you may not see it.').waitFor();
      expectNoProblems(stranger);

      // The lessons pages pass axe for someone who is not signed in.
      await stranger.context.clearCookies();
      await s.goto(`${baseUrl}/lessons?q=${word}`);
      await waitForHeading(s, 'Lessons from experiments');
      await s.getByRole('link', { name: title }).waitFor();
      await expectAccessible(s, 'lessons (anonymous)');
      await s.goto(lessonUrl);
      await waitForHeading(s, title);
      expect(await s.title()).toBe(`${title} – Connective`);
      await expectAccessible(s, 'lesson (anonymous)');

      // Withdrawn, the lesson is gone from the library.
      await page.getByRole('button', { name: 'Withdraw' }).click();
      await page.getByText('The lesson has been withdrawn from the library.').waitFor();
      await s.goto(lessonUrl);
      await s.getByText('This lesson does not exist or has been withdrawn.').waitFor();
      expectNoProblems(stranger);
    } finally {
      await stranger.close();
    }
    expectNoProblems(browser());
  }, 180_000);

  it('invites people, who accept or decline; owners see members and the access log', async () => {
    const { page } = browser();
    await page.context().clearCookies();
    const owner = newAccount('Piet Eigenaar', 'piet');
    const guest = newAccount('Gina Gast', 'gina');
    const colleague = newAccount('Kees Collega', 'kees');
    await apiSignUp(colleague);
    await signedIn(page, owner);
    const spaceName = `Sandbox ${unique('parking')}`;
    const space = await browserApi<{ id: string }>(page, 'POST', '/api/spaces', {
      name: spaceName,
      visibility: 'transparent',
    });
    expect(space.status, JSON.stringify(space.body)).toBe(201);
    const spaceUrl = `${baseUrl}/spaces/${space.body.id}`;

    // Add a colleague who has an account; invite a guest by e-mail.
    await page.goto(spaceUrl);
    await waitForHeading(page, spaceName);
    await page.getByLabel('E-mail address', { exact: true }).first().fill(colleague.email);
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText(`${colleague.name} has been added to the space.`).waitFor();
    await page
      .getByRole('table', { name: `Members of ${spaceName}` })
      .getByText(colleague.name)
      .waitFor();

    await page.locator('#invite-email').fill(guest.email);
    await page.getByLabel('Role', { exact: true }).last().selectOption('observer');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('1 invitation has been sent.').waitFor();
    const pending = page.getByRole('table', { name: 'Invitations waiting for an answer' });
    await pending.getByText(guest.email).waitFor();
    await expectAccessible(page, 'space (invitations)');

    // The guest accepts.
    const other = await launch();
    try {
      const g = other.page;
      await signedIn(g, guest);
      await g.goto(`${baseUrl}/invitations`);
      await waitForHeading(g, 'My invitations');
      await g.getByRole('table').getByText(spaceName).waitFor();
      await expectAccessible(g, 'my invitations');
      await g.getByRole('button', { name: `Accept the invitation to ${spaceName}` }).click();
      await waitForHeading(g, spaceName);
      await g.getByText('Your role: Observer').waitFor();
      // An observer reads but does not write: no form to register an experiment.
      expect(await g.locator('summary', { hasText: 'Register an experiment' }).count()).toBe(0);
      await expectAccessible(g, 'space (observer)');
      expectNoProblems(other);
    } finally {
      await other.close();
    }

    // The owner sees the new member, the access log, and removes the colleague.
    await page.reload();
    await waitForHeading(page, spaceName);
    const members = page.getByRole('table', { name: `Members of ${spaceName}` });
    await members.getByText(guest.name).waitFor();
    await page.getByText('No invitations are waiting for an answer.').waitFor();
    const log = page.getByRole('table', { name: 'Access log' });
    await log.getByText('Accepted an invitation').first().waitFor();
    await page.getByRole('button', { name: `Remove ${colleague.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Remove ${colleague.name}?` }).waitFor();
    await expectAccessible(page, 'space (remove dialog)');
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await page.getByText(`${colleague.name} has been removed from the space.`).waitFor();

    // The last owner cannot leave.
    await page.getByRole('button', { name: 'Leave this space' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave space' }).click();
    await page.getByText('A space needs at least one owner.', { exact: false }).waitFor();
    await expectAccessible(page, 'space (last owner)');
    expectNoProblems(browser());
  }, 120_000);

  it('opens a space and searches the lessons with the keyboard only', async () => {
    const { page } = browser();
    await page.context().clearCookies();
    await signedIn(page, newAccount('Karin Toetsenbord', 'karin'));
    const spaceName = `Keyboard lab ${unique('k')}`;

    await page.goto(`${baseUrl}/spaces`);
    await waitForHeading(page, 'Safe havens');
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type(spaceName);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'textarea' });
    await page.keyboard.type('Tried with the keyboard.');
    // Into the radio group (the checked one, "Private"), then one up to "Transparent".
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ type: 'radio', label: 'Private (members only)' });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({
      type: 'radio',
      label: expect.stringMatching(/^Transparent/),
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'select' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Open space' });
    await page.keyboard.press('Enter');
    await waitForHeading(page, spaceName);
    // After navigation, focus is on the new page's heading.
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    await page
      .locator('dl')
      .getByText(/^Transparent/)
      .waitFor();

    // The lessons library: type, Tab through the filters to the button, Enter.
    await page.goto(`${baseUrl}/lessons`);
    await waitForHeading(page, 'Lessons from experiments');
    await page.getByLabel('Search', { exact: true }).focus();
    await page.keyboard.type('nothing-matches-this');
    for (const label of ['Design', 'Result', 'Sector', 'Country']) {
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'select', label });
    }
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Search' });
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('nothing-matches-this');
    await page.getByText('No lessons match.').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Search' });
    await expectAccessible(page, 'lessons (no match)');

    // In Dutch.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await waitForHeading(page, 'Lessen uit experimenten');
    await page.getByText('Geen lessen gevonden.').waitFor();
    await expectAccessible(page, 'lessons (Dutch)');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Proeftuinen' })
      .click();
    await waitForHeading(page, 'Veilige proeftuinen');
    await page.getByRole('button', { name: 'Ruimte openen' }).waitFor();
    await expectAccessible(page, 'spaces (Dutch)');
    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, 'Safe havens');
    expectNoProblems(browser());
  });
});
