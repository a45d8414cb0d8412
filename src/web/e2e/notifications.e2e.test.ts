import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
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

/** A word no other test uses. */
function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A short description of the focused element. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim() };
  });
}

/** Sign in as someone else in the same browser. */
async function switchTo(page: Page, account: Account) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/`);
  await browserSignIn(page, account);
}

/** The menu's link to the inbox, by its accessible name. */
function menuLink(page: Page, name: string | RegExp) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** A private space of the signed-in person, made through the API. */
async function privateSpace(page: Page, name: string): Promise<string> {
  const space = await browserApi<{ id: string }>(page, 'POST', '/api/spaces', {
    name,
    visibility: 'private',
  });
  expect(space.status, JSON.stringify(space.body)).toBe(201);
  return space.body.id;
}

describe.skipIf(skip)('notifications', () => {
  const browser = useBrowser();
  const inviter = newAccount('Anna Afzender', 'anna');
  const invitee = newAccount('Bram Ontvanger', 'bram');

  it('tells an invited person in the menu and the inbox; following the notification marks it read', async () => {
    const { page } = browser();
    await apiSignUp(inviter);
    await apiSignUp(invitee);
    await switchTo(page, inviter);
    const spaceName = `Pilot ${unique('meldingen')}`;
    const spaceId = await privateSpace(page, spaceName);

    // Anna invites Bram by e-mail on the space's page.
    await page.goto(`${baseUrl}/spaces/${spaceId}`);
    await waitForHeading(page, spaceName);
    await page.locator('#invite-email').fill(invitee.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('1 invitation has been sent.').waitFor();
    // Anna herself has nothing unread.
    await menuLink(page, 'Notifications').waitFor();

    // Bram sees the number in the menu; its accessible name says what it means.
    await switchTo(page, invitee);
    await page.goto(`${baseUrl}/`);
    await menuLink(page, 'Notifications (1 unread)').click();
    await waitForHeading(page, 'Notifications');
    expect(await page.title()).toBe('Notifications – Connective');
    expect(new URL(page.url()).pathname).toBe('/notifications');

    const text = `${inviter.name} invited you to the space “${spaceName}” as Member.`;
    const list = page.getByRole('list', { name: 'Notifications, newest first' });
    const item = list.getByRole('listitem').filter({ hasText: text });
    await item.waitFor();
    // Unread is said in words, not only shown in colour.
    await item.getByText('Unread', { exact: true }).waitFor();
    await page.getByText('You have 1 unread notification.').waitFor();
    await expectAccessible(page, 'notifications (unread)');

    // The filter: unread only.
    await page.getByLabel('Unread only').check();
    await item.waitFor();

    // Following the notification opens the invitations and marks it read.
    await item.getByRole('link', { name: text }).click();
    await waitForHeading(page, 'My invitations');
    expect(new URL(page.url()).pathname).toBe('/invitations');
    await page.getByRole('table').getByText(spaceName).waitFor();
    await menuLink(page, 'Notifications').waitFor();

    // Unread only shows nothing now; all shows the notification as read.
    await menuLink(page, 'Notifications').click();
    await waitForHeading(page, 'Notifications');
    await page.getByText('You have no unread notifications.').waitFor();
    await page.getByLabel('Unread only').check();
    await page.getByText('There is nothing unread.', { exact: false }).waitFor();
    await expectAccessible(page, 'notifications (nothing unread)');
    await page.getByLabel('All', { exact: true }).check();
    await item.waitFor();
    expect(await item.getByText('Unread', { exact: true }).count()).toBe(0);
    expectNoProblems(browser());
  });

  it('keeps the chosen e-mail frequency, in English and in Dutch', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/notifications`);
    await waitForHeading(page, 'Notifications');
    await expect.poll(() => page.getByLabel('Immediately').isChecked()).toBe(true);
    await page.getByLabel('Weekly digest').check();
    await page.getByRole('button', { name: 'Save e-mail setting' }).click();
    await page
      .getByRole('status')
      .getByText('Your e-mail setting has been saved: Weekly digest.')
      .waitFor();
    await expectAccessible(page, 'notifications (e-mail saved)');

    await page.reload();
    await waitForHeading(page, 'Notifications');
    await expect.poll(() => page.getByLabel('Weekly digest').isChecked()).toBe(true);

    // In Dutch: the page, the vocabulary labels and the server's text of the notification.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await waitForHeading(page, 'Meldingen');
    await expect.poll(() => page.getByLabel('Wekelijks overzicht').isChecked()).toBe(true);
    await page
      .getByRole('list', { name: 'Meldingen, nieuwste eerst' })
      .getByText(`${inviter.name} heeft u uitgenodigd voor de ruimte`, { exact: false })
      .waitFor();
    await expectAccessible(page, 'notifications (Dutch)');
    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, 'Notifications');
    expectNoProblems(browser());
  });

  it('marks all as read with the keyboard', async () => {
    const { page } = browser();
    await switchTo(page, inviter);
    for (const name of [`Eerste ${unique('ruimte')}`, `Tweede ${unique('ruimte')}`]) {
      const spaceId = await privateSpace(page, name);
      const invited = await browserApi(page, 'POST', `/api/spaces/${spaceId}/invitations`, {
        email: invitee.email,
        role: 'observer',
      });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    }

    await switchTo(page, invitee);
    await page.goto(`${baseUrl}/notifications`);
    await waitForHeading(page, 'Notifications');
    await menuLink(page, 'Notifications (2 unread)').waitFor();
    await page.getByText('You have 2 unread notifications.').waitFor();

    // From the top of the page, Tab reaches "Mark all as read"; Enter marks them all.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      reached = f.tag === 'button' && f.text === 'Mark all as read';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('All notifications are marked as read.').waitFor();
    // The button has gone; focus stays in the inbox, on its heading.
    await expect.poll(() => focused(page)).toEqual({ tag: 'h2', text: 'Your notifications' });
    await menuLink(page, 'Notifications').waitFor();
    await page.getByText('You have no unread notifications.').waitFor();
    expect(await page.getByRole('button', { name: 'Mark all as read' }).count()).toBe(0);
    await expectAccessible(page, 'notifications (all read)');

    // Tab on: the filter and the notification links are in the tab order too.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    expectNoProblems(browser());
  });

  it('the unsubscribe page asks before it stops e-mail, and explains a bad or missing link', async () => {
    const { page } = browser();
    await page.context().clearCookies();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/unsubscribe'))
        posts.push(request.url());
    });

    // The inbox needs an account; the unsubscribe page does not.
    await page.goto(`${baseUrl}/notifications`);
    await waitForHeading(page, 'Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/notifications');

    await page.goto(`${baseUrl}/unsubscribe`);
    await waitForHeading(page, 'Stop e-mail');
    expect(await page.title()).toBe('Stop e-mail – Connective');
    await page.getByText('This link is incomplete', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Stop all e-mail' }).count()).toBe(0);
    await expectAccessible(page, 'unsubscribe (no token)');

    const bogus = 'x'.repeat(32);
    await page.goto(`${baseUrl}/unsubscribe?token=${bogus}`);
    await waitForHeading(page, 'Stop e-mail');
    const button = page.getByRole('button', { name: 'Stop all e-mail' });
    await button.waitFor();
    await expectAccessible(page, 'unsubscribe (with a token)');
    // Opening the link does nothing by itself: mail scanners open links too.
    expect(posts).toEqual([]);

    await button.click();
    await page
      .getByRole('alert')
      .getByText('This link is not valid or has already been used.', { exact: false })
      .waitFor();
    expect(posts).toHaveLength(1);
    await expectAccessible(page, 'unsubscribe (unknown token)');
    expectNoProblems(browser());
  });
});
