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
} from './support.ts';

// A tag no other case has, so the innovation is exactly the cases written here (the database
// also holds the other browser tests' cases).
const WORD = `wren${Date.now().toString(36)}`;
const ADOPTER = `Ville de Luxembourg ${WORD}`;
const SOURCE = `Gemeente Utrecht ${WORD}`;

/**
 * Fifteen countries take the innovation up along an S-curve (1, 1, 2, 3, 3, 2, 1, 1, 1 new
 * adopters a year from 2010 to 2018), each with one published case tagged WORD.
 */
const SPREAD: [string, number][] = [
  ['NL', 2010],
  ['BE', 2011],
  ['DE', 2012],
  ['FR', 2012],
  ['AT', 2013],
  ['DK', 2013],
  ['SE', 2013],
  ['FI', 2014],
  ['EE', 2014],
  ['PL', 2014],
  ['ES', 2015],
  ['PT', 2015],
  ['IT', 2016],
  ['IE', 2017],
  ['CZ', 2018],
];
const FIRST_TITLE = `Open council data in Utrecht (${WORD})`;

/** A description of the focused element: tag, id, its label's text and its own text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', id: '', label: '', text: '' };
    const label = el.id
      ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '')
      : '';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      label: label.trim(),
      text: (el.textContent ?? '').trim(),
    };
  });
}

/** Press Tab until the focused element's id is `id` (keyboard only). */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 40; i += 1) {
    if ((await focused(page)).id === id) return;
    await page.keyboard.press('Tab');
  }
  expect((await focused(page)).id).toBe(id);
}

describe.skipIf(skip)('the diffusion pages', () => {
  const browser = useBrowser();
  const person = newAccount('Dana Diffusion', 'dana');
  let firstCase = '';

  it('shows the curve with its Bass fit, a map with a year slider, flows and adopters', async () => {
    const { page } = browser();
    await apiSignUp(person);
    await browserSignIn(page, person);
    for (const [country, year] of SPREAD) {
      const created = await browserApi<{ id: string }>(page, 'POST', '/api/cases', {
        title: country === 'NL' ? FIRST_TITLE : `Open council data in ${country} (${WORD})`,
        summary: `Council decisions published as open data (${WORD}).`,
        status: 'published',
        countries: [country],
        yearLaunched: year,
        tags: [WORD],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      if (country === 'NL') firstCase = created.body.id;
    }
    for (const [name, country] of [
      [ADOPTER, 'LU'],
      [SOURCE, 'NL'],
    ] as const) {
      const org = await browserApi(page, 'POST', '/api/organisations', {
        name,
        kind: 'public_body',
        country,
        level: 'local',
        sector: '01',
      });
      expect(org.status, JSON.stringify(org.body)).toBe(201);
    }

    // The whole library, from the main menu.
    await page.goto(`${baseUrl}/`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Diffusion' })
      .click();
    await waitForHeading(page, 'Diffusion of innovations');
    expect(await page.title()).toBe('Diffusion of innovations – Connective');
    await page.getByText('Showing: every published case in the library.').waitFor();
    await page.getByRole('heading', { name: 'Adoption curve' }).waitFor();
    await page.getByRole('img', { name: /^Adoption curve from \d{4} to \d{4}/ }).waitFor();
    await page.getByRole('table', { name: 'Adopting countries by year' }).waitFor();
    await page.getByRole('heading', { name: 'Bass model' }).waitFor();
    await expectAccessible(page, 'diffusion (library)');

    // One tag: fifteen countries from 2010 to 2018, with a Bass fit.
    await page.getByRole('radio', { name: 'Cases with a tag' }).check();
    await page.getByLabel('Tag', { exact: true }).fill(WORD.toUpperCase());
    await page.getByRole('button', { name: 'Show the diffusion' }).click();
    await page.getByText(`Showing: the cases tagged “${WORD}”.`).waitFor();
    expect(new URL(page.url()).searchParams.get('tag')).toBe(WORD);
    const curve = page.getByRole('table', { name: 'Adopting countries by year' });
    await curve.getByRole('rowheader', { name: '2018' }).waitFor();
    expect(await curve.locator('tbody tr').count()).toBe(9);
    expect(await curve.getByRole('row', { name: /^2013/ }).textContent()).toMatch(/^20133/);
    await page.getByText('Innovation coefficient (p)').waitFor();
    await page.getByText('Imitation coefficient (q)').waitFor();
    await page.getByText('Peak of new adoptions (year)').waitFor();

    // The year slider: by keyboard, back to the first year; the table and map follow.
    const status = page.getByText(/countries had adopted by/);
    await status.filter({ hasText: '15 of 15 countries had adopted by 2018.' }).waitFor();
    const slider = page.getByRole('slider', { name: 'Show adoptions up to' });
    await slider.focus();
    await page.keyboard.press('Home');
    await status.filter({ hasText: '1 of 15 countries had adopted by 2010.' }).waitFor();
    const countries = page.getByRole('table', { name: /whether they had adopted by 2010/ });
    await countries.getByRole('columnheader', { name: 'Adopted by 2010' }).waitFor();
    expect(await countries.getByRole('row', { name: /^Netherlands/ }).textContent()).toContain(
      'Yes',
    );
    expect(await countries.getByRole('row', { name: /^Czechia/ }).textContent()).toContain('No');
    expect(await page.locator('svg.country-map path.map-later').count()).toBeGreaterThan(10);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2010');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await status.filter({ hasText: '4 of 15 countries had adopted by 2012.' }).waitFor();
    await page.getByRole('table', { name: /whether they had adopted by 2012/ }).waitFor();
    await page
      .getByText('No adoption record names where the innovation was learned from yet.')
      .waitFor();
    await page.getByRole('table', { name: '15 adopters, by first year' }).waitFor();
    await expectAccessible(page, 'diffusion (tag, 2012)');
    expectNoProblems(browser());
  });

  it('records "We adopted this" on a case page, by keyboard, and shows it in the diffusion', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/cases/${firstCase}`);
    await waitForHeading(page, FIRST_TITLE);
    const section = page.getByRole('region', { name: 'Adoptions' });
    await section.getByText('No adoption has been recorded yet.').waitFor();
    await section.getByText('(0 adoptions recorded)').waitFor();

    // A date before the case began: the server's 400 is shown next to the date.
    await section.getByRole('button', { name: 'We adopted this' }).click();
    const form = page.getByRole('region', { name: 'We adopted this' });
    await form.getByLabel('Organisation that adopted it').selectOption({ label: ADOPTER });
    await form.getByLabel('Date of adoption').fill('2009-06-01');
    await form.getByLabel('How it came about').selectOption({ label: 'Learning' });
    await form.getByRole('button', { name: 'Record the adoption' }).click();
    const summary = page.locator('ds-error-summary');
    await summary
      .getByRole('link', {
        name: 'Date of adoption: The case began in 2010: the adoption cannot be earlier.',
      })
      .waitFor();
    await form
      .getByText('The case began in 2010: the adoption cannot be earlier.', { exact: true })
      .waitFor();
    await expectAccessible(page, 'case page with the adoption form (errors)');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('We adopted this');

    // Keyboard only: open the form, fill it in and send it.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('adoption-organisation');
    await page.keyboard.type('Ville');
    expect(await page.locator('#adoption-organisation option:checked').textContent()).toBe(ADOPTER);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'adoption-date' });
    // The same digits whether the browser writes dates day or month first.
    await page.keyboard.type('05052019');
    expect(await page.locator('#adoption-date').inputValue()).toBe('2019-05-05');
    await tabTo(page, 'adoption-source-case');
    await page.keyboard.press('Space');
    expect(await page.locator('#adoption-source-case').isChecked()).toBe(true);
    await tabTo(page, 'adoption-source-search');
    await page.keyboard.type(`Utrecht ${WORD}`);
    await form.getByText('1 organisation found.').waitFor();
    await tabTo(page, 'adoption-source-organisation');
    await page.keyboard.type('Gemeente');
    expect(await page.locator('#adoption-source-organisation option:checked').textContent()).toBe(
      SOURCE,
    );
    await tabTo(page, 'adoption-mechanism');
    await page.keyboard.type('Learn');
    expect(await page.locator('#adoption-mechanism').inputValue()).toBe('learning');
    await tabTo(page, 'adoption-adaptations');
    await page.keyboard.type('Translated the data model into French.');
    await tabTo(page, 'adoption-relativeAdvantage-none');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    expect(await page.locator('#adoption-relativeAdvantage-4').isChecked()).toBe(true);
    await expectAccessible(page, 'case page with the adoption form open');
    let onSubmit = false;
    for (let i = 0; i < 20 && !onSubmit; i += 1) {
      await page.keyboard.press('Tab');
      onSubmit = (await focused(page)).text === 'Record the adoption';
    }
    expect(onSubmit).toBe(true);
    await page.keyboard.press('Enter');

    await section
      .getByRole('status')
      .getByText(`Recorded: ${ADOPTER} adopted this innovation.`)
      .waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('case-adoptions');
    await section.getByText('(1 adoption recorded)').waitFor();
    const item = section.getByRole('article', { name: /Ville de Luxembourg/ });
    await item.getByRole('link', { name: ADOPTER }).waitFor();
    await item.getByText('Learning').waitFor();
    await item.getByRole('link', { name: SOURCE }).waitFor();
    await item.getByText('Relative advantage: 4 of 5').waitFor();
    await item.getByText('Translated the data model into French.').waitFor();
    await expectAccessible(page, 'case page with an adoption');

    // A second record for the same organisation is refused (409).
    await section.getByRole('button', { name: 'We adopted this' }).click();
    await form.getByLabel('Organisation that adopted it').selectOption({ label: ADOPTER });
    await form.getByLabel('Date of adoption').fill('2020-01-01');
    await form.getByLabel('How it came about').selectOption({ label: 'Imitation' });
    await form.getByRole('button', { name: 'Record the adoption' }).click();
    await summary.getByText(`${ADOPTER} has already recorded adopting this innovation.`).waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();

    // How it spread: Luxembourg joins the Netherlands, having learned from it.
    await section.getByRole('link', { name: 'See how it spread' }).click();
    await waitForHeading(page, 'Diffusion of innovations');
    expect(new URL(page.url()).searchParams.get('case')).toBe(firstCase);
    await page.getByRole('link', { name: FIRST_TITLE }).waitFor();
    await page.getByText('2 of 2 countries had adopted by 2019.').waitFor();
    const map = page.getByRole('table', { name: /whether they had adopted by 2019/ });
    expect(await map.getByRole('row', { name: /^Luxembourg/ }).textContent()).toBe(
      'Luxembourg2019Yes',
    );
    await page
      .getByRole('img', { name: /Map of Europe: 2 countries had adopted by 2019: .*Luxembourg/ })
      .waitFor();
    const curve = page.getByRole('table', { name: 'Adopting countries by year' });
    expect(await curve.getByRole('row', { name: /^2019/ }).textContent()).toMatch(/^201912/);
    const flows = page.getByRole('table', { name: 'Flows between countries' });
    expect(await flows.locator('tbody tr').first().textContent()).toBe('NetherlandsLuxembourg1');
    const adopters = page.getByRole('table', { name: '2 adopters, by first year' });
    expect(await adopters.getByRole('row', { name: /^Luxembourg/ }).textContent()).toContain(
      'An adoption record',
    );
    await expectAccessible(page, 'diffusion of the case');

    // By organisation, the adopter itself is listed and linked.
    await page.getByRole('radio', { name: 'Organisations' }).check();
    await page.getByRole('button', { name: 'Show the diffusion' }).click();
    await page
      .getByRole('table', { name: /adopters?, by first year/ })
      .getByRole('link', { name: ADOPTER })
      .waitFor();
    expectNoProblems(browser());
  });

  it('suggests the adopted case to a similar organisation', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/organisations`);
    await waitForHeading(page, 'Organisations');
    const list = await browserApi<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      `/api/organisations?q=${encodeURIComponent(SOURCE)}`,
    );
    const source = list.body.items.find((o) => o.name === SOURCE);
    expect(source).toBeDefined();
    await page.goto(`${baseUrl}/organisations/${source!.id}`);
    await waitForHeading(page, SOURCE);
    const suggestions = page.getByRole('region', {
      name: 'Innovations organisations like this one adopted',
    });
    await suggestions.getByRole('link', { name: FIRST_TITLE }).waitFor();
    await suggestions.getByText(/same sector and same level of government/).waitFor();
    await expectAccessible(page, 'organisation with suggestions');
    expectNoProblems(browser());
  });

  it('runs an event-history analysis with two covariates', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/diffusion?tag=${WORD}`);
    await waitForHeading(page, 'Diffusion of innovations');
    const eha = page.getByRole('region', { name: 'Event-history analysis' });
    // None chosen: a message, and nothing is sent.
    for (const name of ['Governance tradition', 'Earlier adopters among neighbouring countries']) {
      await eha.getByRole('checkbox', { name }).uncheck();
    }
    await eha.getByRole('button', { name: 'Run the analysis' }).click();
    await eha.getByText('Choose at least one covariate.').waitFor();

    await eha.getByRole('checkbox', { name: 'Year' }).check();
    await eha
      .getByRole('checkbox', { name: 'Earlier adopters among neighbouring countries' })
      .check();
    await eha.getByRole('button', { name: 'Run the analysis' }).click();
    const table = eha.getByRole('table', { name: 'Coefficients (log-odds of adopting in a year)' });
    await table.waitFor();
    expect(new URL(page.url()).searchParams.getAll('covariate')).toEqual([
      'peersNeighbours',
      'year',
    ]);
    await table.getByRole('rowheader', { name: 'Year' }).waitFor();
    await table
      .getByRole('rowheader', { name: 'Earlier adopters among neighbouring countries' })
      .waitFor();
    for (const label of ['Deviance', 'Null deviance', 'AIC', 'Adoptions (events)']) {
      await eha.getByText(label, { exact: true }).waitFor();
    }
    await expectAccessible(page, 'diffusion with an event-history analysis');
    expectNoProblems(browser());
  });

  it('removes the adoption record, after asking', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/cases/${firstCase}`);
    await waitForHeading(page, FIRST_TITLE);
    const section = page.getByRole('region', { name: 'Adoptions' });
    await section.getByRole('button', { name: `Remove the adoption by ${ADOPTER}` }).click();
    await section.getByText('Remove this adoption record?').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Remove');
    await page.keyboard.press('Enter');
    await section
      .getByRole('status')
      .getByText(`The adoption by ${ADOPTER} has been removed.`)
      .waitFor();
    await section.getByText('No adoption has been recorded yet.').waitFor();
    await section.getByText('(0 adoptions recorded)').waitFor();
    expectNoProblems(browser());
  });
});
