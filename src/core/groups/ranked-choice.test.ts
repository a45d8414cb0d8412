import { describe, expect, it } from 'vitest';
import { createRng, randomInt, type Rng } from '../network/prng.ts';
import { BallotError, countRankedChoice, validateBallot, type Round } from './ranked-choice.ts';

/** `n` copies of one ballot. */
function times(n: number, ballot: string[]): string[][] {
  return Array.from({ length: n }, () => [...ballot]);
}

/** A round written compactly: 'a:4 b:3' plus exhausted, eliminated and majority. */
function round(tallies: string, exhausted: number, eliminated: string[], majority: number): Round {
  return {
    tallies: tallies.split(' ').map((t) => {
      const [option, votes] = t.split(':');
      return { option: option!, votes: Number(votes) };
    }),
    exhausted,
    eliminated,
    majority,
  };
}

describe('countRankedChoice: known counts', () => {
  it('elects Knoxville in round 3 in the Tennessee capital example', () => {
    // Wikipedia, "Instant-runoff voting": the four cities, each voter ranking by distance.
    const options = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
    const ballots = [
      ...times(42, ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville']),
      ...times(26, ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']),
      ...times(15, ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis']),
      ...times(17, ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis']),
    ];
    const result = countRankedChoice(options, ballots);
    expect(result.rounds).toEqual([
      round('Memphis:42 Nashville:26 Knoxville:17 Chattanooga:15', 0, ['Chattanooga'], 51),
      round('Memphis:42 Knoxville:32 Nashville:26', 0, ['Nashville'], 51),
      round('Knoxville:58 Memphis:42', 0, [], 51),
    ]);
    expect(result.winner).toBe('Knoxville');
    expect(result.tie).toBeNull();
  });

  it('elects an option with a first-round majority in round 1', () => {
    const ballots = [...times(3, ['a', 'b']), ['b', 'a'], ['c']];
    const result = countRankedChoice(['a', 'b', 'c'], ballots);
    expect(result.rounds).toEqual([round('a:3 b:1 c:1', 0, [], 3)]);
    expect(result.winner).toBe('a');
  });

  it('needs more than half, not half: 2 of 4 is not a majority', () => {
    const ballots = [['a'], ['a'], ['b', 'a'], ['c', 'b']];
    const result = countRankedChoice(['a', 'b', 'c'], ballots);
    expect(result.rounds[0]).toEqual(round('a:2 b:1 c:1', 0, ['c'], 3));
    expect(result.rounds[1]).toEqual(round('a:2 b:2', 0, [], 3));
    expect(result.winner).toBeNull();
    expect(result.tie).toEqual(['a', 'b']);
  });

  it('moves ballots to their next continuing choice, skipping eliminated options', () => {
    // d goes first, then c; the [d, c, b] ballot skips c in round 3 and counts for b.
    const ballots = [
      ...times(4, ['a']),
      ...times(3, ['b']),
      ...times(2, ['c', 'b']),
      ['d', 'c', 'b'],
    ];
    const result = countRankedChoice(['a', 'b', 'c', 'd'], ballots);
    expect(result.rounds).toEqual([
      round('a:4 b:3 c:2 d:1', 0, ['d'], 6),
      round('a:4 b:3 c:3', 0, ['c'], 6),
      round('b:6 a:4', 0, [], 6),
    ]);
    expect(result.winner).toBe('b');
  });

  it('leaves exhausted ballots out of the majority', () => {
    // c's two voters rank nobody else: after c goes, 4 of the 7 ballots left is a majority,
    // though it is less than half of all 9.
    const ballots = [...times(4, ['a']), ...times(3, ['b']), ...times(2, ['c'])];
    const result = countRankedChoice(['a', 'b', 'c'], ballots);
    expect(result.rounds).toEqual([round('a:4 b:3 c:2', 0, ['c'], 5), round('a:4 b:3', 2, [], 4)]);
    expect(result.winner).toBe('a');
  });

  it('gives one round of zeros and no winner when there are no ballots', () => {
    expect(countRankedChoice(['a', 'b'], [])).toEqual({
      rounds: [round('a:0 b:0', 0, [], 1)],
      winner: null,
      tie: null,
    });
    expect(countRankedChoice([], [])).toEqual({
      rounds: [{ tallies: [], exhausted: 0, eliminated: [], majority: 1 }],
      winner: null,
      tie: null,
    });
  });

  it('elects the only option of a poll that has ballots', () => {
    expect(countRankedChoice(['a'], [['a']]).winner).toBe('a');
  });

  it('eliminates options without first preferences one at a time, the later-listed first', () => {
    // Eliminating an option without votes changes no tally, so the count ends in a tie.
    const ballots = [...times(3, ['a']), ...times(3, ['b', 'c'])];
    const result = countRankedChoice(['a', 'b', 'c', 'd'], ballots);
    expect(result.rounds).toEqual([
      round('a:3 b:3 c:0 d:0', 0, ['d'], 4),
      round('a:3 b:3 c:0', 0, ['c'], 4),
      round('a:3 b:3', 0, [], 4),
    ]);
    expect(result.tie).toEqual(['a', 'b']);
  });
});

describe('countRankedChoice: ties for last place', () => {
  it('eliminates the option that had fewer votes in the previous round', () => {
    // Round 2: b and c both have 3; in round 1 b had 2 and c had 3, so b goes, although the
    // option order alone would have eliminated c.
    const ballots = [
      ...times(4, ['a']),
      ...times(3, ['c']),
      ...times(2, ['b', 'c']),
      ['d', 'b', 'c'],
    ];
    const result = countRankedChoice(['a', 'b', 'c', 'd'], ballots);
    expect(result.rounds).toEqual([
      round('a:4 c:3 b:2 d:1', 0, ['d'], 6),
      round('a:4 b:3 c:3', 0, ['b'], 6),
      round('c:6 a:4', 0, [], 6),
    ]);
    expect(result.winner).toBe('c');
  });

  it('looks back round by round until the tied options differ', () => {
    // x and y tie in round 3 and in round 2; in round 1 x had fewer, so x goes.
    const ballots = [
      ...times(10, ['a']),
      ...times(4, ['y']),
      ...times(2, ['x', 'y']),
      ['x'],
      ['z', 'x', 'y'],
      ['z', 'y'],
      ['w', 'x', 'y'],
    ];
    const result = countRankedChoice(['a', 'x', 'y', 'z', 'w'], ballots);
    expect(result.rounds).toEqual([
      round('a:10 y:4 x:3 z:2 w:1', 0, ['w'], 11),
      round('a:10 x:4 y:4 z:2', 0, ['z'], 11),
      round('a:10 x:5 y:5', 0, ['x'], 11),
      round('a:10 y:9', 1, [], 10),
    ]);
    expect(result.winner).toBe('a');
  });

  it('eliminates the option listed later when the options tied in every round', () => {
    const ballots = [...times(3, ['a']), ...times(2, ['b', 'a']), ...times(2, ['c', 'b'])];
    const first = countRankedChoice(['a', 'b', 'c'], ballots);
    expect(first.rounds.map((r) => r.eliminated)).toEqual([['c'], []]);
    expect(first.winner).toBe('b');
    // The same ballots with b listed after c: now b goes, and its ballots elect a.
    const second = countRankedChoice(['a', 'c', 'b'], ballots);
    expect(second.rounds.map((r) => r.eliminated)).toEqual([['b'], []]);
    expect(second.winner).toBe('a');
  });

  it('stops with a tie when the two options left have equal votes', () => {
    const result = countRankedChoice(['b', 'a'], [...times(2, ['a']), ...times(2, ['b'])]);
    expect(result.rounds).toEqual([round('b:2 a:2', 0, [], 3)]);
    expect(result.winner).toBeNull();
    expect(result.tie).toEqual(['b', 'a']);
  });

  it('stops with a tie when all of several options left have equal votes', () => {
    const ballots = [...times(2, ['a']), ...times(2, ['b']), ...times(2, ['c']), ['d']];
    const result = countRankedChoice(['a', 'b', 'c', 'd'], ballots);
    expect(result.rounds).toEqual([
      round('a:2 b:2 c:2 d:1', 0, ['d'], 4),
      round('a:2 b:2 c:2', 1, [], 4),
    ]);
    expect(result.winner).toBeNull();
    expect(result.tie).toEqual(['a', 'b', 'c']);
  });
});

describe('validateBallot', () => {
  const options = ['a', 'b', 'c'];

  it('accepts a full or partial ranking of known options', () => {
    expect(validateBallot(['c', 'a', 'b'], options)).toBeNull();
    expect(validateBallot(['b'], options)).toBeNull();
  });

  it('refuses an empty ballot', () => {
    expect(validateBallot([], options)).toEqual({
      kind: 'empty',
      message: 'the ballot ranks no option',
    });
  });

  it('names an unknown option and its rank', () => {
    expect(validateBallot(['a', 'z'], options)).toEqual({
      kind: 'unknown_option',
      option: 'z',
      rank: 2,
      message: 'the 2nd choice "z" is not an option of this poll',
    });
  });

  it('names a repeated option and both of its ranks', () => {
    expect(validateBallot(['b', 'a', 'c', 'a'], options)).toEqual({
      kind: 'repeated_option',
      option: 'a',
      ranks: [2, 4],
      message: 'option "a" is ranked 2nd and 4th',
    });
    const many = Array.from({ length: 13 }, (_, i) => `o${i}`);
    expect(validateBallot([...many.slice(0, 12), 'o10'], many)?.message).toBe(
      'option "o10" is ranked 11th and 13th',
    );
  });
});

describe('countRankedChoice: refusals', () => {
  it('throws a BallotError naming the invalid ballot', () => {
    const count = () => countRankedChoice(['a', 'b'], [['a'], ['b', 'b']]);
    expect(count).toThrow(BallotError);
    expect(count).toThrow('ballot 2: option "b" is ranked 1st and 2nd');
    try {
      count();
    } catch (error) {
      expect(error).toMatchObject({
        name: 'BallotError',
        ballot: 1,
        problem: { kind: 'repeated_option', option: 'b', ranks: [1, 2] },
      });
    }
  });

  it('throws for an empty ballot and an unknown option', () => {
    expect(() => countRankedChoice(['a'], [[]])).toThrow(BallotError);
    expect(() => countRankedChoice(['a'], [['x']])).toThrow(BallotError);
  });

  it('refuses repeated options', () => {
    expect(() => countRankedChoice(['a', 'a'], [])).toThrow(RangeError);
  });
});

/** A random poll: 1–6 options, 0–80 ballots, each ranking a random non-empty prefix. */
function randomPoll(rng: Rng): { options: string[]; ballots: string[][] } {
  const options = Array.from({ length: 1 + randomInt(rng, 6) }, (_, i) => `o${i}`);
  const ballots = Array.from({ length: randomInt(rng, 81) }, () => {
    const ranking = shuffled(rng, options);
    return ranking.slice(0, 1 + randomInt(rng, ranking.length));
  });
  return { options, ballots };
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('countRankedChoice: properties over random polls', () => {
  const rng = createRng(20261127);
  const polls = Array.from({ length: 500 }, () => randomPoll(rng));

  it('accounts for every ballot in every round', () => {
    for (const { options, ballots } of polls) {
      for (const r of countRankedChoice(options, ballots).rounds) {
        const votes = r.tallies.reduce((n, t) => n + t.votes, 0);
        expect(votes + r.exhausted).toBe(ballots.length);
        expect(r.majority).toBe(Math.floor((ballots.length - r.exhausted) / 2) + 1);
      }
    }
  });

  it('elects an option with a first-round majority in round 1', () => {
    let seen = 0;
    for (const { options, ballots } of polls) {
      const firsts = options.filter(
        (o) => ballots.filter((b) => b[0] === o).length > ballots.length / 2,
      );
      if (firsts.length === 0) continue;
      seen++;
      const result = countRankedChoice(options, ballots);
      expect(result.winner).toBe(firsts[0]);
      expect(result.rounds).toHaveLength(1);
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('eliminates one option with the fewest votes per round until a winner or a tie', () => {
    let ties = 0;
    for (const { options, ballots } of polls) {
      const { rounds, winner, tie } = countRankedChoice(options, ballots);
      const eliminated = rounds.flatMap((r) => r.eliminated);
      expect(new Set(eliminated).size).toBe(eliminated.length);
      rounds.forEach((r, i) => {
        expect(r.tallies).toHaveLength(options.length - i);
        expect(r.eliminated).toHaveLength(i === rounds.length - 1 ? 0 : 1);
        const loser = r.tallies.find((t) => t.option === r.eliminated[0]);
        if (loser) expect(loser.votes).toBe(Math.min(...r.tallies.map((t) => t.votes)));
      });
      const last = rounds.at(-1)!;
      if (winner !== null) {
        expect(last.tallies[0]).toEqual({ option: winner, votes: expect.any(Number) });
        expect(last.tallies[0]!.votes).toBeGreaterThanOrEqual(last.majority);
        expect(tie).toBeNull();
      } else if (ballots.length > 0) {
        ties++;
        expect(tie).toEqual(last.tallies.map((t) => t.option));
        expect(new Set(last.tallies.map((t) => t.votes)).size).toBe(1);
      }
    }
    expect(ties).toBeGreaterThan(0);
  });

  it('does not depend on the order of the ballots', () => {
    for (const { options, ballots } of polls.slice(0, 100)) {
      expect(countRankedChoice(options, shuffled(rng, ballots))).toEqual(
        countRankedChoice(options, ballots),
      );
    }
  });
});
