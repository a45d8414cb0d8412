import { describe, expect, it } from 'vitest';
import {
  ballotFromChoices,
  choicesFromBallot,
  ordinal,
  rankedRoundRows,
  repeatedChoice,
} from './groups-ballot.ts';

describe('ordinal', () => {
  it('writes English ordinals, with the teens right', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ]);
  });

  it('writes Dutch ordinals', () => {
    expect([1, 2, 8].map((n) => ordinal(n, 'nl'))).toEqual(['1e', '2e', '8e']);
  });
});

describe('ranked ballots', () => {
  it('keeps the chosen options in rank order and drops empty ranks', () => {
    expect(ballotFromChoices(['b', '', 'a', ''])).toEqual(['b', 'a']);
    expect(ballotFromChoices(['', ''])).toEqual([]);
  });

  it('keeps a repeated choice, for the server to refuse', () => {
    expect(ballotFromChoices(['a', 'a'])).toEqual(['a', 'a']);
  });

  it('fills the form from a ballot already cast', () => {
    expect(choicesFromBallot(['c', 'a'], 3)).toEqual(['c', 'a', '']);
    expect(choicesFromBallot([], 2)).toEqual(['', '']);
  });

  it('finds the option ranked twice, with both ranks', () => {
    expect(repeatedChoice(['a', 'b', 'a'])).toEqual({ option: 'a', ranks: [1, 3] });
    expect(repeatedChoice(['a', 'b', 'c'])).toBeNull();
  });
});

describe('rankedRoundRows', () => {
  it('gives each option its votes round by round, and when it went out', () => {
    const rows = rankedRoundRows(
      ['a', 'b', 'c'],
      [
        {
          tallies: [
            { option: 'a', votes: 2 },
            { option: 'c', votes: 2 },
            { option: 'b', votes: 1 },
          ],
          eliminated: ['b'],
        },
        {
          tallies: [
            { option: 'a', votes: 3 },
            { option: 'c', votes: 2 },
          ],
          eliminated: [],
        },
      ],
    );
    expect(rows).toEqual([
      { option: 'a', votes: [2, 3], eliminatedIn: null },
      { option: 'b', votes: [1, null], eliminatedIn: 1 },
      { option: 'c', votes: [2, 2], eliminatedIn: null },
    ]);
  });

  it('is one row of nothing per option without rounds', () => {
    expect(rankedRoundRows(['a'], [])).toEqual([{ option: 'a', votes: [], eliminatedIn: null }]);
  });
});
