import { describe, expect, it } from 'vitest';
import {
  apiSignUp,
  baseUrl,
  browserApi,
  browserSignIn,
  expectAccessible,
  expectNoProblems,
  useBrowser,
  newAccount,
  skip,
  waitForHeading,
} from './support.ts';

const PAYLOAD = '<script>window.__pwned=1</script><a href="javascript:alert(1)">x</a>';

describe.skipIf(skip)('stored text is inert', () => {
  const browser = useBrowser();

  it('shows markup in names and descriptions as text and never runs it', async () => {
    const { page } = browser();
    const account = newAccount('Mallory <img src=x onerror="window.__pwned=2">', 'mallory');
    await apiSignUp(account);
    await page.goto(`${baseUrl}/`);
    await browserSignIn(page, account);
    const created = await browserApi<{ id: string }>(page, 'POST', '/api/organisations', {
      name: 'Evil <b onmouseover="window.__pwned=3">Org</b>',
      kind: 'company',
      country: 'NL',
      description: PAYLOAD,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });

    await page.goto(`${baseUrl}/organisations/${created.body.id}`);
    await waitForHeading(page, 'Evil <b onmouseover="window.__pwned=3">Org</b>');
    await page.getByText(PAYLOAD).waitFor();
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('main b, main img').count()).toBe(0);
    await expectAccessible(page, 'organisation with markup in its text');

    // Places that show the same text: the list, the members table, the header.
    await page.goto(`${baseUrl}/organisations`);
    await page
      .getByRole('link', { name: 'Evil <b onmouseover="window.__pwned=3">Org</b>' })
      .first()
      .waitFor();
    await page.goto(`${baseUrl}/organisations/${created.body.id}/members`);
    await page.getByRole('rowheader', { name: account.name }).waitFor();
    await page.getByText(`Signed in as ${account.name}`).waitFor();
    await page.mouse.move(10, 10);

    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expectNoProblems(browser());
  });
});
