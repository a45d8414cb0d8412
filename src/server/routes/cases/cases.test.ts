import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  makeOrganisation,
  rowCounts,
  setPlatformRole,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import type { FACET_NAMES } from '../../../shared/cases.ts';
import { CaseCreate, type CaseSearchResult } from '../../../shared/cases.ts';
import { governanceTradition } from '../../../shared/governance-traditions.ts';
import { insertCase } from '../../commands/case-store.ts';

let t: TestApp;
let author: Agent;
let stranger: Agent;
let moderator: Agent;
let colleague: Agent;

const COUNTRIES = ['NL', 'DE', 'FR', 'DK', 'EE', 'GB', 'IT'] as const;
const LEVELS = ['local', 'regional', 'national'] as const;
const SECTORS = ['01', '07', '10'] as const;
const MATURITIES = ['pilot', 'implemented', 'planned'] as const;

/** A fixed, varied set of published cases for the facet and relevance checks. */
const FIXTURE = Array.from({ length: 36 }, (_, i) =>
  CaseCreate.parse({
    title:
      i % 9 === 0
        ? `Chatbot for residents ${i}`
        : i % 9 === 1
          ? `Permit service ${i} with a chatbot in the background`
          : `Neighbourhood service ${i}`,
    summary:
      i % 9 === 2
        ? 'A virtual assistant answers questions; a chatbot was considered.'
        : `Summary of case ${i}.`,
    status: 'published',
    countries: i % 5 === 0 ? [COUNTRIES[i % 7], COUNTRIES[(i + 1) % 7]] : [COUNTRIES[i % 7]],
    level: LEVELS[i % 3],
    sector: SECTORS[i % 3],
    maturity: i % 4 === 3 ? null : MATURITIES[i % 3],
    yearLaunched: 2015 + (i % 6),
    innovationTypes: i % 2 ? ['product_service'] : ['product_service', 'governance'],
    facets: i % 3 ? ['enhancement'] : [],
    technology: i % 9 === 0 ? 'Chatbot' : null,
    sections: { context: `Context of case ${i}.` },
  }),
);

beforeAll(async () => {
  t = await makeApp();
  author = await signUp(t.app, { name: 'Ada Author' });
  stranger = await signUp(t.app, { name: 'Stan Stranger' });
  moderator = await signUp(t.app, { name: 'Mo Moderator' });
  colleague = await signUp(t.app, { name: 'Col League' });
  await setPlatformRole(t.database, moderator.id, 'moderator');
  await t.database.db.transaction(async (tx) => {
    for (const c of FIXTURE) await insertCase(tx, c);
  });
}, 120_000);
afterAll(async () => {
  await t.close();
});

async function search(query: string, agent?: Agent): Promise<CaseSearchResult> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/cases${query ? `?${query}` : ''}`,
    ...(agent ? { headers: agent.headers } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const facetMap = (r: CaseSearchResult, name: (typeof FACET_NAMES)[number]) =>
  Object.fromEntries(r.facets[name]!.map((f) => [f.value, f.count]));

describe('GET /api/cases (search)', () => {
  it('ranks cases with "chatbot" in the title first, then those with it in the text', async () => {
    const r = await search('q=chatbot&limit=100');
    const titles = r.items.map((h) => h.title);
    const inTitle = titles.filter((x) => /chatbot/i.test(x));
    expect(inTitle.length).toBe(8);
    expect(titles.slice(0, 8)).toEqual(expect.arrayContaining(inTitle));
    // The summary-only matches follow the title matches.
    expect(titles.length).toBeGreaterThan(8);
    expect(r.total).toBe(titles.length);
    expect(r.sort).toBe('relevance');
    const snippet = r.items.find((h) => h.summary.includes('virtual assistant'))!.snippet;
    expect(snippet.some((p) => p.hit && /chatbot/i.test(p.text))).toBe(true);
  });

  it('finds English word forms through stemming ("chatbots")', async () => {
    const r = await search('q=chatbots');
    expect(r.total).toBeGreaterThan(0);
  });

  it('counts each facet with all the other filters applied, as a brute-force count does', async () => {
    const filters: Record<string, string[]> & Record<'country' | 'level' | 'sector', string[]> = {
      country: ['NL', 'DE', 'FR'],
      level: ['regional', 'national'],
      sector: ['07', '10'],
    };
    const r = await search(
      'country=NL&country=DE&country=FR&level=regional&level=national&sector=07&sector=10',
    );
    const passes = (c: (typeof FIXTURE)[number], except: string) =>
      (except === 'country' || c.countries.some((x) => filters.country.includes(x))) &&
      (except === 'level' || filters.level.includes(c.level!)) &&
      (except === 'sector' || filters.sector.includes(c.sector!));
    const brute = (name: string, values: (c: (typeof FIXTURE)[number]) => string[]) => {
      const out: Record<string, number> = {};
      for (const c of FIXTURE) {
        if (!passes(c, name)) continue;
        for (const v of values(c)) out[v] = (out[v] ?? 0) + 1;
      }
      // Ticked values stay listed, with 0 when nothing has them.
      for (const v of filters[name] ?? []) out[v] ??= 0;
      return out;
    };
    expect(facetMap(r, 'country')).toEqual(brute('country', (c) => c.countries));
    expect(facetMap(r, 'level')).toEqual(brute('level', (c) => [c.level!]));
    expect(facetMap(r, 'sector')).toEqual(brute('sector', (c) => [c.sector!]));
    expect(facetMap(r, 'maturity')).toEqual(brute('-', (c) => (c.maturity ? [c.maturity] : [])));
    expect(facetMap(r, 'tradition')).toEqual(
      brute('-', (c) => [...new Set(c.countries.map((x) => governanceTradition(x)!))]),
    );
    expect(facetMap(r, 'year')).toEqual(brute('-', (c) => [String(c.yearLaunched)]));
    expect(r.total).toBe(FIXTURE.filter((c) => passes(c, '-')).length);
    expect(r.total).toBeGreaterThan(2);
  });

  it('filters by governance tradition and by a year range', async () => {
    const r = await search('tradition=germanic&yearFrom=2017&yearTo=2018&limit=100');
    const want = FIXTURE.filter(
      (c) =>
        c.countries.some((x) => governanceTradition(x) === 'germanic') &&
        c.yearLaunched! >= 2017 &&
        c.yearLaunched! <= 2018,
    );
    expect(r.total).toBe(want.length);
    expect(r.items.map((h) => h.title).sort()).toEqual(want.map((c) => c.title).sort());
  });

  it('pages with keyset cursors in every sort order, none lost or repeated', async () => {
    for (const sort of ['newest', 'year', 'relevance']) {
      const q = sort === 'relevance' ? 'q=service&' : '';
      const all = await search(`${q}sort=${sort}&limit=100`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: CaseSearchResult = await search(
          `${q}sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((h) => h.id));
      expect(new Set(seen).size).toBe(all.total);
    }
  });

  it('refuses unknown vocabulary values and bad cursors, naming the field', async () => {
    for (const [query, field] of [
      ['level=galactic', 'level'],
      ['country=XX', 'country'],
      ['sort=random', 'sort'],
      ['cursor=notacursor', 'cursor'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/cases?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
  });
});

const valid = {
  title: 'Neighbourhood company in Hillesluis',
  summary: 'Residents run a company that offers jobs, repairs and a meeting place.',
  countries: ['NL'],
  level: 'local',
  sector: '06',
};

describe('writing cases', () => {
  it('rejects a long summary, an unknown vocabulary value and a bad country, changing nothing', async () => {
    const before = await rowCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: author.headers,
      payload: {
        ...valid,
        summary: 'x'.repeat(281),
        maturity: 'ancient',
        countries: ['NL', 'QQ'],
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['summary', 'maturity', 'countries.1']));
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('keeps a draft out of search, counts and other people’s view; shows it once published', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: author.headers,
      payload: { ...valid, title: 'Secret draft zebrafinch', technology: 'Zebrafinch' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      status: 'draft',
      canEdit: true,
      traditions: ['germanic'],
    });

    for (const agent of [undefined, stranger, author]) {
      const r = await search('q=zebrafinch', agent);
      expect(r.total).toBe(0);
      const all = await search('', agent);
      expect(JSON.stringify(all)).not.toContain('Zebrafinch');
      expect(all.total).toBe(FIXTURE.length);
    }
    for (const agent of [undefined, stranger]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${id}`,
        ...(agent ? { headers: agent.headers } : {}),
      });
      expect(res.statusCode).toBe(404);
    }
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/cases/mine',
      headers: author.headers,
    });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(id);

    const published = await t.app.inject({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      headers: author.headers,
      payload: { status: 'published' },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    const r = await search('q=zebrafinch', stranger);
    expect(r.items.map((h) => h.id)).toEqual([id]);
    expect(facetMap(r, 'technology')).toEqual({ Zebrafinch: 1 });
  });

  it('lets the author, lead-organisation members and moderators edit; others get 403', async () => {
    const org = await makeOrganisation(t.app, author, { name: 'Gemeente Rotterdam' });
    await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/members`,
      headers: author.headers,
      payload: { email: colleague.email, role: 'member' },
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: author.headers,
      payload: {
        ...valid,
        status: 'published',
        partners: [{ name: 'Gemeente Rotterdam', organisationId: org.id, role: 'lead' }],
      },
    });
    const id = created.json().id as string;
    const edit = (agent: Agent | undefined, title: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/cases/${id}`,
        ...(agent ? { headers: agent.headers } : {}),
        payload: { title },
      });
    expect((await edit(author, 'Edited by the author')).statusCode).toBe(200);
    expect((await edit(colleague, 'Edited by a colleague')).statusCode).toBe(200);
    expect((await edit(moderator, 'Edited by a moderator')).statusCode).toBe(200);
    expect((await edit(stranger, 'Edited by a stranger')).statusCode).toBe(403);
    expect((await edit(undefined, 'Edited by nobody')).statusCode).toBe(401);
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${id}`,
      headers: stranger.headers,
    });
    expect(seen.json()).toMatchObject({ title: 'Edited by a moderator', canEdit: false });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/cases/${id}`, headers: stranger.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses an end date before the start date, also when only one of them is sent', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: author.headers,
      payload: { ...valid, startDate: '2020-05-01' },
    });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/cases/${created.json().id}`,
      headers: author.headers,
      payload: { endDate: '2019-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('endDate');
  });

  it('deletes a case and search forgets it at once', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: author.headers,
      payload: { ...valid, title: 'Short-lived quokka case', status: 'published' },
    });
    expect((await search('q=quokka')).total).toBe(1);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/cases/${created.json().id}`,
      headers: author.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await search('q=quokka')).total).toBe(0);
  });
});

describe('downloads', () => {
  it('export the published cases matching the filters, never a draft', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: author.headers,
      payload: { ...valid, title: 'Unpublished armadillo plan' },
    });
    const csv = await t.app.inject({ method: 'GET', url: '/api/cases/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).not.toContain('armadillo');
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toMatch(/^id,/);
    const json = await t.app.inject({
      method: 'GET',
      url: '/api/cases/export?format=json&sector=07',
    });
    const doc = json.json() as { cases: { title: string; sector: string }[] };
    expect(json.body).not.toContain('armadillo');
    expect(doc.cases.length).toBe((await search('sector=07')).total);
    expect(doc.cases.every((c) => c.sector === '07')).toBe(true);
    const codebook = await t.app.inject({ method: 'GET', url: '/api/cases/codebook' });
    expect(codebook.body).toContain('Drijfveer');
  });
});

describe('coding drivers and barriers', () => {
  it('records codes per coder, refuses a second code of the same factor, and computes kappa', async () => {
    const ids = (await search('q=chatbot&limit=3')).items.map((h) => h.id);
    const code = (agent: Agent, id: string, factor: string, direction: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/codes`,
        headers: agent.headers,
        payload: { factor, direction, evidence: 'From the narrative.' },
      });
    // Ada and Stan agree on two factors in three cases and disagree on one.
    for (const id of ids) {
      expect((await code(author, id, 'org.leadership', 'driver')).statusCode).toBe(201);
      expect((await code(stranger, id, 'org.leadership', 'driver')).statusCode).toBe(201);
      expect((await code(author, id, 'env.regulation', 'barrier')).statusCode).toBe(201);
      expect((await code(stranger, id, 'env.regulation', 'barrier')).statusCode).toBe(201);
    }
    expect((await code(author, ids[0]!, 'inn.trialability', 'driver')).statusCode).toBe(201);
    const twice = await code(author, ids[0]!, 'inn.trialability', 'barrier');
    expect(twice.statusCode).toBe(409);
    expect((await code(author, ids[0]!, 'not.a.factor', 'driver')).statusCode).toBe(400);

    const agreement = await t.app.inject({
      method: 'GET',
      url: `/api/cases/agreement?coderA=${author.id}&coderB=${stranger.id}`,
    });
    expect(agreement.statusCode).toBe(200);
    const a = agreement.json();
    expect(a.cases).toHaveLength(3);
    expect(a.units).toBe(3 * 30);
    // A: 3 drivers + 1 extra driver, 3 barriers; B: 3 drivers, 3 barriers; the rest none.
    expect(a.matrix).toEqual([
      [3, 0, 1],
      [0, 3, 0],
      [0, 0, 83],
    ]);
    const n = 90;
    const po = 89 / n;
    const pe = (4 * 3 + 3 * 3 + 83 * 84) / (n * n);
    expect(a.kappa).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(a.disagreements).toEqual([{ factor: 'inn.trialability', count: 1 }]);

    const coded = await search('coded=yes');
    expect(coded.total).toBe(3);
    expect(facetMap(coded, 'coded')).toMatchObject({ yes: 3 });

    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${ids[0]}` });
    const mine = detail
      .json()
      .codes.find((c: { factor: string }) => c.factor === 'inn.trialability');
    expect(mine.coderName).toBe('Ada Author');
    const byOther = await t.app.inject({
      method: 'DELETE',
      url: `/api/cases/${ids[0]}/codes/${mine.id}`,
      headers: stranger.headers,
    });
    expect(byOther.statusCode).toBe(403);
    const byCoder = await t.app.inject({
      method: 'DELETE',
      url: `/api/cases/${ids[0]}/codes/${mine.id}`,
      headers: author.headers,
    });
    expect(byCoder.statusCode).toBe(204);
  });

  it('compares traditions by their driver and barrier counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/compare?q=chatbot' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    const total = c.traditionFactor.reduce(
      (s: number, x: { drivers: number; barriers: number }) => s + x.drivers + x.barriers,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(12);
    expect(
      c.byCountry.reduce((s: number, x: { count: number }) => s + x.count, 0),
    ).toBeGreaterThanOrEqual(c.total);
  });

  it('suggests similar cases that share words, never the case itself', async () => {
    const first = (await search('q=chatbot&limit=1')).items[0]!;
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${first.id}/similar` });
    const items = res.json().items as { id: string; title: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.id)).not.toContain(first.id);
    expect(items[0]!.title).toMatch(/chatbot|residents/i);
  });
});
