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

// A word no other case contains, so the search finds exactly the cases written here.
const WORD = `qcaotter${Date.now().toString(36)}`;

const implemented = {
  maturity: 'implemented',
  outcomes: [{ dimension: 'efficiency', evidence: 'monitored' }],
};
const pilot = { maturity: 'pilot' };

/**
 * Four coded cases: leadership as a driver without a risk-averse culture as a barrier goes with
 * success (implemented with monitored results). LEAD*~CULT is the conservative solution; with the
 * unobserved row (no leadership, no barrier) as a remainder, ~CULT is the parsimonious one.
 */
const CASES = [
  { title: `Digital permits in Tartu (${WORD})`, ...implemented, codes: ['lead'] },
  { title: `Open budget in Porto (${WORD})`, ...implemented, codes: ['lead'] },
  { title: `Care robots in Ghent (${WORD})`, ...pilot, codes: ['lead', 'cult'] },
  { title: `Chatbot for taxes in Lyon (${WORD})`, ...pilot, codes: ['cult'] },
] as const;

const CODES = {
  lead: { factor: 'org.leadership', direction: 'driver', evidence: 'The mayor backed it.' },
  cult: { factor: 'org.culture', direction: 'barrier', evidence: 'Fear of mistakes.' },
} as const;

describe.skipIf(skip)('the QCA workbench', () => {
  const browser = useBrowser();
  const researcher = newAccount('Rosa Researcher', 'rosa');
  let savedPath = '';

  it('builds a data set from coded cases, runs, changes the solution, exports and saves', async () => {
    const { page } = browser();
    await apiSignUp(researcher);
    await browserSignIn(page, researcher);
    for (const { codes, ...c } of CASES) {
      const created = await browserApi<{ id: string }>(page, 'POST', '/api/cases', {
        ...c,
        summary: `A ${WORD} innovation.`,
        status: 'published',
        countries: ['NL'],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      for (const code of codes) {
        const coded = await browserApi(
          page,
          'POST',
          `/api/cases/${created.body.id}/codes`,
          CODES[code],
        );
        expect(coded.status, JSON.stringify(coded.body)).toBe(201);
      }
    }

    // The case library hands its search to the workbench.
    await page.goto(`${baseUrl}/cases?q=${WORD}`);
    await page.getByRole('status').getByText('4 cases found').waitFor();
    await page.getByRole('link', { name: 'Analyse with QCA' }).click();
    await waitForHeading(page, 'QCA workbench');
    expect(new URL(page.url()).searchParams.get('q')).toBe(WORD);
    expect(await page.title()).toBe('QCA workbench – Connective');
    await page.getByText(`The cases that match: Text: ${WORD}.`).waitFor();
    await expectAccessible(page, 'QCA workbench');

    // The proposed outcome and condition are there; add the barrier as a third set.
    expect(await page.getByLabel('Short name').nth(0).inputValue()).toBe('SUCCESS');
    expect(await page.getByLabel('Short name').nth(1).inputValue()).toBe('LEAD');
    await page.getByRole('button', { name: 'Add a set' }).click();
    const third = page.getByRole('group', { name: /^Set 3/ });
    // The new row's name takes focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toMatch(
      /^qca-set-.*-name$/,
    );
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3CULT');
    await third.getByLabel('Made from').selectOption('barrier');
    await page.getByRole('button', { name: 'Build the data set' }).click();
    // A name R would refuse, and a missing factor, are shown with links to the fields.
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /Short name: Use letters, digits and _/ }).waitFor();
    await summary
      .getByRole('link', { name: /Factor|Value/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'QCA sets with errors');
    await third.getByLabel('Short name').fill('CULT');
    await third.getByLabel('Factor').selectOption('org.culture');
    await page.getByRole('button', { name: 'Build the data set' }).click();

    await page.getByRole('status').getByText('Data set ready: 4 cases and 3 sets.').waitFor();
    expect(new URL(page.url()).searchParams.getAll('set')).toEqual([
      'SUCCESS:implementedWithEvidence',
      'LEAD:driver:org.leadership',
      'CULT:barrier:org.culture',
    ]);
    const data = page.getByRole('table', { name: /^Cases from the library/ });
    await data.getByRole('link', { name: CASES[0].title }).waitFor();
    expect(await data.locator('tbody tr').count()).toBe(4);
    await page.getByText('All sets are crisp (0 or 1): there is nothing to calibrate.').waitFor();
    await expectAccessible(page, 'QCA data set');

    // Run: the conservative solution, with its truth table.
    expect(await page.getByLabel('Outcome', { exact: true }).inputValue()).toBe('SUCCESS');
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page
      .getByRole('status')
      .getByText(/^The analysis is done: 3 truth table rows/)
      .waitFor();
    const truthTable = page.getByRole('table', { name: /^Truth table for SUCCESS: 3 rows/ });
    await truthTable.waitFor();
    expect(await truthTable.locator('tbody tr').count()).toBe(3);
    await page.getByRole('table', { name: /as necessary and as sufficient for SUCCESS/ }).waitFor();
    await page.getByRole('heading', { name: 'Solution: conservative' }).waitFor();
    await page.getByRole('heading', { name: /Model M1: LEAD\*~CULT → SUCCESS/ }).waitFor();
    // Sortable columns: a button in the header, and aria-sort on it.
    const incl = truthTable.getByRole('columnheader', { name: 'incl' });
    expect(await incl.getAttribute('aria-sort')).toBe('none');
    await incl.getByRole('button').click();
    expect(await incl.getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('table', { name: /sorted by incl \(descending\)/ }).waitFor();
    expect(await truthTable.locator('tbody tr').first().locator('td.out').textContent()).toBe('1');
    // By keyboard: Enter on a header's button sorts by it; again reverses it.
    const n = truthTable.getByRole('columnheader', { name: 'n', exact: true });
    await n.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await n.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Enter');
    expect(await n.getAttribute('aria-sort')).toBe('ascending');
    expect(await incl.getAttribute('aria-sort')).toBe('none');
    await expectAccessible(page, 'QCA results (conservative)');

    // Parsimonious: the unobserved row without leadership or the barrier may simplify.
    await page.getByRole('radio', { name: 'Parsimonious' }).check();
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.getByRole('heading', { name: 'Solution: parsimonious' }).waitFor();
    await page.getByRole('heading', { name: /Model M1: ~CULT → SUCCESS/ }).waitFor();
    const terms = page.getByRole('table', { name: 'Terms of model M1' });
    await terms.getByRole('rowheader', { name: '~CULT' }).waitFor();
    await terms.getByText(CASES[0].title, { exact: false }).waitFor();
    await page
      .getByRole('img', {
        name: /^XY plot of ~CULT \(x\) against SUCCESS \(y\) for 4 cases: consistency 1\.000/,
      })
      .waitFor();
    await page
      .getByRole('table', { name: 'Membership of each case in ~CULT and in SUCCESS' })
      .waitFor();
    await expectAccessible(page, 'QCA results (parsimonious)');

    // The R script reproduces the analysis with the QCA package.
    const scriptDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the R script' }).click();
    const script = fs.readFileSync(await (await scriptDownload).path(), 'utf8');
    expect(script).toContain('minimize(');
    expect(script).toContain('library(QCA)');
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the data (CSV)' }).click();
    const csv = fs.readFileSync(await (await csvDownload).path(), 'utf8');
    expect(csv).toContain('case,SUCCESS,LEAD,CULT');
    expect(csv).toContain(`${CASES[0].title},1,1,0`);

    // Save, and land on the saved analysis, which reruns it.
    await page.getByLabel('Title').fill(`Leadership and success (${WORD})`);
    await page.getByLabel(/^Description/).fill('Four coded cases of the e2e test.');
    await page.getByRole('button', { name: 'Save the analysis' }).click();
    await waitForHeading(page, `Leadership and success (${WORD})`);
    savedPath = new URL(page.url()).pathname;
    expect(savedPath).toMatch(/^\/qca\/analyses\/[0-9a-f-]{36}$/);
    await page.getByText('The analysis has been saved.').waitFor();
    await page.getByText(`Saved by ${researcher.name}`, { exact: false }).waitFor();
    await page.getByRole('table', { name: /^Truth table for SUCCESS/ }).waitFor();
    await page.getByRole('heading', { name: /Model M1: ~CULT → SUCCESS/ }).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'R script that reproduces the analysis' })
        .getAttribute('href'),
    ).toBe(`${savedPath}/script.R`.replace('/qca/', '/api/qca/'));
    await expectAccessible(page, 'saved QCA analysis');

    // My analyses lists it.
    await page.goto(`${baseUrl}/qca/analyses`);
    await waitForHeading(page, 'My saved analyses');
    await page.getByRole('link', { name: `Leadership and success (${WORD})` }).waitFor();
    await expectAccessible(page, 'my QCA analyses');
    expectNoProblems(browser());
  });

  it('cancels a run and explains a time-out', async () => {
    const { page } = browser();
    await page.goto(
      `${baseUrl}/qca?q=${WORD}&set=SUCCESS:implementedWithEvidence&set=LEAD:driver:org.leadership&outcome=SUCCESS`,
    );
    await page.getByRole('status').getByText('Data set ready: 4 cases and 2 sets.').waitFor();

    // Hold the run until the page gives up on it.
    let release: () => void = () => {};
    await page.route('**/api/qca/run', async (route) => {
      await new Promise<void>((resolve) => (release = resolve));
      await route.continue().catch(() => undefined);
    });
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.getByRole('status').getByText('Running the analysis…').waitFor();
    await expectAccessible(page, 'QCA running');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').getByText('The analysis was cancelled.').waitFor();
    release();
    await page.unroute('**/api/qca/run');

    await page.route('**/api/qca/run', (route) =>
      route.fulfill({
        status: 408,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'timeout', message: 'Too slow.' } }),
      }),
    );
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page
      .getByRole('alert')
      .getByText(/took longer than 30 seconds and was stopped/)
      .waitFor();
    await page.unroute('**/api/qca/run');
    expectNoProblems(browser());
  });

  it('reads an uploaded CSV file: errors by line, then a calibration preview', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}/qca`);
    await waitForHeading(page, 'QCA workbench');
    // The choice lives in the address, which the router updates in a transition: click, then
    // wait for the address and the radio to follow.
    const fromCsv = page.getByRole('radio', { name: 'From a CSV file of my own' });
    await fromCsv.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('data')).toBe('csv');
    await expect.poll(() => fromCsv.isChecked()).toBe(true);
    const file = page.getByLabel('CSV file', { exact: true });
    await file.setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('case,GDP,GROWTH\nNL,52000,1\nBE,high,0\n'),
    });
    await page.getByRole('heading', { name: 'broken.csv could not be read' }).waitFor();
    await page.getByText('Line 3: the value "high" of GDP is not a number.').waitFor();
    await expectAccessible(page, 'QCA CSV error');

    await file.setInputFiles({
      name: 'countries.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('case,GDP,GROWTH\nNL,52000,1\nBE,48000,0\nPT,24000,1\nRO,15000,0\n'),
    });
    await page.getByRole('status').getByText('Data set ready: 4 cases and 2 sets.').waitFor();
    await page.getByRole('table', { name: 'Cases from countries.csv with their values' }).waitFor();
    await page.getByRole('heading', { name: 'Calibration of GDP' }).waitFor();
    await page
      .getByRole('group', { name: 'How to calibrate GDP' })
      .getByLabel('Fuzzy: three anchors')
      .check();
    await page.getByLabel('Full non-membership (exclusion)').fill('15000');
    await page.getByLabel('Crossover (0.5)').fill('30000');
    await page.getByLabel('Full membership (inclusion)').fill('50000');
    await page.getByRole('img', { name: /^Scatter plot of the raw value of GDP/ }).waitFor();
    const preview = page.getByRole('table', { name: 'Raw and calibrated values of GDP' });
    // R: calibrate(30000, type = "fuzzy", thresholds = c(15000, 30000, 50000)) is 0.5.
    await preview.getByRole('row', { name: /^RO 15,000 0\.05$/ }).waitFor();
    await expectAccessible(page, 'QCA calibration preview');
    expectNoProblems(browser());
  });

  it('shows a saved analysis to anyone with the link; only signed-in people rerun it', async () => {
    const { page, context } = browser();
    await context.clearCookies();
    await page.goto(`${baseUrl}${savedPath}`);
    await waitForHeading(page, `Leadership and success (${WORD})`);
    await page.getByRole('heading', { level: 2, name: 'Parameters' }).waitFor();
    await page.getByText('Parsimonious', { exact: false }).first().waitFor();
    await page.getByRole('table', { name: 'The data of this analysis' }).waitFor();
    await page
      .getByRole('link', { name: 'Sign in to rerun this analysis and see its results' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Delete analysis' }).count()).toBe(0);
    const script = await fetch(`${baseUrl}/api${savedPath.replace(/^\/qca/, '/qca')}/script.R`);
    expect(await script.text()).toContain('minimize(');
    await expectAccessible(page, 'saved QCA analysis (signed out)');

    // Signed out, the workbench builds data sets but asks to sign in before running.
    await page.goto(
      `${baseUrl}/qca?q=${WORD}&set=SUCCESS:implementedWithEvidence&set=LEAD:driver:org.leadership&outcome=SUCCESS`,
    );
    await page.getByRole('status').getByText('Data set ready: 4 cases and 2 sets.').waitFor();
    await page.getByRole('link', { name: 'Sign in to run the analysis' }).waitFor();
    expect(await page.getByRole('button', { name: 'Run the analysis' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Sign in to save the analysis' }).waitFor();
    await expectAccessible(page, 'QCA workbench (signed out)');

    // The owner deletes it.
    await browserSignIn(page, researcher);
    await page.goto(`${baseUrl}${savedPath}`);
    await page.getByRole('button', { name: 'Delete analysis' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^Delete Leadership and success/ }).waitFor();
    await expectAccessible(page, 'delete QCA analysis dialog');
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await waitForHeading(page, 'My saved analyses');
    await page.getByText('The analysis has been deleted.').waitFor();
    expectNoProblems(browser());
  });
});
