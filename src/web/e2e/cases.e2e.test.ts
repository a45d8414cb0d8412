import fs from 'node:fs';
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
} from './support.ts';

// A word no other case contains, so the search finds exactly the cases written here (the
// database may also hold the demo's and the JRC's cases).
const WORD = `zebrafinch${Date.now().toString(36)}`;

const CASES = [
  {
    title: `Chatbot for tax questions (${WORD})`,
    summary: `A ${WORD} chatbot answers questions about local taxes in plain language.`,
    status: 'published',
    countries: ['NL'],
    level: 'national',
    sector: '01',
    maturity: 'pilot',
    yearLaunched: 2019,
    technology: 'Chatbot',
    sections: { problem: 'Residents could not reach the tax office by phone.' },
    partners: [{ name: 'Belastingdienst', role: 'lead' }],
    outcomes: [{ dimension: 'service_quality', evidence: 'monitored', note: 'Fewer calls.' }],
    resources: ['knowledge', 'people'],
  },
  {
    title: `Library chatbot in Ghent (${WORD})`,
    summary: `Ghent's libraries answer ${WORD} questions with a chatbot that hands over to librarians.`,
    status: 'published',
    countries: ['BE'],
    level: 'local',
    sector: '08',
    maturity: 'implemented',
    yearLaunched: 2020,
    sections: {
      process: 'Librarians and residents designed the conversation flows together.',
      // Stored text is shown as text, never run.
      lessons: 'Hand over to a person early. <img src=x onerror="window.__pwned=1">',
    },
  },
  {
    title: `Open data portal of Aarhus (${WORD})`,
    summary: `Aarhus publishes ${WORD} open data for residents and companies.`,
    status: 'published',
    countries: ['DK'],
    level: 'local',
    yearLaunched: 2016,
  },
] as const;

describe.skipIf(skip)('the case library', () => {
  const browser = useBrowser();
  const author = newAccount('Carla Casewriter', 'carla');
  const coder = newAccount('Ciro Coder', 'ciro');
  const ids: string[] = [];

  it('searches, filters by a facet, opens a case, and a signed-in coder codes a driver', async () => {
    const { page, context } = browser();
    await apiSignUp(author);
    await apiSignUp(coder);
    await browserSignIn(page, author);
    for (const c of CASES) {
      const created = await browserApi<{ id: string }>(page, 'POST', '/api/cases', c);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.push(created.body.id);
    }
    // The author codes the Ghent case too, so that two coders can be compared later.
    const authorCode = await browserApi(page, 'POST', `/api/cases/${ids[1]}/codes`, {
      factor: 'org.leadership',
      direction: 'driver',
      evidence: 'The head librarian backed the pilot.',
    });
    expect(authorCode.status, JSON.stringify(authorCode.body)).toBe(201);
    await context.clearCookies();

    // The library, signed out.
    await page.goto(`${baseUrl}/cases`);
    await waitForHeading(page, 'Case library');
    expect(await page.title()).toBe('Case library – Connective');
    await page
      .getByText('Case data: European Commission, Joint Research Centre (JRC)', { exact: false })
      .waitFor();
    await page
      .getByRole('status')
      .getByText(/cases? found/)
      .waitFor();
    await expectAccessible(page, 'case library');

    // Search: the address holds the query; the hits show the matched word highlighted.
    await page.getByLabel('Search the cases').fill(WORD);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(WORD);
    await page.getByRole('status').getByText('3 cases found').waitFor();
    const results = page.getByRole('list', { name: 'Results' });
    await results.getByRole('link', { name: CASES[1].title }).waitFor();
    expect(await results.locator('mark').first().textContent()).toMatch(new RegExp(WORD, 'i'));
    expect(await results.locator('li.case-hit').count()).toBe(3);
    await expectAccessible(page, 'case library (searched)');

    // A facet is a real checkbox in a fieldset; ticking it narrows the results and the address.
    const countries = page.getByRole('group', { name: 'Country' });
    await countries.getByRole('checkbox', { name: 'Belgium (1)' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('country')).toEqual(['BE']);
    await page.getByRole('status').getByText('1 case found').waitFor();
    await expect.poll(() => results.locator('li.case-hit').count()).toBe(1);
    expect(await countries.getByRole('checkbox', { name: 'Belgium (1)' }).isChecked()).toBe(true);
    // The other facets count with the country filter applied.
    await page.getByRole('group', { name: 'Level of government' }).getByText('Local (1)').waitFor();
    await expectAccessible(page, 'case library (filtered)');

    // Back restores the previous search; forward the filtered one.
    await page.goBack();
    await page.getByRole('status').getByText('3 cases found').waitFor();
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual([]);
    expect(await countries.getByRole('checkbox', { name: 'Belgium (1)' }).isChecked()).toBe(false);
    await page.goForward();
    await page.getByRole('status').getByText('1 case found').waitFor();

    // Keyboard: Space ticks a second country (OR within a facet); focus stays on the checkbox.
    const netherlands = countries.getByRole('checkbox', { name: 'Netherlands (1)' });
    await netherlands.focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').getByText('2 cases found').waitFor();
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual(['BE', 'NL']);
    expect(await netherlands.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.getByRole('status').getByText('1 case found').waitFor();

    // The filters fold away and come back.
    await page.getByRole('button', { name: 'Hide filters' }).click();
    expect(await countries.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show filters' }).click();
    await countries.waitFor();

    // Downloads of this search carry its filters.
    const csv = page.getByRole('link', { name: 'The cases of this search (CSV)' });
    const csvHref = new URL((await csv.getAttribute('href')) ?? '', baseUrl);
    expect(csvHref.pathname).toBe('/api/cases/export');
    expect(csvHref.searchParams.get('format')).toBe('csv');
    expect(csvHref.searchParams.getAll('country')).toEqual(['BE']);
    expect(csvHref.searchParams.get('q')).toBe(WORD);
    const exported = page.waitForEvent('download');
    await csv.click();
    const exportFile = await exported;
    const exportText = fs.readFileSync(await exportFile.path(), 'utf8');
    expect(exportText).toContain(CASES[1].title);
    expect(exportText).not.toContain(CASES[0].title);
    const codesLink = page.getByRole('link', { name: 'Their drivers and barriers (CSV)' });
    expect(
      new URL((await codesLink.getAttribute('href')) ?? '', baseUrl).searchParams.get('part'),
    ).toBe('codes');
    await page.getByRole('link', { name: 'Codebook of the vocabularies (CSV)' }).waitFor();

    // Open the case.
    await results.getByRole('link', { name: CASES[1].title }).click();
    await waitForHeading(page, CASES[1].title);
    expect(await page.title()).toBe(`${CASES[1].title} – Connective`);
    await page.getByRole('heading', { level: 2, name: 'Process' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Lessons' }).waitFor();
    await page.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.getByRole('img', { name: /countries of this case highlighted: Belgium/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: `Coded by ${author.name}` }).waitFor();
    // Not the viewer's case: no edit or delete.
    expect(await page.getByRole('link', { name: 'Edit case' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete case' }).count()).toBe(0);
    await expectAccessible(page, 'case page (signed out)');

    // Sign in from the coding panel; back on the case afterwards.
    await page.getByRole('link', { name: 'Sign in to code the drivers and barriers' }).click();
    await waitForHeading(page, 'Sign in');
    await page.getByLabel('E-mail address').fill(coder.email);
    await page.getByLabel('Password').fill(coder.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, CASES[1].title);

    // Code a driver: factor grouped by level, direction, evidence.
    await page.getByRole('heading', { level: 3, name: 'Add a code' }).waitFor();
    const factor = page.getByLabel('Factor', { exact: true });
    expect(await factor.locator('optgroup').count()).toBe(6);
    expect(await factor.locator('optgroup[label="Organisational"] option').count()).toBe(6);
    // Without a factor and direction, the form says what is missing.
    await page.getByRole('button', { name: 'Add code' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /^Factor:/ }).waitFor();
    await expectAccessible(page, 'case page (coding errors)');
    await factor.selectOption('org.leadership');
    await page.getByRole('radio', { name: 'Driver' }).check();
    await page.getByLabel(/^Evidence/).fill('The head librarian protected time for the pilot.');
    await page.getByRole('button', { name: 'Add code' }).click();
    await page.getByText('Your code has been added: Leadership style (Driver).').waitFor();
    const mine = page.getByRole('table', { name: `Codes by ${coder.name}` });
    const row = mine.getByRole('row', { name: /Leadership style/ });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('Driver');
    await row.getByText('The head librarian protected time for the pilot.').waitFor();
    await expectAccessible(page, 'case page (coded)');

    // The same factor twice is refused, with the reason at the field.
    await factor.selectOption('org.leadership');
    await page.getByRole('radio', { name: 'Barrier' }).check();
    await page.getByRole('button', { name: 'Add code' }).click();
    await summary
      .getByRole('link', { name: /You have already coded this factor in this case/ })
      .waitFor();

    // Own codes can be deleted; the author's cannot by this coder.
    expect(
      await page
        .getByRole('table', { name: `Codes by ${author.name}` })
        .getByRole('button')
        .count(),
    ).toBe(0);
    await factor.selectOption('org.culture');
    await page.getByRole('radio', { name: 'Barrier' }).check();
    await page.getByRole('button', { name: 'Add code' }).click();
    await mine.getByRole('row', { name: /Risk aversion versus learning culture/ }).waitFor();
    await page
      .getByRole('button', { name: 'Delete code Risk aversion versus learning culture (Barrier)' })
      .click();
    await page
      .getByText('The code for Risk aversion versus learning culture has been deleted.')
      .waitFor();
    expect(await mine.getByRole('row', { name: /Risk aversion/ }).count()).toBe(0);
    expectNoProblems(browser());
  });

  it('writes a case with the form, lists it under my cases, compares and measures agreement', async () => {
    const { page } = browser();
    // Still signed in as the coder.
    await page.goto(`${baseUrl}/cases/new`);
    await waitForHeading(page, 'Add a case');
    await expectAccessible(page, 'new case');

    // Client-side validation mirrors the schema; the summary counts characters as you type.
    await page.getByLabel('Title').fill('ab');
    await page.getByLabel('Summary').fill('x'.repeat(290));
    await page.getByText('10 characters too many').waitFor();
    await page.getByRole('button', { name: 'Save case' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /^Title:/ }).waitFor();
    await summary.getByRole('link', { name: /^Summary:/ }).waitFor();
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new case (errors)');
    await summary.getByRole('link', { name: /^Title:/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-title');

    const title = `Participatory budget app (${WORD})`;
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Summary').fill(`Residents of Porto decide on ${WORD} budget items.`);
    await page.getByText('characters left', { exact: false }).first().waitFor();
    await page.getByLabel('Filter the list of countries').fill('portu');
    await page.getByRole('checkbox', { name: 'Portugal' }).check();
    await page.getByText('Chosen: Portugal').waitFor();
    await page
      .getByRole('group', { name: /^Innovation facets/ })
      .getByLabel('Adaptive')
      .check();
    await page.getByLabel(/^Problem/).fill('Few residents took part in the budget meetings.');
    await page.getByRole('button', { name: 'Add a partner' }).click();
    // The new row's first field takes focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-partners-0-name');
    await page.keyboard.type('Câmara Municipal do Porto');
    await page.getByLabel('Role', { exact: true }).selectOption('lead');
    await page.getByRole('button', { name: 'Save case' }).click();
    await waitForHeading(page, title);
    const casePath = new URL(page.url()).pathname;
    await page.getByText('The case has been saved.').waitFor();
    await page.getByRole('rowheader', { name: 'Câmara Municipal do Porto' }).waitFor();
    // Saved as a draft (the default): the author may edit it.
    await page.getByRole('link', { name: 'Edit case' }).waitFor();
    await expectAccessible(page, 'case page (own draft)');

    // My cases lists the draft with a link to edit it.
    await page.goto(`${baseUrl}/cases/mine`);
    await waitForHeading(page, 'My cases');
    const table = page.getByRole('table', { name: 'My cases' });
    const row = table.getByRole('row', { name: new RegExp(WORD) });
    await row.getByText('Draft').waitFor();
    await expectAccessible(page, 'my cases');
    await row.getByRole('link', { name: `Edit ${title}` }).click();
    await waitForHeading(page, `Edit ${title}`);
    await expectAccessible(page, 'edit case');
    await page.getByRole('radio', { name: 'Published' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The case has been updated.').waitFor();

    // Compare: the search's filters in the address, three charts, each with a table and a CSV.
    await page.goto(`${baseUrl}/cases/compare?q=${WORD}`);
    await waitForHeading(page, 'Compare cases');
    await page.getByRole('status').getByText('4 cases compared').waitFor();
    await page
      .getByRole('img', { name: /^Map of Europe coloured by the number of cases/ })
      .waitFor();
    const byCountry = page.getByRole('table', { name: 'Number of cases per country' });
    await byCountry.getByRole('row', { name: /Portugal/ }).waitFor();
    expect(await byCountry.locator('tbody tr').count()).toBe(4);
    await page.getByRole('img', { name: /^Heatmap of driver and barrier codes/ }).waitFor();
    await page
      .getByRole('table', { name: /^Number of driver and barrier codes per factor/ })
      .getByRole('rowheader', { name: 'Leadership style' })
      .waitFor();
    await page.getByRole('img', { name: /^Bar chart of the number of cases per year/ }).waitFor();
    await page.getByRole('table', { name: 'Number of cases per year launched' }).waitFor();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download data (CSV): Cases per country' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('cases-by-country.csv');
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toContain('country,name,cases');
    expect(text).toContain('PT,Portugal,1');
    await expectAccessible(page, 'compare');

    // Agreement between the author and the coder (both coded the Ghent case).
    await page.goto(`${baseUrl}/cases/coding`);
    await waitForHeading(page, 'Agreement between coders');
    await expectAccessible(page, 'coding agreement');
    const coderA = page.getByLabel('Coder A');
    const coderB = page.getByLabel('Coder B');
    const valueOf = async (name: string) =>
      (await coderA.locator('option', { hasText: name }).getAttribute('value')) ?? '';
    await coderA.selectOption(await valueOf(author.name));
    await coderB.selectOption(await valueOf(coder.name));
    await page.getByRole('button', { name: 'Compare coders' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('coderA')).not.toBeNull();
    await page
      .getByRole('heading', { level: 2, name: `${author.name} and ${coder.name}` })
      .waitFor();
    await page.getByRole('table', { name: /^Units by the rating of/ }).waitFor();
    await page.getByRole('link', { name: CASES[1].title }).waitFor();
    await expectAccessible(page, 'coding agreement (two coders)');

    // The author deletes the case, after confirming.
    await page.goto(`${baseUrl}${casePath}`);
    await waitForHeading(page, title);
    await page.getByRole('button', { name: 'Delete case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Delete ${title}?` }).waitFor();
    await expectAccessible(page, 'delete case dialog');
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await waitForHeading(page, 'My cases');
    await page.getByText('The case has been deleted.').waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    expectNoProblems(browser());
  });
});
