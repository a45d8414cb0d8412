import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  admin,
  apiSignUp,
  baseUrl,
  browserApi,
  browserSignIn,
  expectAccessible,
  expectNoProblems,
  newAccount,
  skip,
  useBrowser,
  waitForHeading,
  type Account,
} from './support.ts';

/** A word no other test uses, so searches find only this run's needs. */
function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

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
  max = 80,
): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(
    `Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

/** POST without a body (so without a content type) from inside the page, as the app does. */
function postEmpty(page: Page, url: string) {
  return page.evaluate(async (url) => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string | null };
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'x-csrf-token': session.csrfToken ?? '' },
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
  }, url);
}

/** Sign in as someone else in the same browser. */
async function switchTo(page: Page, account: Pick<Account, 'email' | 'password'>) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/`);
  await browserSignIn(page, account);
}

describe.skipIf(skip)('needs and responsiveness', () => {
  const browser = useBrowser();
  const citizen = newAccount('Cora Burger', 'cora');
  const neighbour = newAccount('Sam Buurman', 'sam');
  const clerk = newAccount('Ruud Raadslid', 'ruud');
  const word = unique('lantaarn');
  const council = `Gemeente ${unique('Lichtstad')}`;
  const title = `Broken street lights in ${word} lane`;
  let councilId = '';
  let needUrl = '';

  it('a citizen posts a need naming a council as responsible; a similar title shows it', async () => {
    const { page } = browser();
    await apiSignUp(citizen);
    await apiSignUp(neighbour);
    await apiSignUp(clerk);
    // The council is an organisation another account owns.
    await switchTo(page, clerk);
    const org = await browserApi<{ id: string }>(page, 'POST', '/api/organisations', {
      name: council,
      kind: 'public_body',
      level: 'local',
      country: 'NL',
      sector: '01',
    });
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    councilId = org.body.id;

    await switchTo(page, citizen);
    await page.goto(`${baseUrl}/needs`);
    await waitForHeading(page, 'Needs');
    await page.getByRole('link', { name: 'Post a need' }).click();
    await waitForHeading(page, 'Post a need');
    expect(await page.title()).toBe('Post a need – Connective');
    await expectAccessible(page, 'post a need (signed in)');

    // Nothing filled in: the summary names the title and the country.
    await page.getByRole('button', { name: 'Post the need' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /^Title:/ }).waitFor();
    await summary.getByRole('link', { name: /^Country:/ }).waitFor();
    await expectAccessible(page, 'post a need (errors)');

    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel(/^Description/)
      .fill('Half the lamps have been out since the storm; children walk home in the dark.');
    await page.getByLabel(/^Place/).fill('Lichtstad-Noord');
    await page.getByLabel('Country', { exact: true }).selectOption('NL');
    await page.getByLabel(/^Sector/).selectOption('06');
    await page.getByLabel('Find the responsible organisation').fill(council);
    const responsible = page.getByLabel(/^Responsible organisation/);
    await responsible.locator('option', { hasText: council }).waitFor({ state: 'attached' });
    await responsible.selectOption({ label: council });
    await page.getByRole('button', { name: 'Post the need' }).click();
    await waitForHeading(page, title);
    await page.getByText('Your need has been posted.').waitFor();
    needUrl = page.url();
    expect(needUrl).toMatch(/\/needs\/[0-9a-f-]{36}$/);
    await page.locator('dl').getByRole('link', { name: council }).waitFor();
    await page.locator('dl').getByText('Open', { exact: true }).waitFor();
    await expectAccessible(page, 'need (its author)');

    // Its author may change it while it is open.
    await page.locator('summary', { hasText: 'Change this need' }).click();
    await page.getByLabel(/^Place/).fill('Lichtstad-Noord, near the school');
    // Wait for the answer itself, so a failure says whether the server or the page went wrong.
    const [answer] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && /\/api\/needs\/[0-9a-f-]{36}$/.test(r.url()),
      ),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    expect(answer.status(), await answer.text()).toBe(200);
    await page.getByRole('status').getByText('Your changes have been saved.').waitFor();
    await page.locator('dl').getByText('Lichtstad-Noord, near the school').waitFor();

    // Typing a similar title on the form shows the need already posted, in a polite live region.
    await page.goto(`${baseUrl}/needs/new`);
    await waitForHeading(page, 'Post a need');
    await page.getByLabel('Title', { exact: true }).pressSequentially(`Street lights ${word}`);
    const similar = page.locator('.similar-needs');
    expect(await similar.getAttribute('aria-live')).toBe('polite');
    await similar.getByRole('heading', { name: 'Similar needs already posted' }).waitFor();
    await similar.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page, 'post a need (similar needs)');
    expectNoProblems(browser());
  });

  it('another person supports it with the keyboard, once, and follows it', async () => {
    const { page } = browser();
    await switchTo(page, neighbour);
    await page.goto(needUrl);
    await waitForHeading(page, title);
    await page.getByText('0 people support this need.').waitFor();
    await expectAccessible(page, 'need (signed in)');

    // Tab to the button and press Enter: the count goes up, and focus stays on the button.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Support this need');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('You support this need, and follow it.').waitFor();
    await page.getByText('1 person supports this need.').waitFor();
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'button', text: 'Withdraw my support' });
    // Supporting again is not offered, and the server refuses it.
    expect(await page.getByRole('button', { name: 'Support this need' }).count()).toBe(0);
    const needId = needUrl.split('/').at(-1)!;
    const again = await postEmpty(page, `/api/needs/${needId}/support`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_supported' } });

    // A page that did not know (support given elsewhere meanwhile) says so instead of failing.
    await page.getByRole('button', { name: 'Withdraw my support' }).click();
    await page.getByText('0 people support this need.').waitFor();
    const elsewhere = await postEmpty(page, `/api/needs/${needId}/support`);
    expect(elsewhere.status).toBe(204);
    await page.getByRole('button', { name: 'Support this need' }).click();
    await page.getByRole('status').getByText('You support this need already.').waitFor();
    await page.getByText('1 person supports this need.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    // Supporting follows; stop and follow again.
    await page.getByRole('button', { name: 'Stop following' }).click();
    await page.getByRole('status').getByText('You no longer follow this need.').waitFor();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('status').getByText('You follow this need', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Stop following' }).waitFor();

    // A comment, listed under the need.
    await page.getByLabel('Your comment').fill('Our side of the lane is dark too.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('status').getByText('Your comment has been posted.').waitFor();
    await page
      .getByRole('list', { name: 'Comments' })
      .getByText('Our side of the lane is dark too.')
      .waitFor();
    await expectAccessible(page, 'need (supported, followed and commented on)');
    expectNoProblems(browser());
  });

  it("the council's member acknowledges it with the keyboard, then declines it, a reason needed", async () => {
    const { page } = browser();
    await switchTo(page, clerk);
    await page.goto(needUrl);
    await waitForHeading(page, title);
    await page.getByRole('heading', { name: 'Answer this need' }).waitFor();
    await page.getByText(`You answer on behalf of ${council}.`, { exact: false }).waitFor();
    await expectAccessible(page, 'need (answer controls)');
    // Only the statuses that may come next are offered.
    const choices = page.getByRole('group', { name: 'New status' }).getByRole('radio');
    expect(await choices.count()).toBe(2);

    // Keyboard only: Tab into the choices, Space chooses, Tab to the reason and to the button.
    await tabTo(page, (f) => f.id === 'answer-status-acknowledged');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Acknowledged').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'answer-reason' });
    await page.keyboard.type('We will check the lamps this week.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Save the answer' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The need is now: Acknowledged.').waitFor();
    await expect.poll(() => choices.count()).toBe(3);

    // Declining without a reason is refused on the form.
    await page.getByLabel('Declined').check();
    await page.getByRole('button', { name: 'Save the answer' }).click();
    await page.getByText('Say why you decline this need (at least 3 characters).').waitFor();
    expect(await page.locator('#answer-reason').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(page)).toMatchObject({ id: 'answer-reason' });
    await expectAccessible(page, 'need (decline without a reason)');
    await page.getByLabel('Reason or explanation').fill('The lamps belong to the province.');
    await page.getByRole('button', { name: 'Save the answer' }).click();
    await page.getByRole('status').getByText('The need is now: Declined.').waitFor();
    // Closed: no more statuses, but it can be reopened.
    await page.getByRole('button', { name: 'Reopen the need' }).waitFor();
    expect(await page.getByRole('group', { name: 'New status' }).count()).toBe(0);

    // The public timeline: what changed, why, by whom for which organisation.
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const entries = timeline.getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(3);
    await entries.nth(0).getByText('Posted').waitFor();
    await entries.nth(0).getByText(`By ${citizen.name}`, { exact: false }).waitFor();
    await entries.nth(1).getByText('Status changed from Open to Acknowledged').waitFor();
    await entries.nth(1).getByText('Reason: We will check the lamps this week.').waitFor();
    await entries.nth(1).getByText(`By ${clerk.name} for ${council}`, { exact: false }).waitFor();
    await entries.nth(2).getByText('Status changed from Acknowledged to Declined').waitFor();
    await entries.nth(2).getByText('Reason: The lamps belong to the province.').waitFor();
    await expectAccessible(page, 'need (declined)');
    expectNoProblems(browser());
  });

  it('the follower hears of it in the notifications', async () => {
    const { page } = browser();
    await switchTo(page, neighbour);
    await page.goto(`${baseUrl}/notifications`);
    await waitForHeading(page, 'Notifications');
    const list = page.getByRole('list', { name: 'Notifications, newest first' });
    const item = list
      .getByRole('listitem')
      .filter({ hasText: `The need “${title}” you follow is now: Declined.` });
    await item.waitFor();
    await item.getByRole('link').click();
    await waitForHeading(page, title);
    expect(page.url()).toBe(needUrl);
    expectNoProblems(browser());
  });

  it('a moderator merges a duplicate into it: supporters move, and the duplicate points there', async () => {
    const { page } = browser();
    await switchTo(page, citizen);
    const duplicate = await browserApi<{ id: string }>(page, 'POST', '/api/needs', {
      title: `Dark street in ${word} lane`,
      country: 'NL',
    });
    expect(duplicate.status, JSON.stringify(duplicate.body)).toBe(201);
    const supported = await postEmpty(page, `/api/needs/${duplicate.body.id}/support`);
    expect(supported.status).toBe(204);

    await switchTo(page, admin);
    await page.goto(`${baseUrl}/needs/${duplicate.body.id}`);
    await waitForHeading(page, `Dark street in ${word} lane`);
    await page.locator('summary', { hasText: 'Merge this need into another' }).click();
    // Nothing chosen: the form says so.
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('Choose the need to merge into.').waitFor();
    await expectAccessible(page, 'need (merge form)');
    // Found by its address.
    await page.getByLabel('Find the need to merge into').fill(needUrl);
    const into = page.getByLabel('Merge into', { exact: true });
    await into.locator('option', { hasText: title }).waitFor({ state: 'attached' });
    await into.selectOption({ label: title });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await waitForHeading(page, title);
    await page.getByText('The need has been merged into this one.').waitFor();
    // The citizen's support of the duplicate joins the neighbour's.
    await page.getByText('2 people support this need.').waitFor();
    const last = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').last();
    // A moderator may still see the (now hidden) duplicate, so the entry links to it.
    await last.getByText('A duplicate was merged into this need:').waitFor();
    await last.getByRole('link', { name: `Dark street in ${word} lane` }).waitFor();
    // The platform admin of the test server is called Admin.
    await last.getByText('By Admin', { exact: false }).waitFor();

    // The duplicate tells where to go; it cannot be supported any more.
    await page.goto(`${baseUrl}/needs/${duplicate.body.id}`);
    await waitForHeading(page, `Dark street in ${word} lane`);
    await page.getByText('This need was merged into another one:').waitFor();
    await page.locator('.ds-alert').getByRole('link', { name: title }).click();
    await waitForHeading(page, title);
    expect(page.url()).toBe(needUrl);
    await page.goBack();
    await waitForHeading(page, `Dark street in ${word} lane`);
    expect(await page.getByRole('button', { name: 'Support this need' }).count()).toBe(0);
    const own = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').last();
    await own.getByText('Merged into another need:').waitFor();
    await own.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page, 'need (merged)');
    expectNoProblems(browser());
  });

  it('signed out: the list, the need and the responsiveness figures, with a table beside the chart', async () => {
    const { page, context } = browser();
    await context.clearCookies();

    // The list: search and filters in the address.
    await page.goto(`${baseUrl}/needs`);
    await waitForHeading(page, 'Needs');
    expect(await page.title()).toBe('Needs – Connective');
    await page.getByLabel('Search in the needs').fill(word);
    await page.getByLabel('Status', { exact: true }).selectOption('declined');
    await page.getByLabel('Order').selectOption('newest');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('declined');
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await page.getByText('1 need found').waitFor();
    const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await hit.getByText('2 supporters', { exact: true }).waitFor();
    await hit.getByText('Declined', { exact: true }).waitFor();
    await expectAccessible(page, 'needs (signed out, filtered)');

    // The need, signed out: no buttons, a way to sign in.
    await hit.getByRole('link', { name: title }).click();
    await waitForHeading(page, title);
    await page.getByRole('link', { name: 'Sign in to support or follow this need' }).waitFor();
    expect(await page.getByRole('button', { name: 'Support this need' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Answer this need' }).count()).toBe(0);
    await expectAccessible(page, 'need (signed out)');

    // Responsiveness: the council with its figures.
    await page.goto(`${baseUrl}/responsiveness`);
    await waitForHeading(page, 'Responsiveness');
    expect(await page.title()).toBe('Responsiveness – Connective');
    await page.getByRole('heading', { name: 'How these figures are counted' }).waitFor();
    const ranking = page.getByRole('table', {
      name: 'Organisations responsible for needs, most needs first',
    });
    const row = ranking.getByRole('row').filter({ has: page.getByRole('link', { name: council }) });
    await row.waitFor();
    // Needs; days to acknowledge; to address, to resolve and answered within 30 days: none yet.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('1');
    expect(cells[1]).toMatch(/^\d+(\.\d)? days?$/);
    expect(cells.slice(2)).toEqual(['–Not set', '–Not set', '–Not set']);

    // The chart has a name, and its data as a table.
    await page.getByRole('img', { name: /^Bar chart of the needs posted/ }).waitFor();
    const month = new Intl.DateTimeFormat('en', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date());
    const trend = page.getByRole('table', { name: 'Needs by the month they were posted' });
    await trend.getByRole('rowheader', { name: month }).waitFor();
    await expectAccessible(page, 'responsiveness (signed out)');

    // One organisation's figures.
    await row.getByRole('link', { name: council }).click();
    await waitForHeading(page, `Responsiveness of ${council}`);
    expect(new URL(page.url()).searchParams.get('organisation')).toBe(councilId);
    await page.getByRole('img', { name: /^Bar chart of the needs posted/ }).waitFor();
    await page.getByRole('table', { name: 'Needs by the month they were posted' }).waitFor();
    await expectAccessible(page, 'responsiveness of one organisation');

    // The organisation's page links to it; in Dutch too.
    await page.goto(`${baseUrl}/organisations/${councilId}`);
    await waitForHeading(page, council);
    await page.getByRole('link', { name: 'How quickly it answers needs' }).click();
    await waitForHeading(page, `Responsiveness of ${council}`);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await waitForHeading(page, `Reactiesnelheid van ${council}`);
    await page.getByRole('heading', { name: 'Hoe deze cijfers worden geteld' }).waitFor();
    await page.getByRole('table', { name: 'Behoeften per maand van plaatsing' }).waitFor();
    await expectAccessible(page, 'responsiveness (Dutch)');
    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, `Responsiveness of ${council}`);
    expectNoProblems(browser());
  });
});
