import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSignUp,
  baseUrl,
  expectAccessible,
  expectNoProblems,
  useBrowser,
  newAccount,
  skip,
  waitForHeading,
} from './support.ts';

/** A short description of the focused element: tag, id, accessible text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', id: '', text: '', label: '' };
    const id = el.id;
    const label = id
      ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '')
      : '';
    return {
      tag: el.tagName.toLowerCase(),
      id,
      text: (el.textContent ?? '').trim(),
      label: label.trim(),
    };
  });
}

describe.skipIf(skip)('keyboard only', () => {
  const browser = useBrowser();

  it('signs in with Tab, Enter and typing only, starting with the skip link', async () => {
    const { page } = browser();
    const account = newAccount('Kees Keyboard', 'kees');
    await apiSignUp(account);

    await page.goto(`${baseUrl}/sign-in`);
    await waitForHeading(page, 'Sign in');
    await expectAccessible(page, 'sign in');

    // The first Tab reaches the skip link; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to main content' });
    // The skip link is visible when focused.
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    expect((await skipLink.boundingBox())?.width ?? 0).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });

    // First a wrong password: the error summary takes focus.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', label: 'E-mail address' });
    await page.keyboard.type(account.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', label: 'Password' });
    await page.keyboard.type('not the right password');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Sign in' });
    await page.keyboard.press('Enter');
    await page.getByText('The e-mail address or password is not correct.').waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('ds-error-summary');
    await expectAccessible(page, 'sign in (wrong password)');

    // Tab on to the password field, replace its value, and submit with Enter.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ label: 'E-mail address' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ label: 'Password' });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await waitForHeading(page, 'Connective');
    expect(new URL(page.url()).pathname).toBe('/');
    // After navigation, focus is on the new page's heading.
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    await page.getByText(`Signed in as ${account.name}`).waitFor();

    // Keep going with the keyboard: reach "Organisations" in the main menu and open it.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i += 1) {
      await page.keyboard.press('Shift+Tab');
      const f = await focused(page);
      reached = f.tag === 'a' && f.text === 'Organisations';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Organisations');
    await expectAccessible(page, 'organisations (signed in)');
    expectNoProblems(browser());
  });
});
