import { describe, expect, it } from 'vitest';
import {
  apiSignUp,
  baseUrl,
  browserApi,
  expectAccessible,
  expectNoProblems,
  useBrowser,
  newAccount,
  skip,
  waitForHeading,
} from './support.ts';

describe.skipIf(skip)('a civil servant registers their municipality', () => {
  const browser = useBrowser();

  it('signs up, creates an organisation, adds a colleague, switches to Dutch and signs out', async () => {
    const { page } = browser();
    const me = newAccount('Anna de Vries', 'anna');
    const colleague = newAccount('Bram Jansen', 'bram');

    await page.goto(`${baseUrl}/`);
    await waitForHeading(page, 'Connective');
    expect(await page.title()).toBe('Home – Connective');
    await expectAccessible(page, 'home (signed out)');

    // Sign up.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Create account' }).click();
    await waitForHeading(page, 'Create an account');
    expect(await page.title()).toBe('Create an account – Connective');
    await expectAccessible(page, 'sign up');

    // An empty form shows an error summary that takes focus, with errors tied to fields.
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() =>
        page.getByLabel('E-mail address').evaluate((el) => el.getAttribute('aria-describedby')),
      )
      .toBeTruthy();
    expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'sign up with errors');

    await page.getByLabel('Full name').fill(me.name);
    await page.getByLabel('E-mail address').fill(me.email);
    await page.getByLabel('Password', { exact: true }).fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await waitForHeading(page, 'Connective');
    await page.getByText(`Welcome, ${me.name}.`).waitFor();
    await expectAccessible(page, 'home (signed in)');

    // Register the municipality.
    await nav.getByRole('link', { name: 'Organisations' }).click();
    await waitForHeading(page, 'Organisations');
    await page.getByRole('link', { name: 'Register an organisation' }).click();
    await waitForHeading(page, 'Register an organisation');
    await expectAccessible(page, 'create organisation');

    await page.getByLabel('Name', { exact: true }).fill('Gemeente Utrecht');
    await page.getByLabel('Kind').selectOption({ label: 'Public body' });
    await page.getByLabel(/^Level of government/).selectOption({ label: 'Local' });
    await page.getByLabel('Country').selectOption('NL');
    await page.getByLabel(/^Sector/).selectOption({ label: 'General public services' });
    await page.getByLabel(/^Website/).fill('https://www.utrecht.nl');
    await page
      .getByLabel(/^Description/)
      .fill('The municipality of Utrecht.\nWe work on digital public services.');
    await expectAccessible(page, 'create organisation (filled in)');
    await page.getByRole('button', { name: 'Register organisation' }).click();

    await waitForHeading(page, 'Gemeente Utrecht');
    expect(page.url()).toMatch(/\/organisations\/[0-9a-f-]{36}$/);
    await page.getByText('The organisation has been registered.').waitFor();
    const details = page.locator('dl');
    await details.getByText('Public body').waitFor();
    await details.getByText('Local').waitFor();
    await details.getByText('Netherlands').waitFor();
    await details.getByText('General public services').waitFor();
    await expectAccessible(page, 'organisation detail (owner)');

    // The colleague needs an account first.
    await apiSignUp(colleague);

    await page.getByRole('link', { name: 'Members and join requests' }).click();
    await waitForHeading(page, 'Members of Gemeente Utrecht');
    await expectAccessible(page, 'members');

    // An address without an account gives an error on the e-mail field.
    await page.getByLabel('E-mail address').fill('nobody-here@e2e.test');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page
      .getByText('There is no account with this e-mail address', { exact: false })
      .first()
      .waitFor();
    await expectAccessible(page, 'members (add error)');

    await page.getByLabel('E-mail address').fill(colleague.email);
    await page.getByLabel('Role', { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText(`${colleague.name} has been added.`).waitFor();
    const table = page.getByRole('table', { name: 'Members of Gemeente Utrecht' });
    const row = table.getByRole('row').filter({ hasText: colleague.name });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Administrator');
    await expectAccessible(page, 'members (colleague added)');

    // Switch to Dutch.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await waitForHeading(page, 'Leden van Gemeente Utrecht');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.getByRole('columnheader', { name: 'Rol' }).waitFor();
    await page.getByRole('cell', { name: 'Beheerder' }).first().waitFor();
    await expect.poll(() => page.title()).toBe('Leden van Gemeente Utrecht – Connective');
    expect(await page.evaluate(() => localStorage.getItem('connective.locale'))).toBe('nl');
    // The preference is saved on the account too.
    await expect
      .poll(async () => {
        const session = await browserApi<{ user: { locale: string } | null }>(
          page,
          'GET',
          '/api/session',
        );
        return session.body.user?.locale;
      })
      .toBe('nl');
    await expectAccessible(page, 'members (Dutch)');

    await page.getByRole('link', { name: 'Terug naar Gemeente Utrecht' }).click();
    await waitForHeading(page, 'Gemeente Utrecht');
    await page.locator('dl').getByText('Overheidsorganisatie').waitFor();
    await page.locator('dl').getByText('Lokaal').waitFor();
    await page.locator('dl').getByText('Nederland', { exact: true }).waitFor();
    await expectAccessible(page, 'organisation detail (Dutch)');

    // Sign out.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Inloggen' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expectAccessible(page, 'home after sign-out (Dutch)');
    expectNoProblems(browser());
  });

  it('lets someone ask to join, and an owner accept the request', async () => {
    const { page, context } = browser();
    await context.clearCookies();
    await page.evaluate(() => localStorage.setItem('connective.locale', 'en'));
    const owner = newAccount('Olga Owner', 'owner');
    const applicant = newAccount('Piet Applicant', 'piet');
    await apiSignUp(owner);
    await apiSignUp(applicant);

    // The owner registers an organisation (through the API, to keep this test short).
    await page.goto(`${baseUrl}/sign-in`);
    await waitForHeading(page, 'Sign in');
    await page.getByLabel('E-mail address').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const created = await browserApi<{ id: string }>(page, 'POST', '/api/organisations', {
      name: 'Open Data Lab Gent',
      kind: 'academic',
      country: 'BE',
    });
    expect(created.status).toBe(201);
    const orgUrl = `${baseUrl}/organisations/${created.body.id}`;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have been signed out.').waitFor();

    // The applicant asks to join.
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(new URL(orgUrl).pathname)}`);
    await page.getByLabel('E-mail address').fill(applicant.email);
    await page.getByLabel('Password').fill(applicant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, 'Open Data Lab Gent');
    await expectAccessible(page, 'organisation detail (non-member)');
    await page.getByLabel(/^Message to the administrators/).fill('I lead the data team.');
    await page.getByRole('button', { name: 'Ask to join' }).click();
    await page.getByText('Your request has been sent.', { exact: false }).waitFor();
    await expectAccessible(page, 'organisation detail (request sent)');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have been signed out.').waitFor();

    // The owner accepts.
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${orgUrl}/members`);
    await waitForHeading(page, 'Members of Open Data Lab Gent');
    const requests = page.getByRole('table', { name: 'Join requests' });
    await requests.getByText('I lead the data team.').waitFor();
    await expectAccessible(page, 'members with a join request');
    await page.getByRole('button', { name: `Accept request from ${applicant.name}` }).click();
    await page.getByText(`${applicant.name} is now a member.`).waitFor();
    await page
      .getByRole('table', { name: 'Members of Open Data Lab Gent' })
      .getByRole('rowheader', { name: applicant.name })
      .waitFor();
    await page.getByText('There are no join requests waiting for an answer.').waitFor();
    await expectAccessible(page, 'members after accepting');
    expectNoProblems(browser());
  });
});
