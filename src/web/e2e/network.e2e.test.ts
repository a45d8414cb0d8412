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

// A word no other name contains, so the nodes written here are found exactly (the database also
// holds the other browser tests' cases and partners).
const WORD = `heron${Date.now().toString(36)}`;
const UTRECHT = `Gemeente Utrecht ${WORD}`;
const DELFT = `TU Delft ${WORD}`;
const LUMEN = `Lumen Lighting ${WORD}`;
const GENT = `Stad Gent ${WORD}`;
const ZORGNET = `Zorgnet ${WORD}`;

/**
 * Three cases whose partners form a small network: Utrecht, Delft and Lumen share the first,
 * Utrecht, Lumen and Gent the second (so Utrecht–Lumen is a tie of strength 2), Gent and Zorgnet
 * the third, which makes Gent the broker between Zorgnet and the rest.
 */
const CASES = [
  {
    title: `Smart street lights (${WORD})`,
    countries: ['NL'],
    sector: '04',
    yearLaunched: 2015,
    partners: [
      { name: UTRECHT, role: 'lead' },
      { name: DELFT, role: 'partner' },
      { name: LUMEN, role: 'implementer' },
    ],
  },
  {
    title: `Shared mobility across the border (${WORD})`,
    countries: ['NL', 'BE'],
    sector: '04',
    yearLaunched: 2017,
    partners: [
      { name: UTRECHT, role: 'lead' },
      { name: LUMEN, role: 'implementer' },
      { name: GENT, role: 'partner' },
    ],
  },
  {
    title: `Care circles in Ghent (${WORD})`,
    countries: ['BE'],
    sector: '07',
    yearLaunched: 2019,
    partners: [
      { name: GENT, role: 'lead' },
      { name: ZORGNET, role: 'partner' },
    ],
  },
] as const;

const CODE = { factor: 'org.leadership', direction: 'driver', evidence: 'The mayor backed it.' };
const FILTERED = '/network?yearFrom=2015&yearTo=2019';

/** A short description of the focused element: tag, type, accessible label. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', type: '', label: '' };
    const id = el.id;
    const label = id
      ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '')
      : '';
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      label: (label || el.textContent || '').trim(),
    };
  });
}

async function webglAvailable(page: Page): Promise<boolean> {
  return page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
}

describe.skipIf(skip)('the network page', () => {
  const browser = useBrowser();
  const nora = newAccount('Nora Netwerk', 'nora');
  const otto = newAccount('Otto Overlap', 'otto');

  it('shows the figures, finds a node, highlights it, recolours, and lists the same data as tables', async () => {
    const { page, context } = browser();
    await apiSignUp(nora);
    await apiSignUp(otto);
    await browserSignIn(page, nora);
    const ids: string[] = [];
    for (const c of CASES) {
      const created = await browserApi<{ id: string }>(page, 'POST', '/api/cases', {
        ...c,
        summary: `A ${WORD} case for the network.`,
        status: 'published',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.push(created.body.id);
    }
    // Nora and Otto both code the first case: a coding tie between them.
    expect((await browserApi(page, 'POST', `/api/cases/${ids[0]}/codes`, CODE)).status).toBe(201);
    await context.clearCookies();
    await browserSignIn(page, otto);
    expect((await browserApi(page, 'POST', `/api/cases/${ids[0]}/codes`, CODE)).status).toBe(201);

    // The main menu leads to the page; the filters come from the address.
    await page.goto(`${baseUrl}/`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Network' })
      .click();
    await waitForHeading(page, 'Collaboration network');
    expect(await page.title()).toBe('Collaboration network – Connective');
    await page.goto(`${baseUrl}${FILTERED}`);
    await waitForHeading(page, 'Collaboration network');
    expect(await page.getByLabel('From year').inputValue()).toBe('2015');
    expect(await page.getByLabel('To year').inputValue()).toBe('2019');
    await page
      .getByRole('status')
      .getByText(/^The network has \d+ nodes? and \d+ ties?\.$/)
      .waitFor();

    // Key figures.
    await page.getByRole('heading', { name: 'Key figures' }).waitFor();
    const figure = (key: string) => page.locator(`[data-figure="${key}"] dd`);
    const count = async (key: string) =>
      Number(
        ((await figure(key).locator('.network-figure-value').textContent()) ?? '').replace(
          /\D/g,
          '',
        ),
      );
    // At least the five partners and six ties written here.
    expect(await count('nodes')).toBeGreaterThanOrEqual(5);
    expect(await count('edges')).toBeGreaterThanOrEqual(6);
    await page.getByText('Cross-border ties (E-I index by country)').waitFor();
    await page.getByText('Cross-sector ties (E-I index by sector)').waitFor();
    expect(await figure('eiCountry').textContent()).toMatch(/Expected if ties were random/);
    expect(await figure('betweenness').textContent()).toMatch(/^Exact/);
    expect(await figure('communities').textContent()).toMatch(/Modularity \d/);

    // The picture: drawn with WebGL where the browser has it, with a name and a description.
    const webgl = await webglAvailable(page);
    const picture = page.getByRole('img', {
      name: /^Picture of the network: \d+ nodes and \d+ ties, coloured by Community, sized by Degree\.$/,
    });
    if (webgl) {
      await page.getByRole('button', { name: 'Zoom in' }).waitFor();
      await picture.waitFor();
      expect(await picture.locator('canvas').count()).toBeGreaterThan(0);
      expect(await picture.getAttribute('aria-describedby')).toBe('network-canvas-description');
    } else {
      await page.getByText(/^The picture of the network needs WebGL/).waitFor();
    }
    await expectAccessible(page, 'network');

    // Search: type, see the matches, choose with the keyboard.
    const search = page.getByRole('combobox', { name: 'Find a node' });
    await search.fill(`gent ${WORD}`);
    const options = page.getByRole('listbox', { name: 'Matching nodes' });
    await options.getByRole('option', { name: new RegExp(`^${GENT}`) }).waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'network (search list open)');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toMatch(/-0$/);
    await search.press('Enter');
    expect(await search.inputValue()).toBe(GENT);
    expect(await search.getAttribute('aria-expanded')).toBe('false');

    // The chosen node, its ties, and its row in the node table.
    const chosen = page.getByRole('region', { name: `Chosen: ${GENT}` });
    await chosen.waitFor();
    await chosen.getByRole('heading', { name: 'Tied to 3 nodes' }).waitFor();
    for (const name of [UTRECHT, LUMEN, ZORGNET]) {
      await chosen.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
    }
    const nodes = page.getByRole('table', { name: /^All \d+ nodes, sorted by/ });
    await page
      .getByRole('table', { name: /^All \d+ nodes, sorted by Degree \(descending\)/ })
      .waitFor();
    const chosenRow = nodes.locator('tr[aria-current="true"]');
    await chosenRow.getByRole('rowheader', { name: `${GENT} (chosen)` }).waitFor();
    await expectAccessible(page, 'network (node chosen)');

    // Walk to a neighbour: it becomes the chosen node, in the search field too.
    await chosen.getByRole('button', { name: new RegExp(`^${ZORGNET}`) }).click();
    await page
      .getByRole('region', { name: `Chosen: ${ZORGNET}` })
      .getByRole('heading', { name: 'Tied to 1 node' })
      .waitFor();
    expect(await search.inputValue()).toBe(ZORGNET);
    await nodes
      .locator('tr[aria-current="true"]')
      .getByRole('rowheader', { name: new RegExp(`^${ZORGNET}`) })
      .waitFor();

    // Colour by sector: the legend says so in words.
    await page.getByLabel('Colour by').selectOption('sector');
    await page.getByText('Colours (Sector):').waitFor();
    const legend = page.getByRole('list', { name: 'Colours (Sector):' });
    expect(await legend.getByRole('listitem').count()).toBeGreaterThan(0);
    await page.getByLabel('Size by').selectOption('betweenness');
    if (webgl) {
      await page
        .getByRole('img', { name: /coloured by Sector, sized by Betweenness\.$/ })
        .waitFor();
    }
    await page.getByLabel('Colour by').selectOption('kind');
    await page
      .getByRole('list', { name: 'Colours (Kind of node):' })
      .getByText(/^Case partner \(not on the platform\) \(\d+\)$/)
      .waitFor();

    // The table alternative: the link moves focus to the tables, which hold the same network.
    await page.getByRole('link', { name: 'Go to the tables' }).click();
    await expect.poll(async () => (await focused(page)).label).toBe('The network as tables');
    const brokers = page.getByRole('table', {
      name: /^The \d+ nodes with the highest betweenness/,
    });
    await brokers.getByRole('rowheader', { name: GENT }).waitFor();
    const ties = page.getByRole('table', { name: /^\d+ ties, strongest first/ });
    const strong = ties.getByRole('row').filter({ hasText: UTRECHT }).filter({ hasText: LUMEN });
    expect(await strong.getByRole('cell').allTextContents()).toEqual([
      UTRECHT,
      LUMEN,
      '2',
      'Shared cases',
    ]);
    await page.getByRole('table', { name: /communities, largest first/ }).waitFor();
    // Sorting by name, by keyboard.
    const name = nodes.getByRole('columnheader', { name: 'Name' });
    expect(await name.getAttribute('aria-sort')).toBe('none');
    await name.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await name.getAttribute('aria-sort')).toBe('ascending');
    await page
      .getByRole('table', { name: /^All \d+ nodes, sorted by Name \(ascending\)/ })
      .waitFor();
    await expectAccessible(page, 'network tables');

    // The downloads carry the filters.
    const graphml = page.getByRole('link', { name: 'GraphML (Gephi, yEd, igraph)' });
    const href = (await graphml.getAttribute('href')) ?? '';
    expect(href).toBe('/api/network/export?yearFrom=2015&yearTo=2019&format=graphml');
    const file = await fetch(`${baseUrl}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await file.text()).toContain(GENT);
    expect(await page.getByRole('link', { name: 'Ties (CSV)' }).getAttribute('href')).toBe(
      '/api/network/export?yearFrom=2015&yearTo=2019&format=csv-ties',
    );
    expectNoProblems(browser());
  }, 120_000);

  it('changes to the people network with the keyboard alone', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl}${FILTERED}`);
    await waitForHeading(page, 'Collaboration network');
    await page
      .getByRole('status')
      .getByText(/^The network has/)
      .waitFor();

    // From the node choice: arrow keys pick a radio button, Tab moves on, Space ticks.
    await page.getByRole('radio', { name: 'Organisations' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'People' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ type: 'checkbox', label: 'Shared cases' });
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ type: 'checkbox', label: 'Coded the same case' });
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ type: 'checkbox', label: 'Same organisation' });
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ type: 'checkbox', label: 'Same working group' });
    await page.keyboard.press('Space');
    // No kind of tie left, and a year that is not one: the errors are listed and take focus.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', label: 'From year' });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('20x5');
    await page.keyboard.press('Enter');
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: 'Ties: Choose at least one kind of tie.' }).waitFor();
    await summary
      .getByRole('link', { name: 'From year: Enter a year between 1900 and 2100, like 2015.' })
      .waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('ds-error-summary');
    await expectAccessible(page, 'network filters with errors');
    expect(new URL(page.url()).searchParams.get('nodes')).toBeNull();

    // Follow the summary's first link to the ties, tick coding, and go on to the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ type: 'checkbox', label: 'Shared cases' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Coded the same case' }).isChecked()).toBe(
      true,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ label: 'From year' });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2015');
    let reached = false;
    for (let i = 0; i < 8 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = (await focused(page)).label === 'Show the network';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');

    await expect
      .poll(() => new URL(page.url()).search)
      .toBe('?nodes=people&tie=coding&yearFrom=2015&yearTo=2019');
    await page
      .getByRole('status')
      .getByText(/^The network has \d+ nodes? and \d+ ties?\.$/)
      .waitFor();
    const ties = page.getByRole('table', { name: /^\d+ ties?(, strongest first)?/ });
    const pair = ties
      .getByRole('row')
      .filter({ hasText: nora.name })
      .filter({ hasText: otto.name });
    await pair.getByRole('cell', { name: 'Coded the same case' }).waitFor();

    // The search finds people too.
    const search = page.getByRole('combobox', { name: 'Find a node' });
    await search.fill('Otto Overl');
    await search.press('Enter');
    const chosen = page.getByRole('region', { name: `Chosen: ${otto.name}` });
    await chosen.getByRole('button', { name: new RegExp(`^${nora.name}`) }).waitFor();
    await expectAccessible(page, 'people network');
    expectNoProblems(browser());
  });

  it('says so when WebGL is missing, and the search still chooses a node in the tables', async () => {
    const { context } = browser();
    const page = await context.newPage();
    // As in a browser with WebGL switched off: no WebGL 2 context at all.
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (type === 'webgl2' || type === 'webgl') return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}${FILTERED}`);
    await waitForHeading(page, 'Collaboration network');
    await page.getByText(/^The picture of the network needs WebGL/).waitFor();
    expect(await page.getByRole('img', { name: /^Picture of the network/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(0);

    const search = page.getByRole('combobox', { name: 'Find a node' });
    await search.fill(ZORGNET);
    await page.getByRole('option', { name: new RegExp(`^${ZORGNET}`) }).click();
    await page.getByRole('region', { name: `Chosen: ${ZORGNET}` }).waitFor();
    await page
      .getByRole('table', { name: /^All \d+ nodes/ })
      .locator('tr[aria-current="true"]')
      .getByRole('rowheader', { name: `${ZORGNET} (chosen)` })
      .waitFor();
    await expectAccessible(page, 'network without WebGL');
    expect(errors).toEqual([]);
    await page.close();
  });
});
