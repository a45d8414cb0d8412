import { describe, expect, it } from 'vitest';
import { AdoptionCreate, type DiffusionView, type EhaResult } from '../shared/diffusion.ts';
import {
  adoptersCsv,
  adoptionBody,
  adoptionIssue,
  adoptionsApiPath,
  countriesCsv,
  countryClass,
  countryRows,
  covariateParts,
  curveCsv,
  curveMax,
  curveSeries,
  diffusionApiPath,
  diffusionFileStem,
  diffusionPagePath,
  diffusionParams,
  diffusionStateFromParams,
  ehaApiPath,
  ehaCsv,
  emptyAdoptionDraft,
  flowsCsv,
  formatDecimalYear,
  formatP,
  localIsoDate,
  mapYear,
  parseCovariates,
  suggestionsApiPath,
  termParts,
  yearBounds,
  yearClasses,
} from './diffusion-view.ts';

const CASE = '3f2b1c9e-5d7a-4e2b-9c1d-0a1b2c3d4e5f';
const ORG = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const OTHER = '9b8a7c6d-5e4f-4321-8765-43210fedcba9';

function state(query: string) {
  return diffusionStateFromParams(new URLSearchParams(query));
}

describe('the diffusion state in the address', () => {
  it('is the whole library by country when nothing is given', () => {
    expect(state('')).toEqual({
      innovation: { kind: 'library' },
      unit: 'country',
      year: null,
      eha: null,
    });
  });

  it('reads a case, a tag (in lower case) or a technology, the case first', () => {
    expect(state(`case=${CASE}&tag=x`).innovation).toEqual({ kind: 'case', id: CASE });
    expect(state('tag=%20Chatbot%20').innovation).toEqual({ kind: 'tag', value: 'chatbot' });
    expect(state('technology=Blockchain').innovation).toEqual({
      kind: 'technology',
      value: 'Blockchain',
    });
  });

  it('leaves out what the API would reject', () => {
    expect(state('case=not-a-uuid').innovation).toEqual({ kind: 'library' });
    expect(state(`tag=${'x'.repeat(81)}`).innovation).toEqual({ kind: 'library' });
    expect(state('unit=planet').unit).toBe('country');
    expect(state('year=20x1').year).toBeNull();
    expect(state('year=1800').year).toBeNull();
    expect(state('covariate=shoeSize').eha).toBeNull();
    expect(state('covariate=year&reference=martian').eha).toEqual({
      covariates: ['year'],
      reference: null,
    });
  });

  it('orders the covariates (named first) and keeps each once', () => {
    expect(
      parseCovariates([
        'driver:org.leadership',
        'year',
        'tradition',
        'year',
        'barrier:org.culture',
        'driver:no.such',
      ]),
    ).toEqual(['tradition', 'year', 'driver:org.leadership', 'barrier:org.culture']);
  });

  it('writes the state back to the same address, defaults left out', () => {
    for (const query of [
      '',
      `case=${CASE}&unit=organisation&year=2015`,
      'tag=chatbot&covariate=tradition&covariate=peersNeighbours&reference=germanic',
      'technology=AI&covariate=driver%3Aorg.leadership',
    ]) {
      expect(diffusionParams(state(query)).toString()).toBe(query);
    }
    expect(diffusionParams(state('unit=country')).toString()).toBe('');
  });

  it('builds the API paths and the page path', () => {
    const tag = state('tag=chatbot&unit=organisation');
    expect(diffusionApiPath(tag.innovation, tag.unit)).toBe(
      '/api/diffusion?tag=chatbot&unit=organisation',
    );
    expect(diffusionApiPath({ kind: 'library' }, 'country')).toBe('/api/diffusion');
    expect(
      ehaApiPath(
        { kind: 'case', id: CASE },
        { covariates: ['peersNeighbours', 'tradition'], reference: 'germanic' },
      ),
    ).toBe(
      `/api/diffusion/eha?case=${CASE}&covariate=tradition&covariate=peersNeighbours&reference=germanic`,
    );
    expect(diffusionPagePath({ kind: 'case', id: CASE })).toBe(`/diffusion?case=${CASE}`);
    expect(adoptionsApiPath({ case: CASE })).toBe(`/api/adoptions?case=${CASE}`);
    expect(adoptionsApiPath({})).toBe('/api/adoptions');
    expect(suggestionsApiPath(ORG)).toBe(`/api/diffusion/suggestions?organisation=${ORG}`);
  });

  it('names the downloads after what is shown', () => {
    expect(diffusionFileStem({ kind: 'library' })).toBe('diffusion-library');
    expect(diffusionFileStem({ kind: 'tag', value: 'Open data!' })).toBe('diffusion-tag-open-data');
    expect(diffusionFileStem({ kind: 'technology', value: '€€' })).toBe('diffusion-technology-x');
    expect(diffusionFileStem({ kind: 'case', id: CASE })).toBe('diffusion-case-3f2b1c9e');
  });
});

describe('covariates and model terms', () => {
  it('splits a covariate into its parts', () => {
    expect(covariateParts('peersNetwork')).toEqual({ kind: 'named', name: 'peersNetwork' });
    expect(covariateParts('barrier:org.culture')).toEqual({
      kind: 'factor',
      direction: 'barrier',
      factor: 'org.culture',
    });
  });

  it('recognises the terms of a fitted model', () => {
    expect(termParts('(Intercept)')).toEqual({ kind: 'intercept' });
    expect(termParts('intercept')).toEqual({ kind: 'intercept' });
    for (const term of ['tradition:napoleonic', 'tradition[napoleonic]', 'traditionnapoleonic']) {
      expect(termParts(term)).toEqual({ kind: 'tradition', tradition: 'napoleonic' });
    }
    expect(termParts('tradition:anglo-saxon')).toEqual({
      kind: 'tradition',
      tradition: 'anglo-saxon',
    });
    expect(termParts('peersNeighbours')).toEqual({ kind: 'named', name: 'peersNeighbours' });
    expect(termParts('driver:org.leadership')).toEqual({
      kind: 'factor',
      direction: 'driver',
      factor: 'org.leadership',
    });
    expect(termParts('something else')).toEqual({ kind: 'other', term: 'something else' });
  });
});

const VIEW: DiffusionView = {
  unit: 'country',
  curve: [
    { year: 2010, adopters: 2, cumulative: 2 },
    { year: 2011, adopters: 0, cumulative: 2 },
    { year: 2012, adopters: 3, cumulative: 5 },
  ],
  bass: {
    ok: true,
    fit: { p: 0.01, q: 0.4, m: 6, peak: 2011.6, r2: 0.98, sse: 0.2, fitted: [1.8, 2.9, 5.4] },
  },
  adopters: [
    {
      id: 'NL',
      label: 'NL',
      country: 'NL',
      tradition: 'napoleonic',
      year: 2010,
      via: 'case',
      href: '/cases?country=NL',
    },
  ],
  countries: [
    { country: 'BE', year: 2012 },
    { country: 'NL', year: 2010 },
    { country: 'DK', year: 2010 },
  ],
  countryFlows: [{ from: 'NL', to: 'BE', count: 2 }],
  traditionFlows: [{ from: 'napoleonic', to: 'napoleonic', count: 2 }],
};

describe('the adoption curve', () => {
  it('puts the Bass fit beside each observed year', () => {
    const points = curveSeries(VIEW);
    expect(points.map((p) => p.fitted)).toEqual([1.8, 2.9, 5.4]);
    expect(curveMax(points)).toBe(5.4);
  });

  it('has no fitted values when there is no fit', () => {
    const points = curveSeries({ ...VIEW, bass: { ok: false, reason: 'too few years' } });
    expect(points.map((p) => p.fitted)).toEqual([null, null, null]);
    expect(curveMax(points)).toBe(5);
    expect(curveMax([])).toBe(0);
  });
});

describe('the map by first-adoption year', () => {
  const bounds = yearBounds(VIEW.countries);

  it('spans the years in which countries adopted, the last by default', () => {
    expect(bounds).toEqual({ first: 2010, last: 2012 });
    expect(yearBounds([])).toBeNull();
    expect(mapYear(null, bounds)).toBe(2012);
    expect(mapYear(2011, bounds)).toBe(2011);
    expect(mapYear(1999, bounds)).toBe(2010);
    expect(mapYear(2030, bounds)).toBe(2012);
    expect(mapYear(2011, null)).toBeNull();
  });

  it('colours the earliest years darkest, in at most five classes', () => {
    expect(yearClasses(bounds)).toEqual([
      { first: 2010, last: 2010, colour: 5 },
      { first: 2011, last: 2011, colour: 3 },
      { first: 2012, last: 2012, colour: 1 },
    ]);
    const wide = yearClasses({ first: 2007, last: 2020 });
    expect(wide).toHaveLength(5);
    expect(wide[0]).toMatchObject({ first: 2007, colour: 5 });
    expect(wide.at(-1)).toMatchObject({ last: 2020, colour: 1 });
    expect(yearClasses({ first: 2015, last: 2015 })).toEqual([
      { first: 2015, last: 2015, colour: 5 },
    ]);
  });

  it('shows who had adopted by the chosen year, later adopters apart', () => {
    const classes = yearClasses(bounds);
    expect(countryClass(2010, 2011, classes)).toBe('map-c5');
    expect(countryClass(2012, 2012, classes)).toBe('map-c1');
    expect(countryClass(2012, 2011, classes)).toBe('map-later');
    expect(countryClass(undefined, 2011, classes)).toBe('map-c0');
  });

  it('lists the countries by first year, marking those adopted by the year', () => {
    expect(countryRows(VIEW.countries, 2011)).toEqual([
      { country: 'DK', year: 2010, adopted: true },
      { country: 'NL', year: 2010, adopted: true },
      { country: 'BE', year: 2012, adopted: false },
    ]);
  });
});

describe('CSV rows', () => {
  it('have plain column names and codes', () => {
    expect(curveCsv(curveSeries(VIEW))).toEqual({
      columns: ['year', 'new_adopters', 'cumulative', 'bass_fitted'],
      rows: [
        [2010, 2, 2, 1.8],
        [2011, 0, 2, 2.9],
        [2012, 3, 5, 5.4],
      ],
    });
    expect(countriesCsv(countryRows(VIEW.countries, 2011), 2011).columns).toEqual([
      'country',
      'first_year',
      'adopted_by_2011',
    ]);
    expect(countriesCsv(countryRows(VIEW.countries, 2011), 2011).rows[2]).toEqual(['BE', 2012, 0]);
    expect(adoptersCsv(VIEW.adopters).rows).toEqual([
      ['NL', 'NL', 'NL', 'napoleonic', 2010, 'case', '/cases?country=NL'],
    ]);
    expect(flowsCsv(VIEW.countryFlows).rows).toEqual([['NL', 'BE', 2]]);
    const eha: EhaResult = {
      coefficients: [{ term: 'year', estimate: 0.1, se: 0.05, z: 2, p: 0.045, oddsRatio: 1.105 }],
      deviance: 10,
      nullDeviance: 12,
      aic: 14,
      iterations: 5,
      observations: 40,
      events: 5,
      units: 8,
      firstYear: 2010,
      lastYear: 2015,
    };
    expect(ehaCsv(eha)).toEqual({
      columns: ['term', 'estimate', 'se', 'z', 'p', 'odds_ratio'],
      rows: [['year', 0.1, 0.05, 2, 0.045, 1.105]],
    });
  });
});

describe('the adoption form', () => {
  it('starts with today and the only organisation chosen', () => {
    expect(localIsoDate(new Date(2024, 0, 5))).toBe('2024-01-05');
    expect(emptyAdoptionDraft([ORG], '2024-01-05')).toMatchObject({
      organisationId: ORG,
      adoptedOn: '2024-01-05',
      mechanism: '',
    });
    expect(emptyAdoptionDraft([ORG, OTHER], '2024-01-05').organisationId).toBe('');
  });

  it('builds a body the API schema accepts', () => {
    const draft = {
      ...emptyAdoptionDraft([ORG], '2023-03-01'),
      sourceOrganisationId: OTHER,
      learnedFromCase: true,
      mechanism: 'learning',
      adaptations: 'Translated into Danish.',
    };
    draft.ratings.relativeAdvantage = '4';
    const parsed = AdoptionCreate.safeParse(adoptionBody(draft, CASE));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      organisationId: ORG,
      caseId: CASE,
      tag: null,
      sourceCaseId: CASE,
      sourceOrganisationId: OTHER,
      relativeAdvantage: 4,
      complexity: null,
    });
  });

  it('fails the schema without a mechanism or an organisation', () => {
    const parsed = AdoptionCreate.safeParse(
      adoptionBody(emptyAdoptionDraft([], '2023-03-01'), CASE),
    );
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['organisationId', 'mechanism']));
  });

  it('reads the meaning of the server’s field issues', () => {
    expect(adoptionIssue({ path: 'adoptedOn', message: 'is after today (2024-01-05)' })).toEqual({
      key: 'future',
    });
    expect(
      adoptionIssue({
        path: 'adoptedOn',
        message: 'is before 2019, the year the innovation began',
      }),
    ).toEqual({ key: 'beforeInnovation', year: 2019 });
    expect(
      adoptionIssue({
        path: 'sourceOrganisationId',
        message: 'an organisation cannot learn from itself',
      }),
    ).toEqual({ key: 'selfSource' });
    expect(adoptionIssue({ path: 'mechanism', message: 'Invalid option' })).toEqual({
      key: 'invalid',
    });
  });
});

describe('number formats', () => {
  it('write a decimal year without a thousands separator, in the language', () => {
    expect(formatDecimalYear(2014.26, 'en')).toBe('2014.3');
    expect(formatDecimalYear(2014.26, 'nl')).toBe('2014,3');
  });

  it('write small p-values as a bound', () => {
    expect(formatP(0.0001, 'en')).toBe('< 0.001');
    expect(formatP(0.0456, 'nl')).toBe('0,046');
  });
});
