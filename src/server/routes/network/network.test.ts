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
import { CaseCreate } from '../../../shared/cases.ts';
import type { NetworkView } from '../../../shared/network.ts';
import { insertCase, insertCode } from '../../commands/case-store.ts';
import { adoptions } from '../../db/schema/index.ts';

let t: TestApp;
let owner: Agent;
let colleague: Agent;
let author: Agent;
let stranger: Agent;
let moderator: Agent;
let coderA: Agent;
let coderB: Agent;
let city: { id: string; name: string };
let university: { id: string; name: string };
let draftId: string;

const partner = (name: string, role = 'partner', organisationId: string | null = null) => ({
  name,
  role,
  organisationId,
});

beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Olga Owner' });
  colleague = await signUp(t.app, { name: 'Cees Colleague' });
  author = await signUp(t.app, { name: 'Ada Author' });
  stranger = await signUp(t.app, { name: 'Stan Stranger' });
  moderator = await signUp(t.app, { name: 'Mo Moderator' });
  coderA = await signUp(t.app, { name: 'Rita Coder' });
  coderB = await signUp(t.app, { name: 'Ron Coder' });
  await setPlatformRole(t.database, moderator.id, 'moderator');
  city = await makeOrganisation(t.app, owner, {
    name: 'Gemeente Testdam',
    country: 'NL',
    sector: '01',
  });
  university = await makeOrganisation(t.app, colleague, {
    name: 'Universiteit Testdam',
    kind: 'academic',
    level: null,
    country: 'NL',
    sector: '09',
  });
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/organisations/${city.id}/members`,
    headers: owner.headers,
    payload: { email: colleague.email, role: 'member' },
  });
  expect(added.statusCode, added.body).toBeLessThan(300);

  await t.database.db.transaction(async (tx) => {
    const one = await insertCase(
      tx,
      CaseCreate.parse({
        title: 'Neighbourhood company',
        summary: 'Residents run a company.',
        status: 'published',
        countries: ['NL'],
        sector: '01',
        yearLaunched: 2015,
        partners: [
          partner('Gemeente Testdam', 'facilitator', city.id),
          partner('Universiteit Testdam', 'partner', university.id),
          partner("Residents' cooperative", 'lead'),
        ],
      }),
    );
    await insertCase(
      tx,
      CaseCreate.parse({
        title: 'Cross-border health data',
        summary: 'Hospitals share data.',
        status: 'published',
        countries: ['BE', 'NL'],
        sector: '07',
        yearLaunched: 2019,
        partners: [
          partner('Gemeente Testdam', 'partner', city.id),
          partner('Hôpital de Liège', 'lead'),
        ],
      }),
    );
    for (const coder of [coderA, coderB])
      await insertCode(tx, one.id, {
        factor: 'org.leadership',
        direction: 'driver',
        evidence: '',
        coderId: coder.id,
        coderName: coder.name,
      });
  });
  // A draft by the author: its tie (city – secret partner) is theirs and moderators' only.
  const draft = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: author.headers,
    payload: {
      title: 'Secret pilot',
      summary: 'Not yet public.',
      countries: ['DE'],
      partners: [partner('Gemeente Testdam', 'partner', city.id), partner('Geheime Partner GmbH')],
    },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  draftId = (draft.json() as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await t.close();
});

async function network(query: string, who?: Agent): Promise<NetworkView> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/network${query}`,
    ...(who ? { headers: who.headers } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as NetworkView;
}

const tie = (v: NetworkView, a: string, b: string) =>
  v.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

describe('GET /api/network', () => {
  it('ties organisations that partnered in a published case, named partners included', async () => {
    const v = await network('');
    expect(v.mode).toBe('organisations');
    const ids = v.nodes.map((n) => n.id);
    expect(ids).toContain(`o:${city.id}`);
    expect(ids).toContain("p:residents' cooperative");
    expect(ids).toContain('p:hôpital de liège');
    expect(tie(v, `o:${city.id}`, `o:${university.id}`)).toMatchObject({
      weight: 1,
      kinds: ['case'],
    });
    const cityNode = v.nodes.find((n) => n.id === `o:${city.id}`)!;
    expect(cityNode).toMatchObject({
      label: 'Gemeente Testdam',
      kind: 'public_body',
      href: `/organisations/${city.id}`,
      country: 'NL',
      degree: 3,
    });
    // The city is the only path between the Belgian hospital and the rest.
    expect(cityNode.betweenness).toBeGreaterThan(0);
    // A named partner's country comes from its single-country cases: the hospital has none.
    expect(v.nodes.find((n) => n.id === 'p:hôpital de liège')).toMatchObject({
      kind: 'partner',
      country: null,
      sector: '07',
    });
    expect(v.nodes.find((n) => n.id === "p:residents' cooperative")?.country).toBe('NL');
    expect(v.summary).toMatchObject({ nodes: 4, edges: 4, components: 1 });
    // Ties to a node without a country are not counted as internal or external.
    expect(v.summary.eiCountry).toMatchObject({ external: 0, internal: 3, index: -1 });
  });

  it('keeps a draft’s ties out for everyone but those who may edit it', async () => {
    for (const who of [undefined, stranger, colleague]) {
      const v = await network('', who);
      expect(v.nodes.map((n) => n.id)).not.toContain('p:geheime partner gmbh');
      expect(JSON.stringify(v)).not.toContain('Geheime');
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/network/export?format=graphml',
        ...(who ? { headers: who.headers } : {}),
      });
      expect(res.body).not.toContain('Geheime');
    }
    for (const who of [author, moderator]) {
      const v = await network('', who);
      expect(tie(v, `o:${city.id}`, 'p:geheime partner gmbh')).toBeDefined();
    }
    // Countries and people do not betray it either.
    const countries = await network('?nodes=countries', stranger);
    expect(countries.nodes.map((n) => n.id)).not.toContain('c:DE');
    expect(draftId).toBeTruthy();
  });

  it('ties people who coded the same case, work for partners in one case, or share an organisation', async () => {
    const v = await network('?nodes=people');
    expect(tie(v, `u:${coderA.id}`, `u:${coderB.id}`)?.kinds).toEqual(['coding']);
    // Owner (city) and colleague (city and university): the same organisation and the same case.
    expect(tie(v, `u:${owner.id}`, `u:${colleague.id}`)?.kinds.sort()).toEqual([
      'case',
      'membership',
    ]);
    const only = await network('?nodes=people&tie=coding');
    expect(only.edges).toHaveLength(1);
    expect(only.tieKinds).toEqual(['coding']);
    const ann = v.nodes.find((n) => n.id === `u:${owner.id}`)!;
    expect(ann).toMatchObject({ label: 'Olga Owner', kind: 'person', country: 'NL' });
    expect(JSON.stringify(v)).not.toContain('@example.org');
  });

  it('ties an adopter to the organisation it learned from', async () => {
    const [hospital] = (
      (await t.app.inject({ url: '/api/cases?q=health' })).json() as { items: { id: string }[] }
    ).items;
    expect(hospital).toBeDefined();
    await t.database.db.insert(adoptions).values({
      organisationId: university.id,
      caseId: hospital!.id,
      adoptedOn: '2021-01-01',
      sourceOrganisationId: city.id,
      mechanism: 'learning',
    });
    const v = await network('');
    expect(tie(v, `o:${city.id}`, `o:${university.id}`)?.kinds.sort()).toEqual([
      'adoption',
      'case',
    ]);
    const onlyAdoption = await network('?tie=adoption');
    expect(onlyAdoption.edges).toHaveLength(1);
    expect(onlyAdoption.nodes).toHaveLength(2);
    expect((await network('?tie=adoption&yearTo=2020')).edges).toHaveLength(0);
  });

  it('ties countries covered by the same case', async () => {
    const v = await network('?nodes=countries');
    expect(v.nodes.map((n) => n.id).sort()).toEqual(['c:BE', 'c:NL']);
    expect(tie(v, 'c:BE', 'c:NL')).toMatchObject({ weight: 1 });
    expect(v.summary.eiCountry.index).toBe(1);
  });

  it('filters by time window, country and sector', async () => {
    const early = await network('?yearTo=2016');
    expect(early.nodes.map((n) => n.id)).not.toContain('p:hôpital de liège');
    const belgian = await network('?country=BE&tie=case');
    expect(belgian.nodes.map((n) => n.id).sort()).toEqual([`o:${city.id}`, 'p:hôpital de liège']);
    const health = await network('?sector=07&sector=01&group=sector');
    expect(health.summary.nodes).toBe(4);
    expect(health.group).toBe('sector');
  });

  it('answers the same question from its cache until the data changes', async () => {
    await network('?nodes=countries&group=sector');
    const before = t.app.network.computations;
    const again = await network('?group=sector&nodes=countries');
    expect(t.app.network.computations).toBe(before);
    await t.database.db.transaction(async (tx) => {
      await insertCase(
        tx,
        CaseCreate.parse({
          title: 'Nordic exchange',
          summary: 'Two countries.',
          status: 'published',
          countries: ['DK', 'SE'],
        }),
      );
    });
    const after = await network('?nodes=countries&group=sector');
    expect(t.app.network.computations).toBe(before + 1);
    expect(after.version).not.toBe(again.version);
    expect(tie(after, 'c:DK', 'c:SE')).toBeDefined();
  });

  it('refuses bad filters with the field and the reason, and changes nothing', async () => {
    const counts = await rowCounts(t.database);
    for (const [query, path] of [
      ['?yearFrom=2020&yearTo=2010', 'yearTo'],
      ['?nodes=organisations&tie=coding', 'tie.0'],
      ['?nodes=planets', 'nodes'],
      ['?country=XX', 'country.0'],
      ['?group=colour', 'group'],
      ['?colour=red', ''],
      ['/export?format=pdf', 'format'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/network${query}` });
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { error: { details?: { path: string }[] } };
      if (path) expect(body.error.details?.map((d) => d.path)).toContain(path);
    }
    expect(await rowCounts(t.database)).toEqual(counts);
  });
});

describe('GET /api/network/export', () => {
  it('downloads GraphML, GEXF and CSV with the same nodes', async () => {
    for (const [format, type, marker] of [
      ['graphml', 'application/graphml+xml', '<graphml'],
      ['gexf', 'application/gexf+xml', '<gexf'],
      ['csv', 'text/csv', 'id,'],
      ['csv-ties', 'text/csv', 'source,target'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/network/export?format=${format}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="connective-/);
      expect(res.body).toContain(marker);
      if (format !== 'csv-ties') expect(res.body).toContain('Gemeente Testdam');
    }
  });
});
