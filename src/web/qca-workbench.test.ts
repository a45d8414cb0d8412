import { describe, expect, it } from 'vitest';
import {
  calibrationFromDraft,
  caseFilters,
  decodeSet,
  defaultAnalysis,
  encodeSet,
  outcomeColumn,
  paramsFromDraft,
  parseDecimal,
  proposeCalibration,
  rawColumns,
  solutionType,
  validateSets,
  workbenchFromParams,
  workbenchParams,
  type CalibrationDraft,
  type SetDraft,
} from './qca-workbench.ts';
import type { CaseSetSpec } from '../shared/qca.ts';
import { searchFromParams } from './case-search.ts';

describe('sets in the address', () => {
  it('round-trips every kind of set', () => {
    const specs: CaseSetSpec[] = [
      { name: 'LEAD', source: 'driver', factor: 'org.leadership' },
      { name: 'NAP', source: 'tradition', value: 'napoleonic' },
      { name: 'IMPL', source: 'maturity', values: ['implemented', 'pilot'] },
      { name: 'EVID', source: 'evidence', min: 'monitored' },
      { name: 'SUCCESS', source: 'implementedWithEvidence' },
    ];
    for (const spec of specs) {
      expect(decodeSet(encodeSet(spec))).toEqual(spec);
    }
    expect(encodeSet({ name: 'LEAD', source: 'driver', factor: 'org.leadership' })).toBe(
      'LEAD:driver:org.leadership',
    );
  });

  it('drops sets it cannot read', () => {
    expect(decodeSet('1X:driver:org.leadership')).toBeNull();
    expect(decodeSet('X:driver:no.such')).toBeNull();
    expect(decodeSet('X:nonsense')).toBeNull();
  });

  it('keeps the case search filters, the sets and the outcome', () => {
    const params = new URLSearchParams(
      'country=NL&q=chatbot&set=Y:implementedWithEvidence&set=L:driver:org.leadership&outcome=Y',
    );
    const state = workbenchFromParams(params);
    expect(state.source).toBe('library');
    expect(state.search.lists.country).toEqual(['NL']);
    expect(state.sets?.map((s) => s.name)).toEqual(['Y', 'L']);
    expect(state.outcome).toBe('Y');
    expect(workbenchParams(state).toString()).toBe(
      'q=chatbot&country=NL&set=Y%3AimplementedWithEvidence&set=L%3Adriver%3Aorg.leadership&outcome=Y',
    );
  });

  it('ignores a list of sets with one bad or repeated set, and an unknown outcome', () => {
    expect(
      workbenchFromParams(new URLSearchParams('set=Y:implementedWithEvidence&set=bad')).sets,
    ).toBeNull();
    expect(
      workbenchFromParams(
        new URLSearchParams('set=Y:implementedWithEvidence&set=Y:driver:org.leadership'),
      ).sets,
    ).toBeNull();
    const state = workbenchFromParams(
      new URLSearchParams('set=Y:implementedWithEvidence&set=L:driver:org.leadership&outcome=Z'),
    );
    expect(state.outcome).toBeNull();
    expect(workbenchFromParams(new URLSearchParams('data=csv')).source).toBe('csv');
    expect(workbenchFromParams(new URLSearchParams('')).codedOnly).toBe(true);
    const all = workbenchFromParams(new URLSearchParams('uncoded=include'));
    expect(all.codedOnly).toBe(false);
    expect(workbenchParams(all).toString()).toBe('uncoded=include');
  });
});

describe('validateSets', () => {
  const draft = (over: Partial<SetDraft>): SetDraft => ({
    key: 'k',
    name: 'A',
    source: 'driver',
    value: 'org.leadership',
    values: [],
    ...over,
  });

  it('accepts valid sets', () => {
    const result = validateSets([
      draft({ key: 'a' }),
      draft({ key: 'b', name: 'Y', source: 'implementedWithEvidence', value: '' }),
    ]);
    expect(result).toEqual({
      ok: true,
      sets: [
        { name: 'A', source: 'driver', factor: 'org.leadership' },
        { name: 'Y', source: 'implementedWithEvidence' },
      ],
    });
  });

  it('names the field of each row that is wrong', () => {
    const result = validateSets([
      draft({ key: 'a', name: '1A', value: '' }),
      draft({ key: 'b', name: 'B', source: 'maturity', values: [] }),
      draft({ key: 'c', name: 'B', source: 'sector', value: '01' }),
    ]);
    expect(result).toEqual({
      ok: false,
      errors: {
        a: { name: 'name', value: 'value' },
        b: { value: 'value' },
        c: { name: 'nameRepeated' },
      },
    });
  });
});

describe('caseFilters', () => {
  it('turns the search into the API filters, leaving out what is not set', () => {
    expect(
      caseFilters(
        searchFromParams(new URLSearchParams('q=bot&level=local&yearFrom=2015&coded=yes')),
      ),
    ).toEqual({ q: 'bot', level: ['local'], yearFrom: 2015, coded: 'yes' });
  });
});

describe('calibration form', () => {
  const base: CalibrationDraft = {
    method: 'crisp',
    thresholds: '',
    exclusion: '',
    crossover: '',
    inclusion: '',
  };

  it('reads crisp thresholds with semicolons, comma-space or decimal commas', () => {
    expect(calibrationFromDraft({ ...base, thresholds: '7; 3' })).toEqual({
      ok: true,
      calibration: { method: 'crisp', thresholds: [3, 7] },
    });
    expect(calibrationFromDraft({ ...base, thresholds: '3, 7' })).toEqual({
      ok: true,
      calibration: { method: 'crisp', thresholds: [3, 7] },
    });
    expect(calibrationFromDraft({ ...base, thresholds: '2,5' })).toEqual({
      ok: true,
      calibration: { method: 'crisp', thresholds: [2.5] },
    });
    expect(calibrationFromDraft({ ...base, thresholds: 'x' })).toEqual({
      ok: false,
      errors: ['thresholds'],
    });
  });

  it('needs three anchors in order for fuzzy calibration', () => {
    const fuzzy = { ...base, method: 'fuzzy' as const };
    expect(
      calibrationFromDraft({ ...fuzzy, exclusion: '1', crossover: '3', inclusion: '5' }),
    ).toEqual({
      ok: true,
      calibration: { method: 'fuzzy', exclusion: 1, crossover: 3, inclusion: 5 },
    });
    expect(
      calibrationFromDraft({ ...fuzzy, exclusion: '1', crossover: '', inclusion: 'a' }),
    ).toEqual({ ok: false, errors: ['crossover', 'inclusion'] });
    expect(
      calibrationFromDraft({ ...fuzzy, exclusion: '1', crossover: '6', inclusion: '5' }),
    ).toEqual({ ok: false, errors: ['order'] });
    expect(calibrationFromDraft({ ...fuzzy, method: 'none' })).toEqual({
      ok: true,
      calibration: null,
    });
  });

  it('proposes the minimum, median and maximum', () => {
    expect(proposeCalibration([9, 1, null, 4])).toMatchObject({
      method: 'none',
      thresholds: '4',
      exclusion: '1',
      crossover: '4',
      inclusion: '9',
    });
  });

  it('finds the columns that are not 0/1', () => {
    expect(
      rawColumns({
        columns: ['A', 'B', 'Y'],
        rows: [{ case: 'x', caseId: null, values: [1, 250, 0.4] }],
      }),
    ).toEqual(['B', 'Y']);
  });
});

describe('paramsFromDraft', () => {
  const draft = defaultAnalysis(['A', 'B', 'Y'], 'Y');

  it('starts with the outcome against every other column', () => {
    expect(draft.outcome).toBe('Y');
    expect(draft.conditions).toEqual(['A', 'B']);
    expect(defaultAnalysis(['A', 'B', 'Y'], null).outcome).toBe('Y');
  });

  it('builds R QCA parameters: negated outcome, two incl.cut values, parsimonious with contradictions', () => {
    const result = paramsFromDraft(
      {
        ...draft,
        negate: true,
        inclCut1: '0,8',
        inclCut0: '0.6',
        solution: 'parsimonious',
        contradictions: true,
        rowDom: true,
      },
      { B: { method: 'crisp', thresholds: [5] }, Z: { method: 'crisp', thresholds: [1] } },
    );
    expect(result).toEqual({
      ok: true,
      params: {
        outcome: '~Y',
        conditions: ['A', 'B'],
        calibration: { B: { method: 'crisp', thresholds: [5] } },
        inclCut: [0.8, 0.6],
        nCut: 1,
        priCut: 0,
        include: '?,C',
        dirExp: null,
        allSol: false,
        rowDom: true,
      },
    });
  });

  it('sends directional expectations only for the intermediate solution', () => {
    const intermediate = paramsFromDraft(
      { ...draft, solution: 'intermediate', dirExp: 'A, ~B' },
      {},
    );
    expect(intermediate.ok && intermediate.params).toMatchObject({ include: '?', dirExp: 'A, ~B' });
    expect(intermediate.ok && solutionType(intermediate.params)).toBe('intermediate');
    const conservative = paramsFromDraft({ ...draft, dirExp: 'A' }, {});
    expect(conservative.ok && conservative.params).toMatchObject({ include: '', dirExp: null });
  });

  it('reports each wrong field', () => {
    expect(
      paramsFromDraft(
        {
          ...draft,
          outcome: '',
          conditions: [],
          inclCut1: '1.2',
          inclCut0: 'x',
          nCut: '0.5',
          priCut: '-1',
          solution: 'intermediate',
        },
        {},
      ),
    ).toEqual({
      ok: false,
      errors: {
        outcome: 'chooseOutcome',
        conditions: 'chooseConditions',
        inclCut1: 'proportion',
        inclCut0: 'proportion',
        nCut: 'wholeNumber',
        priCut: 'proportion',
        dirExp: 'dirExpRequired',
      },
    });
  });
});

describe('helpers', () => {
  it('parses decimals with a point or a comma', () => {
    expect(parseDecimal('0,75')).toBe(0.75);
    expect(parseDecimal('1e-2')).toBe(0.01);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1.2.3')).toBeNull();
  });

  it('finds the column of an outcome', () => {
    expect(outcomeColumn('~SURV')).toBe('SURV');
    expect(outcomeColumn('DEV[2]')).toBe('DEV');
  });
});
