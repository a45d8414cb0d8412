import { describe, expect, it } from 'vitest';
import { STANCES, tallyStances, type Stance } from './stances.ts';

const of = (...stances: Stance[]) => stances.map((stance) => ({ stance }));

describe('tallyStances', () => {
  it('counts each stance, in the order agree, abstain, disagree, block', () => {
    const tally = tallyStances(of('disagree', 'agree', 'abstain', 'agree', 'disagree', 'agree'));
    expect(tally).toEqual({
      counts: { agree: 3, abstain: 1, disagree: 2, block: 0 },
      total: 6,
      blocked: false,
    });
    expect(Object.keys(tally.counts)).toEqual([...STANCES]);
  });

  it('is blocked by a single block among many agreements', () => {
    const tally = tallyStances([...of(...Array<Stance>(20).fill('agree')), ...of('block')]);
    expect(tally.blocked).toBe(true);
    expect(tally.counts.block).toBe(1);
    expect(tally.total).toBe(21);
  });

  it('gives zeros and no block for no stances', () => {
    expect(tallyStances([])).toEqual({
      counts: { agree: 0, abstain: 0, disagree: 0, block: 0 },
      total: 0,
      blocked: false,
    });
  });

  it('accepts records with other fields, such as the member', () => {
    const rows = [
      { stance: 'abstain', member: 'u1' },
      { stance: 'agree', member: 'u2' },
    ] as const;
    expect(tallyStances(rows).counts).toEqual({ agree: 1, abstain: 1, disagree: 0, block: 0 });
  });

  it('refuses a value that is not a stance, including inherited property names', () => {
    for (const bad of ['veto', 'toString', '__proto__']) {
      expect(() => tallyStances([{ stance: bad as Stance }])).toThrow(RangeError);
    }
  });
});
