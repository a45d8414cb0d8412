import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import propTests from '../../../core/stats/fixtures/prop-test.json';
import welchTests from '../../../core/stats/fixtures/welch-t-test.json';
import type { Experiment, Lesson, LessonList, Space } from '../../../shared/havens.ts';

let t: TestApp;
let owner: Agent;
let member: Agent;
let observer: Agent;
let stranger: Agent;
let org: { id: string; name: string };

beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Olga Verhoeven' });
  member = await signUp(t.app, { name: 'Marco Bianchi' });
  observer = await signUp(t.app, { name: 'Otto Observer' });
  stranger = await signUp(t.app, { name: 'Stijn Stranger' });
  org = await makeOrganisation(t.app, owner, { name: 'Ministry of Trials' });
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);

async function ok<T>(
  who: Agent | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<T> {
  const res = await call(who, method, url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return (res.statusCode === 204 ? undefined : res.json()) as T;
}

/** A private space of the owner's organisation with a member and an observer. */
async function team(name = 'Benefits team'): Promise<Space> {
  const space = await ok<Space>(owner, 'POST', '/api/spaces', {
    name,
    visibility: 'private',
    organisationId: org.id,
  });
  await ok(owner, 'POST', `/api/spaces/${space.id}/members`, { email: member.email });
  await ok(owner, 'POST', `/api/spaces/${space.id}/members`, {
    email: observer.email,
    role: 'observer',
  });
  return space;
}

const plan = {
  title: 'Proactive benefit letters',
  question: 'Do letters sent unasked raise take-up of the energy allowance?',
  hypothesis: 'Take-up rises by five points when Olga Verhoeven’s team writes first.',
  intervention: 'A plain-language letter from the Ministry of Trials',
  design: 'randomised_trial',
  population: 'Households eligible in 2025',
  plannedSampleSize: 380,
  primaryMetric: 'Share of households that applied within 60 days',
  successCriterion: 'A difference of at least 3 points with p < 0.05',
  startsOn: '2025-02-01',
  endsOn: '2025-06-30',
  budget: 12000,
  sector: '10',
  country: 'NL',
};

/** An outcome file with x of n successes in treatment and y of m in control. */
function binaryCsv(x: number, n: number, y: number, m: number): string {
  const lines = ['unit,arm,value'];
  for (let i = 0; i < n; i++) lines.push(`t${i},treatment,${i < x ? 1 : 0}`);
  for (let i = 0; i < m; i++) lines.push(`c${i},control,${i < y ? 1 : 0}`);
  return lines.join('\n');
}

describe('the experiment registry', () => {
  it('lets owners and members register, not observers or strangers', async () => {
    const space = await team();
    const made = await ok<Experiment>(member, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    expect(made).toMatchObject({
      status: 'planned',
      arms: ['control', 'treatment'],
      canWrite: true,
    });
    expect(
      (await call(observer, 'POST', `/api/spaces/${space.id}/experiments`, plan)).statusCode,
    ).toBe(403);
    expect(
      (await call(stranger, 'POST', `/api/spaces/${space.id}/experiments`, plan)).statusCode,
    ).toBe(404);
    expect((await call(observer, 'GET', `/api/experiments/${made.id}`)).statusCode).toBe(200);
    for (const who of [null, stranger])
      expect((await call(who, 'GET', `/api/experiments/${made.id}`)).statusCode).toBe(404);
    const list = await ok<{ items: { id: string }[] }>(
      observer,
      'GET',
      `/api/spaces/${space.id}/experiments`,
    );
    expect(list.items.map((e) => e.id)).toEqual([made.id]);
  });

  it('shows the experiments of a transparent space to everyone, and lets only its members write', async () => {
    const space = await ok<Space>(owner, 'POST', '/api/spaces', {
      name: 'Open lab',
      visibility: 'transparent',
    });
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    for (const who of [null, stranger]) {
      const seen = await ok<Experiment>(who, 'GET', `/api/experiments/${made.id}`);
      expect(seen).toMatchObject({ title: plan.title, canWrite: false, canManage: false });
    }
    expect((await call(stranger, 'POST', `/api/experiments/${made.id}/start`)).statusCode).toBe(
      403,
    );
    expect((await call(null, 'POST', `/api/experiments/${made.id}/start`)).statusCode).toBe(401);
    expect(
      (await call(stranger, 'POST', `/api/spaces/${space.id}/experiments`, plan)).statusCode,
    ).toBe(403);
    // Not published, so not in the library.
    const lessons = await ok<LessonList>(
      null,
      'GET',
      `/api/lessons?q=${encodeURIComponent(plan.title)}`,
    );
    expect(lessons.total).toBe(0);
  });

  it('refuses bad plans with the field and stores nothing', async () => {
    const space = await team();
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ ...plan, startsOn: '2025-06-01', endsOn: '2025-05-01' }, 'endsOn'],
      [{ ...plan, plannedSampleSize: 0 }, 'plannedSampleSize'],
      [{ ...plan, design: 'guesswork' }, 'design'],
      [{ ...plan, arms: ['a', 'a'] }, 'arms'],
    ] as const) {
      const res = await call(owner, 'POST', `/api/spaces/${space.id}/experiments`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(await rowCounts(t.database)).toEqual(before);
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    const later = await rowCounts(t.database);
    const res = await call(owner, 'PATCH', `/api/experiments/${made.id}`, { endsOn: '2025-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('endsOn');
    expect(await rowCounts(t.database)).toEqual(later);
  });

  it('will not start without a hypothesis and a success criterion (409)', async () => {
    const space = await team();
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, {
      title: 'An idea without a plan',
      design: 'pilot',
    });
    const res = await call(owner, 'POST', `/api/experiments/${made.id}/start`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'plan_incomplete' });
    expect(res.json().error.message).toMatch(/hypothesis and a success criterion/);
    await ok(owner, 'PATCH', `/api/experiments/${made.id}`, { hypothesis: 'It helps' });
    expect((await call(owner, 'POST', `/api/experiments/${made.id}/start`)).statusCode).toBe(409);
    await ok(owner, 'PATCH', `/api/experiments/${made.id}`, { successCriterion: '10 % more' });
    const started = await ok<Experiment>(owner, 'POST', `/api/experiments/${made.id}/start`);
    expect(started.status).toBe('running');
    expect(started.startedAt).not.toBeNull();
    expect((await call(owner, 'POST', `/api/experiments/${made.id}/start`)).statusCode).toBe(409);
    expect(
      (await call(observer, 'POST', `/api/experiments/${made.id}/stop`, { reason: 'Not now' }))
        .statusCode,
    ).toBe(403);
  });

  it('freezes the plan at the start and keeps later changes as visible amendments', async () => {
    const space = await team();
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    // Before the start the plan changes freely.
    await ok(owner, 'PATCH', `/api/experiments/${made.id}`, { plannedSampleSize: 400 });
    await ok(owner, 'POST', `/api/experiments/${made.id}/start`);
    const refused = await call(owner, 'PATCH', `/api/experiments/${made.id}`, {
      successCriterion: 'Any difference at all',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('amendmentReason');
    // Lessons are not part of the plan.
    await ok(owner, 'PATCH', `/api/experiments/${made.id}`, { lessonsWorked: 'Plain language' });
    const amended = await ok<Experiment>(owner, 'PATCH', `/api/experiments/${made.id}`, {
      successCriterion: 'A difference of at least 2 points',
      hypothesis: plan.hypothesis,
      amendmentReason: 'The regulator lowered the threshold',
    });
    expect(amended.successCriterion).toBe('A difference of at least 2 points');
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]).toMatchObject({
      field: 'successCriterion',
      before: plan.successCriterion,
      after: 'A difference of at least 2 points',
      reason: 'The regulator lowered the threshold',
      by: { id: owner.id },
    });
    const seen = await ok<Experiment>(observer, 'GET', `/api/experiments/${made.id}`);
    expect(seen.amendments.map((a) => a.field)).toEqual(['successCriterion']);
    expect(seen.lessonsWorked).toBe('Plain language');
    expect(
      (await call(owner, 'PATCH', `/api/experiments/${made.id}`, { result: 'supported' }))
        .statusCode,
    ).toBe(409);
  });

  it('allocates reproducibly for a seed and exports the list', async () => {
    const space = await team();
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    const units = Array.from({ length: 40 }, (_, i) => ({
      id: `household-${i + 1}`,
      strata: { region: i % 3 === 0 ? 'north' : 'south' },
    }));
    const a = await ok<Experiment>(owner, 'POST', `/api/experiments/${made.id}/allocation`, {
      method: 'stratified',
      seed: 2024,
      blockSize: 4,
      units,
    });
    expect(a.allocation).toMatchObject({ method: 'stratified', seed: 2024, units: 40 });
    for (const counts of Object.values(a.allocation!.countsByStratum)) {
      expect(Math.abs(counts.control! - counts.treatment!)).toBeLessThanOrEqual(2);
    }
    const first = await call(observer, 'GET', `/api/experiments/${made.id}/allocation.csv`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/csv');
    expect(first.body.split(/\r?\n/)[0]).toBe('unit_id,arm,stratum,block,sequence');
    await ok(owner, 'POST', `/api/experiments/${made.id}/allocation`, {
      method: 'simple',
      seed: 1,
      units,
    });
    await ok(owner, 'POST', `/api/experiments/${made.id}/allocation`, {
      method: 'stratified',
      seed: 2024,
      blockSize: 4,
      units,
    });
    const again = await call(observer, 'GET', `/api/experiments/${made.id}/allocation.csv`);
    expect(again.body).toBe(first.body);
    expect(
      (await call(stranger, 'GET', `/api/experiments/${made.id}/allocation.csv`)).statusCode,
    ).toBe(404);
    const bad = await call(owner, 'POST', `/api/experiments/${made.id}/allocation`, {
      method: 'block',
      seed: 1,
      blockSize: 3,
      units,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a bad outcome file with its line and column, and keeps the data it had', async () => {
    const space = await team();
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    const early = await call(owner, 'POST', `/api/experiments/${made.id}/outcomes`, {
      csv: binaryCsv(1, 2, 1, 2),
    });
    expect(early.statusCode).toBe(409);
    await ok(owner, 'POST', `/api/experiments/${made.id}/start`);
    await ok(owner, 'POST', `/api/experiments/${made.id}/outcomes`, { csv: binaryCsv(3, 5, 1, 5) });
    const before = await rowCounts(t.database);
    for (const [csv, where] of [
      ['unit,arm,value\nu1,control,1\nu2,placebo,0', /line 3, column arm/],
      ['unit,arm,value\nu1,control,1\nu2,treatment,yes', /line 3, column value/],
      ['unit,arm,value\nu1,control,1\nu2,treatment,0.5', /line 3, column value/],
      ['unit,arm,value\nu1,control,1\nu1,treatment,0', /line 3, column unit/],
    ] as const) {
      const res = await call(owner, 'POST', `/api/experiments/${made.id}/outcomes`, { csv });
      expect(res.statusCode, csv).toBe(400);
      expect(res.json().error.message).toMatch(where);
      expect(res.json().error.details[0].path).toBe('csv');
    }
    expect(await rowCounts(t.database)).toEqual(before);
    const kept = await ok<Experiment>(owner, 'GET', `/api/experiments/${made.id}`);
    expect(kept.outcomes).toMatchObject({ units: 10, byArm: { control: 5, treatment: 5 } });
  });

  it('analyses a 0/1 outcome as R’s prop.test and a number as R’s t.test', async () => {
    const space = await team();
    const r = propTests[0]!;
    const binary = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    await ok(owner, 'POST', `/api/experiments/${binary.id}/start`);
    const got = await ok<Experiment>(owner, 'POST', `/api/experiments/${binary.id}/outcomes`, {
      csv: binaryCsv(r.x1, r.n1, r.x2, r.n2),
    });
    expect(got.analysis).toMatchObject({
      kind: 'binary',
      arms: ['treatment', 'control'],
      n: [r.n1, r.n2],
    });
    const a = got.analysis!;
    expect(Math.abs(a.difference - r.difference)).toBeLessThan(1e-6);
    expect(Math.abs(a.statistic! - r.statistic)).toBeLessThan(1e-6);
    expect(Math.abs(a.pValue! - r.p_value)).toBeLessThan(1e-6);
    expect(Math.abs(a.confLow - r.conf_low)).toBeLessThan(1e-6);
    expect(Math.abs(a.confHigh - r.conf_high)).toBeLessThan(1e-6);

    const w = welchTests[0]!;
    const numeric = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, {
      ...plan,
      outcomeKind: 'numeric',
    });
    await ok(owner, 'POST', `/api/experiments/${numeric.id}/start`);
    const csv = [
      'unit,arm,value',
      ...w.a.map((v, i) => `a${i},treatment,${v}`),
      ...w.b.map((v, i) => `b${i},control,${v}`),
    ].join('\n');
    const n = await ok<Experiment>(owner, 'POST', `/api/experiments/${numeric.id}/outcomes`, {
      csv,
    });
    expect(n.analysis!.kind).toBe('numeric');
    const x = n.analysis as Extract<Experiment['analysis'], { kind: 'numeric' }>;
    expect(Math.abs(x.difference - w.difference)).toBeLessThan(1e-6);
    expect(Math.abs(x.df - w.df)).toBeLessThan(1e-6);
    expect(Math.abs(x.pValue - w.p_value)).toBeLessThan(1e-6);
    expect(Math.abs(x.confLow - w.conf_low)).toBeLessThan(1e-6);
    expect(Math.abs(x.confHigh - w.conf_high)).toBeLessThan(1e-6);
  });

  it('keeps a decision log and stops an experiment early with its reason', async () => {
    const space = await team();
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    await ok(member, 'POST', `/api/experiments/${made.id}/decisions`, {
      text: 'Go ahead in two districts',
    });
    expect(
      (await call(observer, 'POST', `/api/experiments/${made.id}/decisions`, { text: 'Not mine' }))
        .statusCode,
    ).toBe(403);
    await ok(owner, 'POST', `/api/experiments/${made.id}/start`);
    const stopped = await ok<Experiment>(owner, 'POST', `/api/experiments/${made.id}/stop`, {
      reason: 'The letters confused people',
    });
    expect(stopped).toMatchObject({ status: 'stopped', stopReason: 'The letters confused people' });
    expect(stopped.decisions.map((d) => d.text)).toEqual(['Go ahead in two districts']);
    expect(
      (await call(owner, 'POST', `/api/experiments/${made.id}/complete`, { result: 'supported' }))
        .statusCode,
    ).toBe(409);
  });
});

describe('publication and the lessons library', () => {
  async function ended(title: string, how: 'complete' | 'stop', over: object = {}) {
    const space = await team(`Space for ${title}`);
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, {
      ...plan,
      ...over,
      title,
    });
    await ok(owner, 'POST', `/api/experiments/${made.id}/start`);
    await ok(owner, 'PATCH', `/api/experiments/${made.id}`, {
      lessonsFailed: 'Marco Bianchi found the Ministry of Trials letters too long.',
    });
    if (how === 'complete')
      await ok(owner, 'POST', `/api/experiments/${made.id}/complete`, { result: 'not_supported' });
    else await ok(owner, 'POST', `/api/experiments/${made.id}/stop`, { reason: 'Budget cut' });
    return made;
  }

  it('previews and publishes for owners only, anonymised on request', async () => {
    const made = await ended('Letters that did not work', 'complete');
    expect((await call(member, 'GET', `/api/experiments/${made.id}/publication`)).statusCode).toBe(
      403,
    );
    expect(
      (await call(stranger, 'GET', `/api/experiments/${made.id}/publication`)).statusCode,
    ).toBe(404);
    const plain = await ok<{ lesson: Lesson }>(
      owner,
      'GET',
      `/api/experiments/${made.id}/publication`,
    );
    expect(plain.lesson.organisation?.name).toBe('Ministry of Trials');
    expect(plain.lesson.people).toEqual(['Marco Bianchi', 'Olga Verhoeven']);
    const preview = await ok<{ lesson: Lesson }>(
      owner,
      'GET',
      `/api/experiments/${made.id}/publication?anonymise=true`,
    );
    const text = JSON.stringify(preview.lesson);
    for (const name of ['Ministry of Trials', 'Olga', 'Verhoeven', 'Marco', 'Bianchi', 'Otto'])
      expect(text).not.toContain(name);
    expect(preview.lesson.lessonsFailed).toBe('[…] found the […] letters too long.');
    expect(
      (await call(owner, 'POST', `/api/experiments/${made.id}/publication`, { anonymise: true }))
        .statusCode,
    ).toBe(400);
    const before = await ok<LessonList>(null, 'GET', '/api/lessons');
    const lesson = await ok<Lesson>(owner, 'POST', `/api/experiments/${made.id}/publication`, {
      anonymise: true,
      confirm: true,
    });
    const { id: _i, publishedAt: _p, ...content } = lesson;
    const { id: _j, publishedAt: _q, ...previewed } = preview.lesson;
    expect(content).toEqual(previewed);
    const after = await ok<LessonList>(null, 'GET', '/api/lessons');
    expect(after.total).toBe(before.total + 1);
    expect(await ok<Lesson>(null, 'GET', `/api/lessons/${lesson.id}`)).toEqual(lesson);
    expect(
      (
        await call(owner, 'POST', `/api/experiments/${made.id}/publication`, {
          anonymise: false,
          confirm: true,
        })
      ).statusCode,
    ).toBe(409);
    // Later edits in the space do not reach the public lesson.
    await ok(owner, 'PATCH', `/api/experiments/${made.id}`, {
      lessonsWorked: 'A secret afterthought',
    });
    expect(JSON.stringify(await ok(null, 'GET', `/api/lessons/${lesson.id}`))).not.toContain(
      'secret afterthought',
    );
    expect(
      (await call(member, 'DELETE', `/api/experiments/${made.id}/publication`)).statusCode,
    ).toBe(403);
    await ok(owner, 'DELETE', `/api/experiments/${made.id}/publication`);
    expect((await call(null, 'GET', `/api/lessons/${lesson.id}`)).statusCode).toBe(404);
  });

  it('refuses to publish before the experiment has ended', async () => {
    const space = await team();
    const made = await ok<Experiment>(owner, 'POST', `/api/spaces/${space.id}/experiments`, plan);
    const res = await call(owner, 'POST', `/api/experiments/${made.id}/publication`, {
      anonymise: false,
      confirm: true,
    });
    expect(res.statusCode).toBe(409);
  });

  it('finds failures and stopped experiments by design, result, sector, country and words', async () => {
    const failed = await ended('Chatbot for parking permits', 'complete', {
      design: 'pilot',
      country: 'BE',
      sector: '04',
    });
    const stopped = await ended('Sandbox for drone deliveries', 'stop', {
      design: 'regulatory_sandbox',
      country: 'DK',
      sector: '04',
    });
    for (const e of [failed, stopped])
      await ok(owner, 'POST', `/api/experiments/${e.id}/publication`, {
        anonymise: false,
        confirm: true,
      });
    const titles = async (q: string) =>
      (await ok<LessonList>(null, 'GET', `/api/lessons?${q}`)).items.map((l) => l.title);
    expect(await titles('result=stopped&sector=04')).toEqual(['Sandbox for drone deliveries']);
    expect(await titles('result=not_supported&country=BE')).toEqual([
      'Chatbot for parking permits',
    ]);
    expect(await titles('design=regulatory_sandbox')).toEqual(['Sandbox for drone deliveries']);
    expect(await titles('q=PARKING chatbot')).toEqual(['Chatbot for parking permits']);
    expect(await titles('q=ministry%20of%20trials&country=DK')).toEqual([
      'Sandbox for drone deliveries',
    ]);
    expect(await titles('q=100%25')).toEqual([]);
    const all = await ok<LessonList>(null, 'GET', '/api/lessons?sector=04');
    expect(all.facets.result).toMatchObject({ stopped: 1, not_supported: 1 });
    expect(all.facets.country).toMatchObject({ BE: 1, DK: 1 });
    // A facet counts over the other filters, not its own.
    const be = await ok<LessonList>(null, 'GET', '/api/lessons?sector=04&country=BE');
    expect(be.facets.country).toMatchObject({ BE: 1, DK: 1 });
    expect(be.facets.design).toEqual({ pilot: 1 });
    expect((await call(null, 'GET', '/api/lessons?result=maybe')).statusCode).toBe(400);
    expect((await call(null, 'GET', '/api/lessons?page=0')).statusCode).toBe(400);
  });
});
