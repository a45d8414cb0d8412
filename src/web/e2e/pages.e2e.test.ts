import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  admin,
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

const SAMPLE_ORGANISATIONS = [
  {
    name: 'Gemeente Rotterdam',
    kind: 'public_body',
    level: 'local',
    country: 'NL',
    sector: '01',
    website: 'https://www.rotterdam.nl',
    description: 'Municipality working on digital services with its residents.',
  },
  {
    name: 'Digitaliseringsstyrelsen',
    kind: 'public_body',
    level: 'national',
    country: 'DK',
    sector: '01',
  },
  { name: 'Région Bretagne', kind: 'public_body', level: 'regional', country: 'FR', sector: '05' },
  { name: 'Open State Foundation', kind: 'civil_society', country: 'NL', sector: '01' },
  { name: 'KU Leuven Public Governance Institute', kind: 'academic', country: 'BE', sector: '01' },
  { name: 'Code for Germany', kind: 'community_group', country: 'DE', sector: '08' },
  { name: 'Civic Tech Solutions Oy', kind: 'company', country: 'FI', sector: '04' },
  {
    name: 'European Commission DG DIGIT',
    kind: 'public_body',
    level: 'supranational',
    country: 'BE',
    sector: '01',
  },
] as const;

describe.skipIf(skip)('every page passes axe', () => {
  const browser = useBrowser();

  it('signed out: home, sign in, sign up, organisations, the network, spaces, lessons, needs, initiatives, the resource exchange, working groups, responsiveness, unsubscribe and the 404 page', async () => {
    const { page } = browser();
    for (const [url, heading, title] of [
      ['/', 'Connective', 'Home – Connective'],
      ['/sign-in', 'Sign in', 'Sign in – Connective'],
      ['/sign-up', 'Create an account', 'Create an account – Connective'],
      ['/organisations', 'Organisations', 'Organisations – Connective'],
      ['/network', 'Collaboration network', 'Collaboration network – Connective'],
      ['/diffusion', 'Diffusion of innovations', 'Diffusion of innovations – Connective'],
      ['/spaces', 'Safe havens', 'Safe havens – Connective'],
      ['/lessons', 'Lessons from experiments', 'Lessons from experiments – Connective'],
      ['/needs', 'Needs', 'Needs – Connective'],
      ['/initiatives', 'Initiatives', 'Initiatives – Connective'],
      ['/exchange', 'Resource exchange', 'Resource exchange – Connective'],
      ['/groups', 'Working groups', 'Working groups – Connective'],
      ['/responsiveness', 'Responsiveness', 'Responsiveness – Connective'],
      ['/unsubscribe', 'Stop e-mail', 'Stop e-mail – Connective'],
      ['/no/such/page', 'Page not found', 'Page not found – Connective'],
    ] as const) {
      await page.goto(`${baseUrl}${url}`);
      await waitForHeading(page, heading);
      expect(await page.title()).toBe(title);
      await expectAccessible(page, url);
    }
    // Pages that need an account send people to the sign-in page, and back afterwards.
    await page.goto(`${baseUrl}/profile`);
    await waitForHeading(page, 'Sign in');
    await page.getByText('Sign in to see this page.').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/profile');
    await expectAccessible(page, 'sign in (redirected)');
    expectNoProblems(browser());
  });

  it('as a platform admin: organisations (list, filters, load more, detail, edit, members) and the audit log', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/`);
    await browserSignIn(page, admin);

    // Enough for more than one page of results (created first, so they list last).
    for (let i = 1; i <= 16; i += 1) {
      const created = await browserApi(page, 'POST', '/api/organisations', {
        name: `Zz Test Organisation ${String(i).padStart(2, '0')}`,
        kind: 'community_group',
        country: 'SE',
      });
      expect(created.status).toBe(201);
    }
    const ids: string[] = [];
    for (const org of SAMPLE_ORGANISATIONS) {
      const created = await browserApi<{ id: string }>(page, 'POST', '/api/organisations', org);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.push(created.body.id);
    }

    // List.
    await page.goto(`${baseUrl}/organisations`);
    await waitForHeading(page, 'Organisations');
    const table = page.getByRole('table', { name: 'Organisations' });
    await table.getByRole('link', { name: 'Gemeente Rotterdam' }).waitFor();
    await expectAccessible(page, 'organisations list');

    // Load more moves focus to the first new result.
    const before = await table.locator('tbody tr').count();
    const loadMore = page.getByRole('button', { name: 'Load more' });
    if (await loadMore.isVisible()) {
      await loadMore.click();
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(before);
      const focusedIsNewLink = await page.evaluate(
        (index) => document.activeElement === document.querySelectorAll('tbody a')[index],
        before,
      );
      expect(focusedIsNewLink).toBe(true);
      await expectAccessible(page, 'organisations list (more loaded)');
    }

    // Search and filters.
    await page.getByLabel('Search by name').fill('Rotterdam');
    await page.getByLabel('Kind').selectOption('public_body');
    await page.getByLabel('Country', { exact: true }).selectOption('NL');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('NL');
    await page.getByText('1 organisation shown').waitFor();
    await table.getByRole('link', { name: 'Gemeente Rotterdam' }).waitFor();
    await expectAccessible(page, 'organisations list (filtered)');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');

    // Detail.
    await page.goto(`${baseUrl}/organisations/${ids[0]}`);
    await waitForHeading(page, 'Gemeente Rotterdam');
    expect(await page.title()).toBe('Gemeente Rotterdam – Connective');
    await page.getByRole('link', { name: 'https://www.rotterdam.nl/' }).waitFor();
    await expectAccessible(page, 'organisation detail (admin)');

    // Edit.
    await page.getByRole('link', { name: 'Edit organisation' }).click();
    await waitForHeading(page, 'Edit Gemeente Rotterdam');
    await expectAccessible(page, 'organisation edit');
    // Invalid input: an error summary with links to the fields.
    await page.getByLabel('Name', { exact: true }).fill('X');
    await page.getByLabel(/^Website/).fill('ftp://example.org');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.waitFor();
    await summary.getByRole('link', { name: /^Name:/ }).waitFor();
    await summary.getByRole('link', { name: /^Website/ }).waitFor();
    await expectAccessible(page, 'organisation edit (errors)');
    await summary.getByRole('link', { name: /^Website/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('org-website');
    // A level of government only for public bodies: the field goes away for other kinds.
    await page.getByLabel('Kind').selectOption('company');
    expect(await page.getByLabel(/^Level of government/).count()).toBe(0);
    await page.getByLabel('Kind').selectOption('public_body');
    await page.getByLabel('Name', { exact: true }).fill('Gemeente Rotterdam');
    await page.getByLabel(/^Website/).fill('https://www.rotterdam.nl');
    await page.getByLabel(/^Sector/).selectOption('09');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The organisation has been updated.').waitFor();
    await page.locator('dl').getByText('Education').waitFor();
    await expectAccessible(page, 'organisation detail (updated)');

    // Members.
    await page.getByRole('link', { name: 'Members and join requests' }).click();
    await waitForHeading(page, 'Members of Gemeente Rotterdam');
    await expectAccessible(page, 'members (admin)');
    // The last owner cannot be removed.
    await page.getByRole('button', { name: 'Remove Admin' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Remove Admin?' }).waitFor();
    await expectAccessible(page, 'members (remove dialog)');
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await page.getByText('An organisation needs at least one owner.', { exact: false }).waitFor();
    await expectAccessible(page, 'members (last owner error)');

    // Audit log.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await waitForHeading(page, 'Audit log');
    const audit = page.getByRole('table', { name: /^Audit log entries/ });
    await audit.waitFor();
    expect(await audit.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'audit log');
    const next = page.getByRole('button', { name: 'Next page' });
    if ((await next.count()) > 0 && (await next.isEnabled())) {
      await next.click();
      await page.getByRole('table', { name: 'Audit log entries, page 2' }).waitFor();
      await expectAccessible(page, 'audit log (page 2)');
    }
    const action =
      (await audit.locator('tbody tr').first().locator('td').nth(2).textContent()) ?? '';
    await page.getByLabel('Action').fill(action);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe(action);
    await expect
      .poll(async () => {
        const cells = await audit.locator('tbody tr td:nth-child(3)').allTextContents();
        return cells.length > 0 && cells.every((c) => c === action);
      })
      .toBe(true);
    await expectAccessible(page, 'audit log (filtered)');

    // The 404 page, signed in.
    await page.goto(`${baseUrl}/organisations/00000000-0000-4000-8000-000000000000`);
    await page.getByText('This organisation does not exist or has been removed.').waitFor();
    await expectAccessible(page, 'organisation not found');
    await page.goto(`${baseUrl}/nothing-here`);
    await waitForHeading(page, 'Page not found');
    await expectAccessible(page, '404 (signed in)');
    expectNoProblems(browser());
  });

  it('profile: edit name and language, change password, download data, delete the account', async () => {
    const { page, context } = browser();
    await context.clearCookies();
    const account = newAccount('Eva Export', 'eva');
    await apiSignUp(account);
    await page.goto(`${baseUrl}/`);
    await browserSignIn(page, account);

    await page.goto(`${baseUrl}/profile`);
    await waitForHeading(page, 'My profile');
    await expectAccessible(page, 'profile');

    // Someone who is not a platform admin sees no audit log.
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto(`${baseUrl}/audit`);
    await page.getByText('Only platform administrators can see the audit log.').waitFor();
    await expectAccessible(page, 'audit log (not an admin)');
    await page.goto(`${baseUrl}/profile`);
    await waitForHeading(page, 'My profile');

    await page.getByLabel('Full name').fill('Eva Exporter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Your changes have been saved.').waitFor();
    await page.getByText('Signed in as Eva Exporter').waitFor();

    // Password change: a wrong current password is reported on the field.
    await page.getByLabel('Current password').fill('this is not it at all');
    await page.getByLabel('New password').fill('an even better passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    // The server answers 400 with details [{ path: 'currentPassword' }]: shown on that field.
    const summary = page.locator('ds-error-summary');
    await summary
      .getByRole('link', { name: 'Current password: The current password is not correct.' })
      .waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'profile (password error)');
    await page.getByLabel('Current password').fill(account.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed.').waitFor();

    // Download my data.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('connective-my-data.json');
    const file = await download.path();
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { user: { email: string } };
    expect(data.user.email).toBe(account.email);

    // Delete, with the password as confirmation.
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Delete your account?' }).waitFor();
    await expectAccessible(page, 'profile (delete dialog)');
    await dialog.getByLabel('Password').fill('an even better passphrase');
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await page.getByText('Your account has been deleted.').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sign in' })
      .waitFor();
    await expectAccessible(page, 'home after deleting the account');

    // The account is gone.
    const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: 'an even better passphrase' }),
    });
    expect(signIn.status).toBe(401);
    expectNoProblems(browser());
  });
});
