import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  succeed,
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import {
  PLEDGE_STATUSES,
  PLEDGE_TRANSITIONS,
  type CapacityProfile,
  type ExchangeItem,
  type ExchangeList,
  type InitiativeLedger,
  type MatchList,
  type Pledge,
  type PledgeStatus,
} from '../../../shared/exchange.ts';
import type { Initiative } from '../../../shared/initiatives.ts';
import type { NotificationList } from '../../../shared/notifications.ts';
import { ExchangeMatcher } from '../../exchange/matcher.ts';
import { visibleItemRow } from '../../commands/exchange.ts';
import { rows } from '../../db/rows.ts';
import { exchangePledgeEvents, exchangePledges } from '../../db/schema/index.ts';

let t: TestApp;
let neighbour: Agent; // runs the neighbourhood company (a community group)
let accountant: Agent; // works at a bookkeeping firm (a company)
let civil: Agent; // works at the council (a public body)
let professor: Agent; // at a Belgian university
let stranger: Agent;
let community: { id: string; name: string };
let firm: { id: string; name: string };
let council: { id: string; name: string };
let university: { id: string; name: string };

beforeAll(async () => {
  t = await makeApp();
  neighbour = await signUp(t.app, { name: 'Nadia Neighbour' });
  accountant = await signUp(t.app, { name: 'Arjen Accountant' });
  civil = await signUp(t.app, { name: 'Cees Council' });
  professor = await signUp(t.app, { name: 'Paula Professor' });
  stranger = await signUp(t.app, { name: 'Stijn Stranger' });
  community = await makeOrganisation(t.app, neighbour, {
    name: 'Buurtbedrijf Oost',
    kind: 'community_group',
    level: null,
  });
  firm = await makeOrganisation(t.app, accountant, {
    name: 'Telwerk Boekhouders',
    kind: 'company',
    level: null,
  });
  council = await makeOrganisation(t.app, civil, { name: 'Gemeente Oost', kind: 'public_body' });
  university = await makeOrganisation(t.app, professor, {
    name: 'Université de Liège',
    kind: 'academic',
    country: 'BE',
    level: null,
  });
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);
const ok = <T>(...args: Parameters<typeof call>) => succeed<T>(t.app, ...args);

const item = (who: Agent, body: Record<string, unknown>) =>
  ok<ExchangeItem>(who, 'POST', '/api/exchange/items', { country: 'NL', ...body });

const bookkeeperRequest = (over: Record<string, unknown> = {}) =>
  item(neighbour, {
    side: 'request',
    kind: 'expertise',
    title: 'A bookkeeper for our neighbourhood company',
    description: 'Bookkeeping and annual accounts for a small neighbourhood company.',
    hoursPerWeek: 4,
    durationWeeks: 26,
    organisationId: community.id,
    ...over,
  });

describe('offers and requests', () => {
  it('refuses bad input with the field, and stores nothing', async () => {
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ side: 'offer', kind: 'money', title: 'Money for good ideas' }, 'amount'],
      [{ side: 'offer', kind: 'money', title: 'Money for good ideas', amount: 500 }, 'currency'],
      [{ side: 'offer', kind: 'expertise', title: 'Tax advice', hoursPerWeek: -2 }, 'hoursPerWeek'],
      [
        {
          side: 'offer',
          kind: 'space',
          title: 'A meeting room',
          availableFrom: '2027-03-01',
          availableUntil: '2027-02-01',
        },
        'availableUntil',
      ],
      [{ side: 'offer', kind: 'knowledge', title: 'Evaluation know-how', amount: 5 }, 'amount'],
      [
        { side: 'offer', kind: 'knowledge', title: 'Evaluation', visibility: 'organisation' },
        'organisationId',
      ],
      [{ side: 'offer', kind: 'dreams', title: 'Dreams of the future' }, 'kind'],
      [
        { side: 'offer', kind: 'knowledge', title: 'Our organisation', organisationId: firm.id },
        'organisationId',
      ],
    ] as const) {
      const res = await call(neighbour, 'POST', '/api/exchange/items', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    const made = await item(accountant, {
      side: 'offer',
      kind: 'money',
      title: 'A small fund',
      amount: 1000,
      currency: 'eur',
    });
    expect(made).toMatchObject({ amount: 1000, currency: 'EUR', mine: true });
    const later = await rowCounts(t.database);
    const bad = await call(accountant, 'PATCH', `/api/exchange/items/${made.id}`, { amount: null });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('amount');
    expect(await rowCounts(t.database)).toEqual(later);
    expect(before.exchange_items).toBe(later.exchange_items! - 1);
    expect(
      (await call(stranger, 'PATCH', `/api/exchange/items/${made.id}`, { amount: 5 })).statusCode,
    ).toBe(403);
  });

  it('lets everyone in the organisation act for its items, and only them', async () => {
    const colleague = await signUp(t.app, { name: 'Cor Colleague' });
    await ok(civil, 'POST', `/api/organisations/${council.id}/members`, {
      email: colleague.email,
      role: 'member',
    });
    const room = await item(civil, {
      side: 'offer',
      kind: 'space',
      title: 'The old school building, ground floor',
      capacity: 40,
      organisationId: council.id,
    });
    const seen = await ok<ExchangeItem>(colleague, 'GET', `/api/exchange/items/${room.id}`);
    expect(seen).toMatchObject({
      mine: true,
      organisation: { name: 'Gemeente Oost' },
      person: null,
    });
    await ok(colleague, 'POST', `/api/exchange/items/${room.id}/status`, { status: 'closed' });
    expect((await ok<ExchangeItem>(null, 'GET', `/api/exchange/items/${room.id}`)).status).toBe(
      'closed',
    );
  });
});

describe('matching', () => {
  it('ranks offers for a request with an explanation, and leaves out what cannot serve', async () => {
    const request = await bookkeeperRequest();
    const probono = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Pro-bono bookkeeping for neighbourhood companies',
      description: 'Our bookkeepers do the accounts of small community companies.',
      hoursPerWeek: 4,
      durationWeeks: 52,
      organisationId: firm.id,
    });
    const lecture = await item(professor, {
      side: 'offer',
      kind: 'knowledge',
      title: 'Lectures on accounting for non-profits',
      description: 'Bookkeeping basics for volunteers.',
      country: 'BE',
      organisationId: university.id,
    });
    const money = await item(civil, {
      side: 'offer',
      kind: 'money',
      title: 'Subsidy for neighbourhood bookkeeping',
      amount: 2000,
      currency: 'EUR',
      organisationId: council.id,
    });
    const expired = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Bookkeeping for neighbourhood companies last year',
      description: 'Bookkeeping and accounts for small neighbourhood companies.',
      availableFrom: '2020-01-01',
      availableUntil: '2020-12-31',
    });
    const withdrawn = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Bookkeeping for neighbourhood companies (withdrawn)',
      description: 'Bookkeeping and accounts for small neighbourhood companies.',
    });
    await ok(accountant, 'POST', `/api/exchange/items/${withdrawn.id}/status`, {
      status: 'withdrawn',
    });

    const { matches } = await ok<MatchList>(
      null,
      'GET',
      `/api/exchange/items/${request.id}/matches`,
    );
    const ids = matches.map((m) => m.item.id);
    expect(ids[0]).toBe(probono.id);
    expect(ids).toContain(lecture.id);
    expect(ids).not.toContain(money.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(withdrawn.id);
    const best = matches[0]!;
    expect(best.parts.map((p) => p.part).sort()).toEqual(
      ['availability', 'bridge', 'capacity', 'geography', 'kind', 'text'].sort(),
    );
    expect(best.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(best.score, 3);
    expect(best.parts.find((p) => p.part === 'kind')!.reason.code).toBe('same_kind');
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    // And the other way round: for the offer, the request is a match.
    const back = await ok<MatchList>(null, 'GET', `/api/exchange/items/${probono.id}/matches`);
    expect(back.matches.map((m) => m.item.id)).toContain(request.id);
  });

  it('never shows an organisation-only offer to outsiders, in matches, lists or by address', async () => {
    const request = await bookkeeperRequest({ title: 'Bookkeeping help for the repair café' });
    const internal = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Internal: bookkeeping hours for the repair café',
      description: 'Bookkeeping for the repair café, for colleagues only.',
      visibility: 'organisation',
      organisationId: firm.id,
    });
    for (const who of [null, neighbour, stranger, civil]) {
      const { matches } = await ok<MatchList>(
        who,
        'GET',
        `/api/exchange/items/${request.id}/matches?limit=50`,
      );
      expect(matches.map((m) => m.item.id)).not.toContain(internal.id);
      const list = await ok<ExchangeList>(who, 'GET', '/api/exchange/items?q=internal');
      expect(list.items.map((i) => i.id)).not.toContain(internal.id);
      expect(list.total).toBe(0);
      expect((await call(who, 'GET', `/api/exchange/items/${internal.id}`)).statusCode).toBe(404);
      expect(
        (await call(who, 'GET', `/api/exchange/items/${internal.id}/matches`)).statusCode,
      ).toBe(404);
    }
    const own = await ok<MatchList>(
      accountant,
      'GET',
      `/api/exchange/items/${request.id}/matches?limit=50`,
    );
    expect(own.matches.map((m) => m.item.id)).toContain(internal.id);
  });

  it('stops showing an organisation-only offer to someone who leaves the organisation', async () => {
    const leaver = await signUp(t.app, { name: 'Lotte Leaver' });
    await ok(accountant, 'POST', `/api/organisations/${firm.id}/members`, {
      email: leaver.email,
      role: 'member',
    });
    const request = await bookkeeperRequest({ title: 'Tax returns for the neighbourhood company' });
    const internal = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Internal: tax returns for neighbourhood companies',
      visibility: 'organisation',
      organisationId: firm.id,
    });
    const seen = async () => {
      const m = await ok<MatchList>(leaver, 'GET', `/api/exchange/items/${request.id}/matches`);
      const l = await ok<ExchangeList>(leaver, 'GET', '/api/exchange/items?q=tax');
      return [
        m.matches.some((x) => x.item.id === internal.id),
        l.items.some((x) => x.id === internal.id),
      ];
    };
    // Asked twice, so the second answer could come from a server's cache.
    expect(await seen()).toEqual([true, true]);
    expect(await seen()).toEqual([true, true]);
    await ok(accountant, 'DELETE', `/api/organisations/${firm.id}/members/${leaver.id}`);
    expect(await seen()).toEqual([false, false]);
  });

  it('keeps a second server current with what the first wrote, changed and removed', async () => {
    const other = new ExchangeMatcher({ notifyThreshold: 0.6 });
    const request = await bookkeeperRequest({ title: 'Payroll administration for our team' });
    const row = await visibleItemRow(t.database.db, null, request.id);
    const offerIds = async () => {
      const [r] = await rows<{ revision: string }>(
        t.database.db,
        sql`select revision from exchange_revision`,
      );
      return (await other.topMatches(t.database.db, row, null, Number(r!.revision), 50)).map(
        (m) => m.id,
      );
    };
    const payroll = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Payroll administration, pro bono',
      description: 'Payroll and administration.',
    });
    expect(await offerIds()).toContain(payroll.id);
    await ok(accountant, 'POST', `/api/exchange/items/${payroll.id}/status`, {
      status: 'withdrawn',
    });
    expect(await offerIds()).not.toContain(payroll.id);
    await ok(accountant, 'POST', `/api/exchange/items/${payroll.id}/status`, { status: 'open' });
    expect(await offerIds()).toContain(payroll.id);
    // Deleted with its organisation: gone from the second server too.
    const temp = await makeOrganisation(t.app, accountant, {
      name: 'Tijdelijk BV',
      kind: 'company',
      level: null,
    });
    const doomed = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Payroll administration for a while',
      organisationId: temp.id,
    });
    expect(await offerIds()).toContain(doomed.id);
    await t.database.db.execute(sql`delete from organisations where id = ${temp.id}`);
    expect(await offerIds()).not.toContain(doomed.id);
  });

  it('tells the owner of a request when a strong new offer appears, only if they may see it', async () => {
    await bookkeeperRequest({
      title: 'Volunteer gardeners for the community garden',
      kind: 'people',
      description: 'Gardeners to keep the community garden green, weekly.',
    });
    const inbox = async () =>
      (await ok<NotificationList>(neighbour, 'GET', '/api/me/notifications')).items.filter((n) =>
        n.text.includes('gardeners'),
      );
    expect(await inbox()).toHaveLength(0);
    await item(civil, {
      side: 'offer',
      kind: 'people',
      title: 'Council gardeners for a community garden, hidden',
      description: 'Gardeners to keep a community garden green, weekly.',
      visibility: 'organisation',
      organisationId: council.id,
      hoursPerWeek: 4,
      durationWeeks: 26,
    });
    expect(await inbox()).toHaveLength(0);
    await item(civil, {
      side: 'offer',
      kind: 'people',
      title: 'Volunteer gardeners for a community garden',
      description: 'Gardeners to keep a community garden green, weekly.',
      hoursPerWeek: 4,
      durationWeeks: 26,
    });
    const got = await inbox();
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toMatch(
      /A new offer “Volunteer gardeners for a community garden” matches your request/,
    );
  });
});

describe('pledges', () => {
  async function pair() {
    const request = await bookkeeperRequest({ title: 'Bookkeeping for the bicycle workshop' });
    const offer = await item(accountant, {
      side: 'offer',
      kind: 'expertise',
      title: 'Bookkeeping hours for community workshops',
      organisationId: firm.id,
    });
    return { request, offer };
  }

  it('checks the quantity against the kind, and who may propose', async () => {
    const { request, offer } = await pair();
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ offerId: offer.id, requestId: request.id }, 'hours'],
      [{ offerId: offer.id, requestId: request.id, hours: 10, days: 2 }, 'days'],
      [{ offerId: offer.id, requestId: request.id, hours: -3 }, 'hours'],
      [{ offerId: offer.id, requestId: request.id, hours: 3, amount: 5 }, 'currency'],
      [{}, 'requestId'],
    ] as const) {
      const res = await call(accountant, 'POST', '/api/exchange/pledges', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    const outsider = await call(stranger, 'POST', '/api/exchange/pledges', {
      offerId: offer.id,
      requestId: request.id,
      hours: 10,
    });
    expect(outsider.statusCode).toBe(403);
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('moves only along the allowed transitions, by the right party, and changes nothing otherwise', async () => {
    const statuses = PLEDGE_STATUSES.values;
    // Reach each status by the allowed path, then try every target from there.
    const paths: Record<PledgeStatus, [Agent, PledgeStatus][]> = {
      proposed: [],
      accepted: [[neighbour, 'accepted']],
      delivered: [
        [neighbour, 'accepted'],
        [accountant, 'delivered'],
      ],
      confirmed: [
        [neighbour, 'accepted'],
        [accountant, 'delivered'],
        [neighbour, 'confirmed'],
      ],
      declined: [[neighbour, 'declined']],
      cancelled: [[accountant, 'cancelled']],
    };
    for (const from of statuses) {
      for (const to of statuses) {
        const { request, offer } = await pair();
        const made = await ok<Pledge>(accountant, 'POST', '/api/exchange/pledges', {
          offerId: offer.id,
          requestId: request.id,
          hours: 16,
        });
        expect(made.proposedBy).toBe('giver');
        for (const [who, status] of paths[from])
          await ok(who, 'POST', `/api/exchange/pledges/${made.id}/status`, { status });
        const before = await rowCounts(t.database);
        const allowed = to in PLEDGE_TRANSITIONS[from];
        if (!allowed) {
          for (const who of [neighbour, accountant]) {
            const res = await call(who, 'POST', `/api/exchange/pledges/${made.id}/status`, {
              status: to,
            });
            expect(res.statusCode, `${from} → ${to}`).toBe(409);
          }
          expect(await rowCounts(t.database)).toEqual(before);
          continue;
        }
        const rule = PLEDGE_TRANSITIONS[from][to];
        const right = {
          other: [neighbour],
          giver: [accountant],
          receiver: [neighbour],
          either: [neighbour, accountant],
        }[rule!];
        const wrong = [neighbour, accountant, stranger].filter((a) => !right.includes(a));
        for (const who of wrong) {
          const res = await call(who, 'POST', `/api/exchange/pledges/${made.id}/status`, {
            status: to,
          });
          expect([403, 404], `${from} → ${to} by ${who.email}`).toContain(res.statusCode);
        }
        expect(await rowCounts(t.database)).toEqual(before);
        const moved = await ok<Pledge>(
          right[0]!,
          'POST',
          `/api/exchange/pledges/${made.id}/status`,
          { status: to },
        );
        expect(moved.status).toBe(to);
        expect(moved.history.map((h) => h.status)).toEqual([
          'proposed',
          ...paths[from].map(([, s]) => s),
          to,
        ]);
      }
    }
  });

  it('refuses a second move of two at once: one wins, the other is a 409', async () => {
    const { request, offer } = await pair();
    const made = await ok<Pledge>(accountant, 'POST', '/api/exchange/pledges', {
      offerId: offer.id,
      requestId: request.id,
      hours: 8,
    });
    const results = await Promise.all([
      call(neighbour, 'POST', `/api/exchange/pledges/${made.id}/status`, { status: 'accepted' }),
      call(neighbour, 'POST', `/api/exchange/pledges/${made.id}/status`, { status: 'declined' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.database.db
      .select()
      .from(exchangePledgeEvents)
      .where(sql`${exchangePledgeEvents.pledgeId} = ${made.id}`);
    expect(events).toHaveLength(2);
  });

  it('notifies the other party of a proposal and of each move', async () => {
    const { request, offer } = await pair();
    const made = await ok<Pledge>(accountant, 'POST', '/api/exchange/pledges', {
      offerId: offer.id,
      requestId: request.id,
      hours: 8,
    });
    const mine = await ok<NotificationList>(neighbour, 'GET', '/api/me/notifications');
    expect(
      mine.items.some(
        (n) => n.link === `/exchange/pledges/${made.id}` && n.text.includes('Arjen Accountant'),
      ),
    ).toBe(true);
    await ok(neighbour, 'POST', `/api/exchange/pledges/${made.id}/status`, { status: 'accepted' });
    const theirs = await ok<NotificationList>(accountant, 'GET', '/api/me/notifications');
    expect(
      theirs.items.some(
        (n) => n.link === `/exchange/pledges/${made.id}` && n.text.includes('Accepted'),
      ),
    ).toBe(true);
  });
});

describe('ledger and connective capacity', () => {
  it('sums what an initiative received and what organisations gave, confirmed pledges only', async () => {
    const initiative = await ok<Initiative>(neighbour, 'POST', '/api/initiatives', {
      title: 'Neighbourhood company Oost',
      country: 'NL',
    });
    // A community group of its own, so earlier tests' pledges do not count in its profile.
    const company = await makeOrganisation(t.app, neighbour, {
      name: 'Buurtbedrijf Oost-Noord',
      kind: 'community_group',
      level: null,
    });
    const ask = (over: Record<string, unknown>) =>
      item(neighbour, {
        side: 'request',
        initiativeId: initiative.id,
        organisationId: company.id,
        ...over,
      });
    const hours = await ask({ kind: 'expertise', title: 'Bookkeeping for the company' });
    const money = await ask({
      kind: 'money',
      title: 'Start-up money for tools',
      amount: 5000,
      currency: 'EUR',
    });
    const room = await ask({ kind: 'space', title: 'A workshop to store tools' });
    const give = async (who: Agent, body: Record<string, unknown>, confirm = true) => {
      const p = await ok<Pledge>(who, 'POST', '/api/exchange/pledges', body);
      await ok(neighbour, 'POST', `/api/exchange/pledges/${p.id}/status`, { status: 'accepted' });
      await ok(who, 'POST', `/api/exchange/pledges/${p.id}/status`, { status: 'delivered' });
      if (confirm)
        await ok(neighbour, 'POST', `/api/exchange/pledges/${p.id}/status`, {
          status: 'confirmed',
        });
    };
    await give(accountant, { requestId: hours.id, hours: 40, organisationId: firm.id });
    await give(accountant, { requestId: hours.id, hours: 12.5, organisationId: firm.id });
    await give(civil, {
      requestId: money.id,
      amount: 2500.25,
      currency: 'EUR',
      organisationId: council.id,
    });
    await give(civil, { requestId: room.id, days: 30, organisationId: council.id });
    await give(professor, { requestId: hours.id, hours: 6, organisationId: university.id });
    // Delivered but not yet confirmed: not in the ledger.
    await give(
      civil,
      { requestId: money.id, amount: 1000, currency: 'EUR', organisationId: council.id },
      false,
    );

    const ledger = await ok<InitiativeLedger>(
      null,
      'GET',
      `/api/initiatives/${initiative.id}/ledger`,
    );
    expect(ledger.received).toEqual([
      { kind: 'expertise', pledges: 3, hours: 58.5, days: 0, amounts: [] },
      {
        kind: 'money',
        pledges: 1,
        hours: 0,
        days: 0,
        amounts: [{ currency: 'EUR', amount: 2500.25 }],
      },
      { kind: 'space', pledges: 1, hours: 0, days: 30, amounts: [] },
    ]);
    expect(
      ledger.givers.map((g) => [g.giver.organisation?.name, g.totals.map((x) => x.kind)]),
    ).toEqual([
      ['Telwerk Boekhouders', ['expertise']],
      ['Gemeente Oost', ['money', 'space']],
      ['Université de Liège', ['expertise']],
    ]);

    const profile = await ok<CapacityProfile>(
      null,
      'GET',
      `/api/organisations/${company.id}/capacity`,
    );
    expect(profile.given).toEqual([]);
    expect(profile.received.map((r) => [r.kind, r.pledges])).toEqual([
      ['expertise', 3],
      ['money', 1],
      ['space', 1],
    ]);
    expect(profile.ties).toBe(3);
    expect(profile.crossSectorShare).toBe(1);
    expect(profile.crossBorderShare).toBeCloseTo(1 / 3, 10);
    const councilProfile = await ok<CapacityProfile>(
      null,
      'GET',
      `/api/organisations/${council.id}/capacity`,
    );
    expect(councilProfile.given.map((g) => [g.kind, g.pledges])).toEqual([
      ['money', 1],
      ['space', 1],
    ]);
  });

  it('keeps pledges on private items out of the public ledger and profile', async () => {
    const space = await ok<{ id: string }>(civil, 'POST', '/api/spaces', {
      name: 'Council innovation lab',
      visibility: 'private',
    });
    const hidden = await item(civil, {
      side: 'request',
      kind: 'contacts',
      title: 'Introductions to housing corporations, confidential',
      visibility: 'space',
      spaceId: space.id,
      organisationId: council.id,
    });
    const mate = await signUp(t.app, { name: 'Lab Mate' });
    await ok(civil, 'POST', `/api/spaces/${space.id}/members`, {
      email: mate.email,
      role: 'member',
    });
    const p = await ok<Pledge>(mate, 'POST', '/api/exchange/pledges', { requestId: hidden.id });
    await ok(civil, 'POST', `/api/exchange/pledges/${p.id}/status`, { status: 'accepted' });
    await ok(mate, 'POST', `/api/exchange/pledges/${p.id}/status`, { status: 'delivered' });
    await ok(civil, 'POST', `/api/exchange/pledges/${p.id}/status`, { status: 'confirmed' });
    const outside = await ok<CapacityProfile>(
      stranger,
      'GET',
      `/api/organisations/${council.id}/capacity`,
    );
    expect(outside.received.find((r) => r.kind === 'contacts')).toBeUndefined();
    expect((await call(stranger, 'GET', `/api/exchange/pledges/${p.id}`)).statusCode).toBe(404);
    const inside = await ok<CapacityProfile>(
      civil,
      'GET',
      `/api/organisations/${council.id}/capacity`,
    );
    expect(inside.received.find((r) => r.kind === 'contacts')?.pledges).toBe(1);
    const count = await t.database.db.select().from(exchangePledges);
    expect(count.length).toBeGreaterThan(0);
  });
});
