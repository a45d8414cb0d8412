import { describe, expect, it } from 'vitest';
import type { Pledge } from '../shared/exchange.ts';
import {
  formatAmounts,
  formatMoney,
  formatShare,
  groupByStatus,
  itemWindow,
  keyQuantity,
  kindsIn,
  partPoints,
  partyName,
  pledgeQuantity,
  scorePercent,
  totalsOf,
} from './exchange-format.ts';

const none = {
  hoursPerWeek: null,
  durationWeeks: null,
  amount: null,
  currency: null,
  capacity: null,
};

describe('quantities', () => {
  it('says the key quantity of an item by its kind', () => {
    expect(
      keyQuantity({ ...none, kind: 'expertise', hoursPerWeek: 4, durationWeeks: 26 }, 'en'),
    ).toEqual({
      key: 'quantity.hoursForWeeks',
      params: { hours: '4', weeks: '26', count: 26 },
    });
    expect(keyQuantity({ ...none, kind: 'people', hoursPerWeek: 2.5 }, 'nl')).toEqual({
      key: 'quantity.hoursPerWeek',
      params: { hours: '2,5', count: 2.5 },
    });
    expect(keyQuantity({ ...none, kind: 'people', durationWeeks: 1 }, 'en')?.key).toBe(
      'quantity.forWeeks',
    );
    expect(keyQuantity({ ...none, kind: 'money', amount: 8000, currency: 'EUR' }, 'en')).toEqual({
      key: 'quantity.money',
      params: { money: '€8,000' },
    });
    expect(keyQuantity({ ...none, kind: 'space', capacity: 40 }, 'en')?.params).toEqual({
      people: '40',
      count: 40,
    });
    expect(keyQuantity({ ...none, kind: 'knowledge', capacity: 40 }, 'en')).toBeNull();
    expect(keyQuantity({ ...none, kind: 'money', amount: 10 }, 'en')).toBeNull();
  });

  it('says what a pledge gives', () => {
    const q = { hours: null, amount: null, currency: null, days: null };
    expect(pledgeQuantity({ ...q, hours: 104 }, 'en')).toEqual({
      key: 'quantity.hours',
      params: { hours: '104', count: 104 },
    });
    expect(pledgeQuantity({ ...q, days: 1800 }, 'nl')?.params.days).toBe('1.800');
    // Dutch puts a (non-breaking) space between the sign and the amount.
    expect(pledgeQuantity({ ...q, amount: 12.5, currency: 'EUR' }, 'nl')?.params.money).toMatch(
      /^€\s12,50$/,
    );
    expect(pledgeQuantity(q, 'en')).toBeNull();
  });

  it('writes money in its currency, and a code the browser does not know after the number', () => {
    expect(formatMoney(1500, 'GBP', 'en')).toBe('£1,500');
    expect(formatMoney(3, 'ZZZ', 'en')).toMatch(/3/);
    expect(
      formatAmounts(
        [
          { currency: 'EUR', amount: 100 },
          { currency: 'GBP', amount: 20 },
        ],
        'en',
      ),
    ).toBe('€100, £20');
    expect(formatAmounts([], 'en')).toBe('');
  });
});

describe('windows, scores and shares', () => {
  const date = (iso: string) => `<${iso}>`;
  it('says when an item is available', () => {
    expect(itemWindow({ availableFrom: '2027-01-01', availableUntil: '2027-02-01' }, date)).toEqual(
      {
        key: 'window.fromUntil',
        params: { from: '<2027-01-01>', until: '<2027-02-01>' },
      },
    );
    expect(itemWindow({ availableFrom: null, availableUntil: '2027-02-01' }, date).key).toBe(
      'window.until',
    );
    expect(itemWindow({ availableFrom: null, availableUntil: null }, date).key).toBe('window.any');
  });

  it('gives the score as a whole percentage and the points of a part out of 100', () => {
    expect(scorePercent(0.6783)).toBe(68);
    expect(scorePercent(1.2)).toBe(100);
    expect(scorePercent(-1)).toBe(0);
    expect(partPoints({ weight: 0.35, points: 0.0883 }, 'en')).toEqual({
      points: '8.8',
      weight: '35',
    });
    expect(partPoints({ weight: 0.25, points: 0.25 }, 'nl')).toEqual({
      points: '25',
      weight: '25',
    });
  });

  it('writes a share as a percentage, or nothing when it is not known', () => {
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(1, 'nl')).toBe('100%');
    expect(formatShare(null, 'en')).toBeNull();
  });
});

describe('pledges and totals', () => {
  const pledge = (id: string, status: Pledge['status']) => ({ id, status });

  it('groups pledges by status, proposed first, leaving out empty groups', () => {
    const groups = groupByStatus([
      pledge('a', 'confirmed'),
      pledge('b', 'proposed'),
      pledge('c', 'confirmed'),
      pledge('d', 'declined'),
    ]);
    expect(groups.map((g) => [g.status, g.pledges.map((p) => p.id)])).toEqual([
      ['proposed', ['b']],
      ['confirmed', ['a', 'c']],
      ['declined', ['d']],
    ]);
    expect(groupByStatus([])).toEqual([]);
  });

  it('names a party by its organisation, else its person', () => {
    expect(
      partyName({
        organisation: { id: 'o', name: 'Civic Tech Works Ltd', kind: 'company', country: 'GB' },
        person: null,
      }),
    ).toBe('Civic Tech Works Ltd');
    expect(partyName({ organisation: null, person: 'Fatima' })).toBe('Fatima');
    expect(partyName({ organisation: null, person: null })).toBeNull();
  });

  it('finds the totals of a kind, and the kinds present in the vocabulary order', () => {
    const totals = [{ kind: 'space' as const, pledges: 1, hours: 0, days: 180, amounts: [] }];
    expect(totalsOf(totals, 'space').days).toBe(180);
    expect(totalsOf(totals, 'money')).toEqual({
      kind: 'money',
      pledges: 0,
      hours: 0,
      days: 0,
      amounts: [],
    });
    expect(
      kindsIn(['knowledge', 'expertise', 'money', 'space'], totals, [
        { kind: 'expertise', pledges: 1, hours: 4, days: 0, amounts: [] },
      ]),
    ).toEqual(['expertise', 'space']);
  });
});
