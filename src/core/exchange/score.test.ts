import { describe, expect, it } from 'vitest';
import {
  ExchangeSideError,
  MATCH_WEIGHTS,
  RELATED_KINDS,
  dayNumber,
  round4,
  scoreMatch,
  type MatchPartName,
  type MatchResult,
} from './score.ts';
import { RESOURCE_KINDS, type ExchangeItem } from './types.ts';

const TODAY = '2026-03-01';
const ctx = { today: TODAY };

function makeItem(side: ExchangeItem['side'], overrides: Partial<ExchangeItem>): ExchangeItem {
  return {
    id: side === 'request' ? 'r1' : 'o1',
    side,
    kind: 'expertise',
    title: 'Bookkeeping help',
    description: 'Volunteer bookkeeping for a food bank',
    sectors: ['10'],
    country: 'NL',
    region: 'Utrecht',
    remote: false,
    availableFrom: null,
    availableUntil: null,
    hoursPerWeek: null,
    durationWeeks: null,
    amount: null,
    currency: null,
    capacity: null,
    partyKey: side === 'request' ? 'org:request' : 'org:offer',
    partyKind: 'public_body',
    partyCountry: 'NL',
    ...overrides,
  };
}
const request = (overrides: Partial<ExchangeItem> = {}) => makeItem('request', overrides);
const offer = (overrides: Partial<ExchangeItem> = {}) => makeItem('offer', overrides);

function part(result: MatchResult | null, name: MatchPartName) {
  const found = result?.parts.find((p) => p.part === name);
  if (found === undefined) throw new Error(`no ${name} part`);
  return found;
}

describe('MATCH_WEIGHTS and RELATED_KINDS', () => {
  it('weights sum to 1 and cannot be changed', () => {
    const sum = Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(Object.isFrozen(MATCH_WEIGHTS)).toBe(true);
  });

  it('relates kinds symmetrically, as documented', () => {
    for (const a of RESOURCE_KINDS) {
      for (const b of RELATED_KINDS[a]) expect(RELATED_KINDS[b]).toContain(a);
    }
    const pairs = RESOURCE_KINDS.flatMap((a) =>
      RELATED_KINDS[a].filter((b) => a < b).map((b) => `${a}-${b}`),
    );
    expect(pairs.sort()).toEqual([
      'contacts-people',
      'expertise-knowledge',
      'expertise-people',
      'information-knowledge',
    ]);
  });
});

describe('scoreMatch: what is no match at all', () => {
  it('never matches incompatible kinds, whatever the text', () => {
    for (const a of RESOURCE_KINDS) {
      for (const b of RESOURCE_KINDS) {
        const result = scoreMatch(request({ kind: a }), offer({ kind: b }), ctx);
        const compatible = a === b || RELATED_KINDS[a].includes(b);
        expect(result === null, `${a} / ${b}`).toBe(!compatible);
      }
    }
  });

  it('never matches a party with itself', () => {
    expect(scoreMatch(request({ partyKey: 'org:1' }), offer({ partyKey: 'org:1' }), ctx)).toBe(
      null,
    );
    expect(scoreMatch(request({ partyKey: 'org:1' }), offer({ partyKey: 'org:2' }), ctx)).not.toBe(
      null,
    );
  });

  it('drops an offer whose window ended before today, but not one that ends today', () => {
    expect(scoreMatch(request(), offer({ availableUntil: '2026-02-28' }), ctx)).toBe(null);
    expect(scoreMatch(request(), offer({ availableUntil: TODAY }), ctx)).not.toBe(null);
  });

  it('drops a request whose window ended before today', () => {
    expect(scoreMatch(request({ availableUntil: '2026-02-28' }), offer(), ctx)).toBe(null);
  });

  it('drops windows that do not overlap', () => {
    const r = request({ availableFrom: '2026-04-01', availableUntil: '2026-04-30' });
    expect(scoreMatch(r, offer({ availableFrom: '2026-05-01' }), ctx)).toBe(null);
    expect(scoreMatch(r, offer({ availableUntil: '2026-03-31' }), ctx)).toBe(null);
    expect(scoreMatch(r, offer({ availableUntil: '2026-04-01' }), ctx)).not.toBe(null);
  });

  it('throws when the arguments are not (request, offer)', () => {
    expect(() => scoreMatch(offer(), request(), ctx)).toThrow(ExchangeSideError);
    expect(() => scoreMatch(request(), request({ id: 'r2' }), ctx)).toThrow(/request, offer/);
  });
});

describe('scoreMatch: parts', () => {
  it('ranks the same kind with similar text above a related kind with the same text', () => {
    const r = request({ kind: 'expertise' });
    const same = scoreMatch(r, offer({ kind: 'expertise', title: 'Bookkeeping' }), ctx)!;
    const related = scoreMatch(r, offer({ kind: 'knowledge' }), ctx)!;
    expect(same.score).toBeGreaterThan(related.score);
    expect(part(same, 'kind').reason).toEqual({ code: 'same_kind' });
    expect(part(related, 'kind')).toMatchObject({
      value: 0.5,
      reason: { code: 'related_kind', offer: 'knowledge', request: 'expertise' },
    });
  });

  it('sums the weighted parts, rounded to 4 decimals', () => {
    const result = scoreMatch(request(), offer({ title: 'Food bank', region: 'Zeeland' }), ctx)!;
    expect(result.parts.map((p) => p.part)).toEqual([
      'kind',
      'text',
      'geography',
      'availability',
      'capacity',
      'bridge',
    ]);
    for (const p of result.parts) {
      expect(p.weight).toBe(MATCH_WEIGHTS[p.part]);
      expect(p.points).toBeCloseTo(p.weight * p.value, 12);
    }
    expect(result.score).toBe(round4(result.parts.reduce((a, p) => a + p.points, 0)));
    expect(result.score).toBe(Math.round(result.score * 10_000) / 10_000);
  });

  describe('text', () => {
    it('is the plain tf cosine without idf, and names the shared words, strongest first', () => {
      // Request terms: bookkeep 2+1, help 2, volunteer 1, food 1, bank 1, sector:10 1.
      // Offer terms: bookkeep 2, sector:10 1.
      const result = scoreMatch(
        request(),
        offer({ title: 'Bookkeeping', description: '', sectors: ['10'] }),
        ctx,
      );
      const dot = 3 * 2 + 1 * 1;
      const expected = dot / (Math.sqrt(9 + 4 + 1 + 1 + 1 + 1) * Math.sqrt(4 + 1));
      expect(part(result, 'text').value).toBeCloseTo(expected, 12);
      expect(part(result, 'text').reason).toEqual({
        code: 'shared_terms',
        terms: ['bookkeeping', 'sector:10'],
      });
    });

    it('weighs terms by the idf it is given', () => {
      const r = request({ title: 'Bookkeeping', description: 'library', sectors: [] });
      const o1 = offer({ title: 'Bookkeeping', description: 'other', sectors: [] });
      const o2 = offer({ title: 'Library', description: 'other', sectors: [] });
      const rare = (term: string) => (term === 'library' ? 10 : 1);
      const plain = [scoreMatch(r, o1, ctx)!, scoreMatch(r, o2, ctx)!];
      const weighted = [
        scoreMatch(r, o1, { ...ctx, idf: rare })!,
        scoreMatch(r, o2, { ...ctx, idf: rare })!,
      ];
      expect(part(plain[0]!, 'text').value).toBeGreaterThan(part(plain[1]!, 'text').value);
      expect(part(weighted[1]!, 'text').value).toBeGreaterThan(part(weighted[0]!, 'text').value);
    });

    it('lists at most five shared terms', () => {
      const text = 'alpha bravo charlie delta echo foxtrot golf hotel';
      const result = scoreMatch(request({ description: text }), offer({ description: text }), ctx);
      const reason = part(result, 'text').reason;
      expect(reason.code === 'shared_terms' && reason.terms.length).toBe(5);
    });

    it('is 0 with no shared terms', () => {
      const result = scoreMatch(
        request(),
        offer({ title: 'Meeting room', description: 'Quiet', sectors: [] }),
        ctx,
      );
      expect(part(result, 'text')).toMatchObject({ value: 0, reason: { code: 'no_shared_terms' } });
    });
  });

  describe('geography', () => {
    it.each([
      [{ country: 'NL', region: 'Utrecht' }, 1, 'same_region'],
      [{ country: 'NL', region: 'Zeeland' }, 0.7, 'same_country'],
      [{ country: 'BE', region: 'Utrecht', remote: true }, 0.6, 'remote'],
      [{ country: null, region: null }, 0.5, 'no_country'],
      [{ country: 'BE', region: 'Utrecht' }, 0, 'far'],
    ] as const)('offer %j → %s (%s)', (place, value, code) => {
      const result = scoreMatch(request(), offer(place), ctx);
      expect(part(result, 'geography')).toMatchObject({ value, reason: { code } });
    });
  });

  describe('availability', () => {
    it('is 1 when both windows are open-ended, whatever their starts', () => {
      const r = request({ availableFrom: '2026-04-01' });
      for (const o of [offer(), offer({ availableFrom: '2030-01-01' })]) {
        expect(part(scoreMatch(r, o, ctx), 'availability')).toMatchObject({
          value: 1,
          reason: { code: 'no_window' },
        });
      }
    });

    it('counts the days of a request without dates from today, against a closed offer', () => {
      const o = offer({ availableFrom: '2026-02-01', availableUntil: '2026-03-30' });
      expect(part(scoreMatch(request(), o, ctx), 'availability')).toMatchObject({
        value: 30 / 365,
        reason: { code: 'overlap_days', days: 30 },
      });
    });

    it('is the share of the requested days the offer covers', () => {
      const r = request({ availableFrom: '2026-03-01', availableUntil: '2026-03-10' });
      const o = offer({ availableFrom: '2026-03-06', availableUntil: '2026-04-01' });
      expect(part(scoreMatch(r, o, ctx), 'availability')).toMatchObject({
        value: 0.5,
        reason: { code: 'overlap_days', days: 5 },
      });
    });

    it('counts an open-ended request as 365 days from its start', () => {
      const r = request({ availableFrom: '2026-04-01' });
      const o = offer({ availableFrom: '2026-03-01', availableUntil: '2026-04-30' });
      expect(part(scoreMatch(r, o, ctx), 'availability').value).toBeCloseTo(30 / 365, 12);
    });

    it('counts only the days from today on', () => {
      const r = request({ availableFrom: '2025-01-01', availableUntil: '2026-03-10' });
      const o = offer({ availableUntil: '2026-03-10' });
      expect(part(scoreMatch(r, o, ctx), 'availability')).toMatchObject({
        value: 1,
        reason: { code: 'overlap_days', days: 10 },
      });
    });
  });

  describe('capacity', () => {
    it('is offered hours over needed hours for expertise', () => {
      const r = request({ hoursPerWeek: 10, durationWeeks: 40 });
      const o = offer({ hoursPerWeek: 10, durationWeeks: 30 });
      expect(part(scoreMatch(r, o, ctx), 'capacity')).toMatchObject({
        value: 0.75,
        reason: { code: 'covers', share: 0.75 },
      });
    });

    it('is the amount offered over the amount asked for money, at most 1', () => {
      const r = request({ kind: 'money', amount: 10_000, currency: 'EUR' });
      expect(
        part(
          scoreMatch(r, offer({ kind: 'money', amount: 2_500, currency: 'eur' }), ctx),
          'capacity',
        ).value,
      ).toBe(0.25);
      expect(
        part(
          scoreMatch(r, offer({ kind: 'money', amount: 50_000, currency: 'EUR' }), ctx),
          'capacity',
        ).value,
      ).toBe(1);
    });

    it('does not convert currencies', () => {
      const r = request({ kind: 'money', amount: 10_000, currency: 'EUR' });
      const o = offer({ kind: 'money', amount: 10_000, currency: 'DKK' });
      expect(part(scoreMatch(r, o, ctx), 'capacity')).toMatchObject({
        value: 0.5,
        reason: { code: 'currency_differs' },
      });
    });

    it('compares places for space', () => {
      const r = request({ kind: 'space', capacity: 40 });
      const o = offer({ kind: 'space', capacity: 30 });
      expect(part(scoreMatch(r, o, ctx), 'capacity').value).toBe(0.75);
    });

    it('is 0.5 when a side has no quantity', () => {
      const r = request({ hoursPerWeek: 10, durationWeeks: 40 });
      expect(part(scoreMatch(r, offer({ hoursPerWeek: 10 }), ctx), 'capacity')).toMatchObject({
        value: 0.5,
        reason: { code: 'unknown_quantity' },
      });
      expect(
        part(
          scoreMatch(request({ kind: 'knowledge' }), offer({ kind: 'knowledge' }), ctx),
          'capacity',
        ).reason,
      ).toEqual({ code: 'unknown_quantity' });
    });
  });

  describe('bridge', () => {
    const r = request({ partyKind: 'public_body', partyCountry: 'NL' });
    const score = (o: Partial<ExchangeItem>) => scoreMatch(r, offer(o), ctx)!;
    const none = score({ partyKind: 'public_body', partyCountry: 'NL' });
    const sector = score({ partyKind: 'company', partyCountry: 'NL' });
    const border = score({ partyKind: 'public_body', partyCountry: 'BE' });
    const both = score({ partyKind: 'company', partyCountry: 'BE' });

    it('orders otherwise equal matches: both bridges, then either, then none', () => {
      expect(both.score).toBeGreaterThan(sector.score);
      expect(sector.score).toBe(border.score);
      expect(border.score).toBeGreaterThan(none.score);
      expect(part(both, 'bridge').reason).toEqual({ code: 'cross_sector_and_border' });
      expect(part(sector, 'bridge')).toMatchObject({
        value: 0.6,
        reason: { code: 'cross_sector' },
      });
      expect(part(border, 'bridge').reason).toEqual({ code: 'cross_border' });
      expect(part(none, 'bridge')).toMatchObject({ value: 0, reason: { code: 'no_bridge' } });
    });

    it('counts a person and an organisation as different kinds of party', () => {
      expect(part(score({ partyKind: 'person', partyCountry: 'NL' }), 'bridge').reason).toEqual({
        code: 'cross_sector',
      });
    });

    it('does not count an unknown party country as a border', () => {
      expect(part(score({ partyCountry: null }), 'bridge').reason).toEqual({ code: 'no_bridge' });
    });
  });
});

describe('dayNumber', () => {
  it('counts days since 1970-01-01 and rejects what is not a date', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('1 March 2026')).toThrow(RangeError);
  });
});
