import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  rowCounts,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import { CaseCreate } from '../../../shared/cases.ts';
import type { QcaDataSet, QcaReport } from '../../../shared/qca.ts';
import { insertCase, insertCode } from '../../commands/case-store.ts';
import { QcaRunner, type WorkerRequest } from '../../qca/runner.ts';

let t: TestApp;
let researcher: Agent;
let other: Agent;
let moderator: Agent;

/** Coded cases: leadership drives implementation in the Germanic ones, regulation blocks it. */
const CASES = [
  {
    title: 'Alpha',
    countries: ['NL'],
    maturity: 'implemented',
    lead: 'driver',
    evidence: 'evaluated',
  },
  {
    title: 'Beta',
    countries: ['DE'],
    maturity: 'implemented',
    lead: 'driver',
    evidence: 'monitored',
  },
  { title: 'Gamma', countries: ['FR'], maturity: 'pilot', lead: null, evidence: 'anecdotal' },
  {
    title: 'Delta',
    countries: ['FR'],
    maturity: 'discontinued',
    lead: 'barrier',
    evidence: 'none',
  },
  {
    title: 'Epsilon',
    countries: ['DK'],
    maturity: 'implemented',
    lead: 'driver',
    evidence: 'anecdotal',
  },
  {
    title: 'Alpha',
    countries: ['AT'],
    maturity: 'implemented',
    lead: 'driver',
    evidence: 'evaluated',
  },
] as const;

beforeAll(async () => {
  t = await makeApp();
  researcher = await signUp(t.app, { name: 'Rita Researcher' });
  other = await signUp(t.app, { name: 'Otto Other' });
  moderator = await signUp(t.app, { name: 'Mia Moderator' });
  await setPlatformRole(t.database, moderator.id, 'moderator');
  await t.database.db.transaction(async (tx) => {
    for (const c of CASES) {
      const row = await insertCase(
        tx,
        CaseCreate.parse({
          title: c.title,
          summary: `Case ${c.title}.`,
          status: 'published',
          countries: c.countries,
          maturity: c.maturity,
          outcomes: [{ dimension: 'effectiveness', evidence: c.evidence }],
        }),
      );
      if (c.lead)
        await insertCode(tx, row.id, {
          factor: 'org.leadership',
          direction: c.lead,
          evidence: '',
          coderId: null,
          coderName: 'Fixture coder',
        });
    }
    // A draft, coded, that must never enter a data set.
    const draft = await insertCase(
      tx,
      CaseCreate.parse({ title: 'Hidden draft', summary: 'Not published.', countries: ['NL'] }),
    );
    await insertCode(tx, draft.id, {
      factor: 'org.leadership',
      direction: 'driver',
      evidence: '',
      coderId: null,
      coderName: 'Fixture coder',
    });
  });
}, 120_000);
afterAll(async () => {
  await t.close();
});

const sets = [
  { name: 'LEAD', source: 'driver', factor: 'org.leadership' },
  { name: 'GERM', source: 'tradition', value: 'germanic' },
  { name: 'SUCC', source: 'implementedWithEvidence' },
];

async function dataSet(extra: Record<string, unknown> = {}): Promise<QcaDataSet> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/qca/dataset',
    payload: { sets, ...extra },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('POST /api/qca/dataset', () => {
  it('makes one 0/1 row per coded published case, with unique names and never a draft', async () => {
    const d = await dataSet();
    expect(d.columns).toEqual(['LEAD', 'GERM', 'SUCC']);
    const byName = Object.fromEntries(d.rows.map((r) => [r.case, r.values]));
    expect(Object.keys(byName).sort()).toEqual(['Alpha', 'Alpha (2)', 'Beta', 'Delta', 'Epsilon']);
    expect(byName.Beta).toEqual([1, 1, 1]);
    expect(byName.Delta).toEqual([0, 0, 0]);
    // Implemented, but the evidence is anecdotal: not a success.
    expect(byName.Epsilon).toEqual([1, 0, 0]);
    expect(JSON.stringify(d)).not.toContain('Hidden draft');
  });

  it('takes uncoded cases too when asked, and applies the search filters', async () => {
    const all = await dataSet({ codedOnly: false });
    expect(all.rows.map((r) => r.case)).toContain('Gamma');
    const french = await dataSet({ codedOnly: false, filters: { country: ['FR'] } });
    expect(french.rows.map((r) => r.case).sort()).toEqual(['Delta', 'Gamma']);
  });

  it('answers 422 when no case matches, rather than an empty data set', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/qca/dataset',
      payload: { sets, filters: { country: ['JP'] } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('no_cases');
  });

  it('refuses an unknown source and a set name R would not accept, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/qca/dataset',
      payload: { sets: [{ name: '1BAD', source: 'tradition', value: 'germanic' }, sets[0]] },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('sets.0.name');
  });
});

describe('POST /api/qca/run', () => {
  it('runs the analysis in a worker and answers as R QCA would', async () => {
    const data = await dataSet();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/qca/run',
      headers: researcher.headers,
      payload: { data, params: { outcome: 'SUCC', conditions: ['LEAD', 'GERM'], include: '?' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as QcaReport;
    expect(r.truth_table.conditions).toEqual(['LEAD', 'GERM']);
    const positive = r.truth_table.rows.filter((row) => row.OUT === '1');
    expect(positive.map((row) => row.values)).toEqual([{ LEAD: 1, GERM: 1 }]);
    // The remainder LEAD=0, GERM=1 lets the parsimonious solution drop LEAD.
    expect(r.solution.models[0]!.expression).toBe('GERM');
    expect(r.solution.models[0]!.inclS).toBe(1);
    const conservative = await t.app.inject({
      method: 'POST',
      url: '/api/qca/run',
      headers: researcher.headers,
      payload: { data, params: { outcome: 'SUCC', conditions: ['LEAD', 'GERM'] } },
    });
    expect((conservative.json() as QcaReport).solution.models[0]!.expression).toBe('LEAD*GERM');
    expect(r.calibrated.columns).toEqual(['LEAD', 'GERM', 'SUCC']);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('calibrates raw columns first (fuzzy direct method, as R)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/qca/run',
      headers: researcher.headers,
      payload: {
        data: {
          columns: ['X', 'Y'],
          rows: [1, 2, 3, 4, 5].map((x) => ({ case: `c${x}`, values: [x, x >= 3 ? 1 : 0] })),
        },
        params: {
          outcome: 'Y',
          conditions: ['X'],
          inclCut: [0.8],
          calibration: { X: { method: 'fuzzy', exclusion: 1, crossover: 3, inclusion: 5 } },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const x = (res.json() as QcaReport).calibrated.rows.map((r) => r.values[0]!);
    // R: calibrate(1:5, type = "fuzzy", thresholds = c(1, 3, 5)); idm = 0.95, so the anchors
    // 1 and 5 get 0.05 and 0.95 and 2, 4 get 1 / (1 + 19^±0.5).
    const want = [0.05, 1 / (1 + Math.sqrt(19)), 0.5, 1 - 1 / (1 + Math.sqrt(19)), 0.95];
    x.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 10));
  });

  it('names the column and the row of bad data, and needs a signed-in person', async () => {
    const bad = {
      data: {
        columns: ['A', 'Y'],
        rows: [
          { case: 'ok', values: [0.2, 1] },
          { case: 'broken', values: [1.7, 0] },
        ],
      },
      params: { outcome: 'Y', conditions: ['A'] },
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/qca/run',
      headers: researcher.headers,
      payload: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/A/);
    expect(res.json().error.message).toMatch(/broken|row 2/);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'data.rows.1.values.0',
      code: 'not_a_membership',
    });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/qca/run', payload: bad });
    expect(anonymous.statusCode).toBe(401);
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/qca/run',
      headers: researcher.headers,
      payload: { ...bad, data: { columns: ['A', 'Y'], rows: [{ case: 'x', values: [1] }] } },
    });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json().error.details)).toContain('data.rows.0.values');
  });
});

describe('saved analyses', () => {
  it('are saved under a link anyone can open, with an R script and CSV; only owners delete', async () => {
    const data = await dataSet();
    const params = { outcome: 'SUCC', conditions: ['LEAD', 'GERM'], include: '?' };
    const before = await rowCounts(t.database);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/qca/analyses',
      headers: researcher.headers,
      payload: { title: 'Leadership and success', data, params },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    expect((await rowCounts(t.database)).qca_analyses).toBe(before.qca_analyses! + 1);

    const opened = await t.app.inject({ method: 'GET', url: `/api/qca/analyses/${id}` });
    expect(opened.json()).toMatchObject({
      title: 'Leadership and success',
      canDelete: false,
      owner: { name: 'Rita Researcher' },
    });
    const script = await t.app.inject({ method: 'GET', url: `/api/qca/analyses/${id}/script.R` });
    expect(script.headers['content-type']).toMatch(/^text\/plain/);
    expect(script.body).toContain('library(QCA)');
    expect(script.body).toContain('minimize(');
    const csv = await t.app.inject({ method: 'GET', url: `/api/qca/analyses/${id}/data.csv` });
    expect(csv.body.split('\n')[0]).toBe('case,LEAD,GERM,SUCC');

    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/qca/analyses',
      headers: researcher.headers,
    });
    expect(mine.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/qca/analyses',
      headers: other.headers,
    });
    expect(theirs.json().items).toEqual([]);

    const byOther = await t.app.inject({
      method: 'DELETE',
      url: `/api/qca/analyses/${id}`,
      headers: other.headers,
    });
    expect(byOther.statusCode).toBe(403);
    const byModerator = await t.app.inject({
      method: 'DELETE',
      url: `/api/qca/analyses/${id}`,
      headers: moderator.headers,
    });
    expect(byModerator.statusCode).toBe(204);
  });
});

describe('the QCA runner', () => {
  const job: WorkerRequest = {
    data: {
      columns: ['A', 'Y'],
      rows: [
        { case: 'a', caseId: null, values: [1, 1] },
        { case: 'b', caseId: null, values: [0, 0] },
      ],
    },
    params: {
      outcome: 'Y',
      conditions: ['A'],
      calibration: {},
      inclCut: [1],
      nCut: 1,
      priCut: 0,
      include: '',
      dirExp: null,
      allSol: false,
      rowDom: false,
    },
  };

  it('stops an analysis past its time limit, and one whose request was given up', async () => {
    const runner = new QcaRunner(1);
    try {
      await expect(runner.run(job, { timeoutMs: 1 })).rejects.toMatchObject({
        statusCode: 408,
        code: 'timeout',
      });
      const abort = new AbortController();
      const running = runner.run(job, { timeoutMs: 60_000, signal: abort.signal });
      abort.abort();
      await expect(running).rejects.toMatchObject({ code: 'cancelled' });
      // The runner goes on working after both.
      const ok = await runner.run(job, { timeoutMs: 60_000 });
      expect(ok.solution.models[0]!.expression).toBe('A');
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('refuses more work than its queue holds with 503', async () => {
    const runner = new QcaRunner(1, 1);
    try {
      const first = runner.run(job, { timeoutMs: 60_000 });
      const second = runner.run(job, { timeoutMs: 60_000 });
      await expect(runner.run(job, { timeoutMs: 60_000 })).rejects.toMatchObject({
        statusCode: 503,
      });
      await Promise.all([first, second]);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
