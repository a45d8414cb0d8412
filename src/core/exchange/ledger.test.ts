import { describe, expect, it } from 'vitest';
import { capacityOf, totalsByKind, type LedgerParty, type LedgerPledge } from './ledger.ts';

const council: LedgerParty = { key: 'o:council', kind: 'public_body', country: 'NL' };
const company: LedgerParty = { key: 'o:company', kind: 'company', country: 'NL' };
const ministry: LedgerParty = { key: 'o:ministry', kind: 'public_body', country: 'BE' };
const uni: LedgerParty = { key: 'o:uni', kind: 'academic', country: 'DE' };
const citizen: LedgerParty = { key: 'u:anna', kind: 'person', country: null };

const pledge = (p: Partial<LedgerPledge> & Pick<LedgerPledge, 'kind' | 'giver' | 'receiver'>) =>
  ({ hours: null, amount: null, currency: null, days: null, ...p }) as LedgerPledge;

// A hand-computed fixture: what the council gave and received.
const fixture: LedgerPledge[] = [
  pledge({ kind: 'money', giver: council, receiver: citizen, amount: 1250.1, currency: 'EUR' }),
  pledge({ kind: 'money', giver: council, receiver: company, amount: 0.2, currency: 'EUR' }),
  pledge({ kind: 'money', giver: council, receiver: company, amount: 300, currency: 'GBP' }),
  pledge({ kind: 'space', giver: council, receiver: citizen, days: 12 }),
  pledge({ kind: 'expertise', giver: uni, receiver: council, hours: 40.5 }),
  pledge({ kind: 'expertise', giver: company, receiver: council, hours: 8 }),
  pledge({ kind: 'contacts', giver: ministry, receiver: council }),
  // Not the council's: ignored by its profile.
  pledge({ kind: 'people', giver: uni, receiver: company, hours: 100 }),
];

describe('totalsByKind', () => {
  it('sums pledges, hours, days and money per currency by kind, exactly in cents', () => {
    expect(totalsByKind(fixture.slice(0, 4))).toEqual([
      {
        kind: 'money',
        pledges: 3,
        hours: 0,
        days: 0,
        amounts: [
          { currency: 'EUR', amount: 1250.3 },
          { currency: 'GBP', amount: 300 },
        ],
      },
      { kind: 'space', pledges: 1, hours: 0, days: 12, amounts: [] },
    ]);
  });

  it('is empty for no pledges', () => {
    expect(totalsByKind([])).toEqual([]);
  });
});

describe('capacityOf', () => {
  const profile = capacityOf(council, fixture);

  it('separates what was given from what was received', () => {
    expect(profile.given.map((t) => [t.kind, t.pledges])).toEqual([
      ['money', 3],
      ['space', 1],
    ]);
    expect(profile.received).toEqual([
      { kind: 'contacts', pledges: 1, hours: 0, days: 0, amounts: [] },
      { kind: 'expertise', pledges: 2, hours: 48.5, days: 0, amounts: [] },
    ]);
  });

  it('counts each partner once, by kind and by country', () => {
    expect(profile.ties).toBe(4);
    expect(profile.partnersByKind).toEqual([
      { kind: 'academic', partners: 1 },
      { kind: 'company', partners: 1 },
      { kind: 'person', partners: 1 },
      { kind: 'public_body', partners: 1 },
    ]);
    expect(profile.partnersByCountry).toEqual([
      { country: 'BE', partners: 1 },
      { country: 'DE', partners: 1 },
      { country: 'NL', partners: 1 },
    ]);
  });

  it('gives the shares of cross-sector and cross-border ties', () => {
    // company, university and citizen are other kinds; the ministry is a public body too.
    expect(profile.crossSectorShare).toBe(3 / 4);
    // Of the three partners with a country, BE and DE differ from NL.
    expect(profile.crossBorderShare).toBe(2 / 3);
  });

  it('has no shares without partners', () => {
    const alone = capacityOf({ key: 'o:none', kind: 'company', country: 'FR' }, fixture);
    expect(alone).toMatchObject({ ties: 0, crossSectorShare: null, crossBorderShare: null });
  });
});
