import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import { CaseCreate } from '../../../shared/cases.ts';
import type { Adoption, AdoptionSuggestion, DiffusionView } from '../../../shared/diffusion.ts';
import { insertCase } from '../../commands/case-store.ts';

let t: TestApp;
let dutch: Agent;
let belgian: Agent;
let stranger: Agent;
let gemeente: { id: string };
let stad: { id: string };
let ziekenhuis: { id: string };
let chatbot: string;
let pilot: string;
let draft: string;

beforeAll(async () => {
  t = await makeApp();
  dutch = await signUp(t.app, { name: 'Daan Dutch' });
  belgian = await signUp(t.app, { name: 'Bea Belgian' });
  stranger = await signUp(t.app, { name: 'Stan Stranger' });
  gemeente = await makeOrganisation(t.app, dutch, { name: 'Gemeente Eenstad', sector: '07' });
  stad = await makeOrganisation(t.app, belgian, {
    name: 'Stad Tweestad',
    country: 'BE',
    sector: '07',
  });
  ziekenhuis = await makeOrganisation(t.app, belgian, {
    name: 'Gemeente Driestad',
    country: 'NL',
    sector: '07',
  });
  const made = await t.database.db.transaction(async (tx) => {
    const make = (title: string, over: Record<string, unknown>) =>
      insertCase(
        tx,
        CaseCreate.parse({ title, summary: `${title}.`, status: 'published', ...over }),
      );
    const chatbot = await make('Municipal chatbot', {
      countries: ['BE'],
      yearLaunched: 2016,
      tags: ['chatbot'],
      partners: [{ name: 'Stad Tweestad', role: 'lead', organisationId: stad.id }],
    });
    const later = await make('Regional chatbot', {
      countries: ['DE'],
      yearLaunched: 2018,
      tags: ['chatbot'],
      partners: [{ name: 'Landkreis Vierstadt', role: 'lead', organisationId: null }],
    });
    const pilot = await make('Health pilot', { countries: ['NL'], yearLaunched: 2019 });
    const draft = await insertCase(
      tx,
      CaseCreate.parse({
        title: 'Secret chatbot',
        summary: 'Draft.',
        countries: ['FR'],
        yearLaunched: 2015,
        tags: ['chatbot'],
        // Led by an organisation like Driestad: it would be suggested if drafts counted.
        partners: [{ name: 'Stad Tweestad', role: 'lead', organisationId: stad.id }],
      }),
    );
    return { chatbot: chatbot.id, later: later.id, pilot: pilot.id, draft: draft.id };
  });
  chatbot = made.chatbot;
  pilot = made.pilot;
  draft = made.draft;
}, 120_000);

afterAll(async () => {
  await t.close();
});

const adopt = (who: Agent | null, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/adoptions',
    ...(who ? { headers: who.headers } : {}),
    payload: { mechanism: 'learning', ...payload },
  });

describe('adoption records', () => {
  it('records what an organisation adopted, from whom, and lists it', async () => {
    const res = await adopt(dutch, {
      organisationId: gemeente.id,
      caseId: chatbot,
      adoptedOn: '2019-04-01',
      sourceOrganisationId: stad.id,
      adaptations: 'Dutch language model.',
      relativeAdvantage: 4,
      complexity: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json() as Adoption;
    expect(saved).toMatchObject({
      organisation: { id: gemeente.id, name: 'Gemeente Eenstad', country: 'NL' },
      caseId: chatbot,
      caseTitle: 'Municipal chatbot',
      adoptedOn: '2019-04-01',
      sourceOrganisation: { id: stad.id, country: 'BE' },
      mechanism: 'learning',
      relativeAdvantage: 4,
      compatibility: null,
      canDelete: true,
    });
    const list = await t.app.inject({ url: `/api/adoptions?case=${chatbot}` });
    expect((list.json() as { items: Adoption[] }).items.map((a) => a.id)).toEqual([saved.id]);
  });

  it('refuses a second record, an impossible date and a non-member, and changes nothing', async () => {
    const counts = await rowCounts(t.database);
    const duplicate = await adopt(dutch, {
      organisationId: gemeente.id,
      caseId: chatbot,
      adoptedOn: '2020-01-01',
    });
    expect(duplicate.statusCode).toBe(409);
    for (const [payload, path] of [
      [{ organisationId: gemeente.id, caseId: pilot, adoptedOn: '2012-01-01' }, 'adoptedOn'],
      [{ organisationId: gemeente.id, caseId: pilot, adoptedOn: '2999-01-01' }, 'adoptedOn'],
      [{ organisationId: gemeente.id, caseId: pilot, adoptedOn: '2020-02-30' }, 'adoptedOn'],
      [{ organisationId: gemeente.id, caseId: draft, adoptedOn: '2020-01-01' }, 'caseId'],
      [{ organisationId: gemeente.id, tag: 'teleporter', adoptedOn: '2020-01-01' }, 'tag'],
      [
        { organisationId: gemeente.id, caseId: pilot, tag: 'chatbot', adoptedOn: '2020-01-01' },
        'caseId',
      ],
      [
        {
          organisationId: gemeente.id,
          caseId: pilot,
          adoptedOn: '2020-01-01',
          sourceOrganisationId: gemeente.id,
        },
        'sourceOrganisationId',
      ],
      [
        { organisationId: gemeente.id, caseId: pilot, adoptedOn: '2020-01-01', trialability: 6 },
        'trialability',
      ],
    ] as const) {
      const res = await adopt(dutch, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const body = res.json() as { error: { details: { path: string }[] } };
      expect(body.error.details.map((d) => d.path)).toContain(path);
    }
    const outsider = await adopt(stranger, {
      organisationId: gemeente.id,
      caseId: pilot,
      adoptedOn: '2020-01-01',
    });
    expect(outsider.statusCode).toBe(403);
    expect(
      (await adopt(null, { organisationId: gemeente.id, caseId: pilot, adoptedOn: '2020-01-01' }))
        .statusCode,
    ).toBe(401);
    expect(await rowCounts(t.database)).toEqual(counts);
  });

  it('lets members remove their organisation’s record, and no one else', async () => {
    const res = await adopt(belgian, {
      organisationId: ziekenhuis.id,
      caseId: pilot,
      adoptedOn: '2020-06-01',
    });
    const id = (res.json() as Adoption).id;
    const del = (who: Agent) =>
      t.app.inject({ method: 'DELETE', url: `/api/adoptions/${id}`, headers: who.headers });
    expect((await del(dutch)).statusCode).toBe(403);
    expect((await del(belgian)).statusCode).toBe(204);
    expect((await del(belgian)).statusCode).toBe(404);
  });
});

describe('the diffusion view', () => {
  it('dates each country’s first adoption from cases and records, and fits what it can', async () => {
    const res = await t.app.inject({ url: '/api/diffusion?tag=chatbot' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as DiffusionView;
    // BE 2016 (case), DE 2018 (case), NL 2019 (record); the French draft never counts.
    expect(v.countries).toEqual([
      { country: 'BE', year: 2016 },
      { country: 'DE', year: 2018 },
      { country: 'NL', year: 2019 },
    ]);
    expect(v.curve).toEqual([
      { year: 2016, adopters: 1, cumulative: 1 },
      { year: 2017, adopters: 0, cumulative: 1 },
      { year: 2018, adopters: 1, cumulative: 2 },
      { year: 2019, adopters: 1, cumulative: 3 },
    ]);
    expect(v.adopters.find((a) => a.id === 'NL')).toMatchObject({
      via: 'adoption',
      tradition: 'germanic',
    });
    expect(v.countryFlows).toEqual([{ from: 'BE', to: 'NL', count: 1 }]);
    expect(v.traditionFlows).toEqual([{ from: 'napoleonic', to: 'germanic', count: 1 }]);
    expect(JSON.stringify(v)).not.toContain('Secret');
  });

  it('counts organisations when asked: case leads and recording organisations', async () => {
    const v = (
      await t.app.inject({ url: '/api/diffusion?tag=chatbot&unit=organisation' })
    ).json() as DiffusionView;
    expect(v.adopters.map((a) => [a.label, a.year, a.via])).toEqual([
      ['Stad Tweestad', 2016, 'case'],
      ['Landkreis Vierstadt', 2018, 'case'],
      ['Gemeente Eenstad', 2019, 'adoption'],
    ]);
  });

  it('answers 404 for a case that is not published and 400 for two innovations at once', async () => {
    expect((await t.app.inject({ url: `/api/diffusion?case=${draft}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/diffusion?case=${pilot}&tag=chatbot` })).statusCode,
    ).toBe(400);
  });
});

describe('adoption suggestions', () => {
  it('suggests what similar organisations adopted, with the reasons, and not what it adopted', async () => {
    const forDriestad = (
      (
        await t.app.inject({ url: `/api/diffusion/suggestions?organisation=${ziekenhuis.id}` })
      ).json() as {
        items: AdoptionSuggestion[];
      }
    ).items;
    const chat = forDriestad.find((s) => s.caseId === chatbot)!;
    expect(chat.adopters.map((a) => a.name).sort()).toEqual(['Gemeente Eenstad', 'Stad Tweestad']);
    expect(chat.adopters.find((a) => a.name === 'Gemeente Eenstad')!.reasons).toEqual([
      'sector',
      'level',
      'tradition',
    ]);
    expect(forDriestad.map((s) => s.caseId)).not.toContain(draft);
    expect(JSON.stringify(forDriestad)).not.toContain('Secret');
    const forEenstad = (
      (
        await t.app.inject({ url: `/api/diffusion/suggestions?organisation=${gemeente.id}` })
      ).json() as {
        items: AdoptionSuggestion[];
      }
    ).items;
    expect(forEenstad.map((s) => s.caseId)).not.toContain(chatbot);
    expect(JSON.stringify(forEenstad)).not.toContain('Secret');
  });
});
