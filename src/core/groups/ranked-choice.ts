/**
 * Ranked-choice polls of a working group, counted by instant-runoff voting (IRV, the "alternative
 * vote"): every round counts each ballot for its highest-ranked option still in the count; an
 * option with more than half of the ballots that still count wins, otherwise the weakest option
 * is eliminated and its ballots move on to their next choice. The count is returned round by
 * round so a group can see how the result came about.
 *
 * Ties for last place are broken by looking back (the "backwards" tie-break that many public
 * election counting rules use): the option that had fewer votes in the previous round is
 * eliminated, and if they were equal there too, the round before that, and so on; options still
 * tied in every earlier round are split by the order of the poll's options, the one listed later
 * going first. Elimination is one option per round.
 */

/** A problem with one ballot; `ranks` are 1-based positions on the ballot. */
export type BallotProblem =
  | { readonly kind: 'empty'; readonly message: string }
  | {
      readonly kind: 'unknown_option';
      readonly option: string;
      readonly rank: number;
      readonly message: string;
    }
  | {
      readonly kind: 'repeated_option';
      readonly option: string;
      readonly ranks: readonly [number, number];
      readonly message: string;
    };

/** A ballot that cannot be counted; `ballot` is its 0-based index when it came from a count. */
export class BallotError extends Error {
  override name = 'BallotError';
  constructor(
    readonly problem: BallotProblem,
    readonly ballot: number | null = null,
  ) {
    super(ballot === null ? problem.message : `ballot ${ballot + 1}: ${problem.message}`);
  }
}

/** One round of the count. */
export interface Round {
  /** Every option still in the count, by votes (most first), then in the poll's option order. */
  readonly tallies: readonly { readonly option: string; readonly votes: number }[];
  /** Ballots that rank no option still in the count. */
  readonly exhausted: number;
  /** The options eliminated at the end of this round (none in the last round). */
  readonly eliminated: readonly string[];
  /** Votes needed to win this round: more than half of the ballots that are not exhausted. */
  readonly majority: number;
}

export interface RankedChoiceResult {
  readonly rounds: readonly Round[];
  /** The option with a majority in the last round, or null (no ballots, or a tie). */
  readonly winner: string | null;
  /** When every option left has the same number of votes: those options, in option order. */
  readonly tie: readonly string[] | null;
}

/**
 * Checks one ballot, an ordered list of option ids (first choice first): it must rank at least
 * one option, only options of the poll, and each at most once. Returns the first problem found,
 * or null for a valid ballot. Ranking only some of the options is allowed.
 *
 * @example
 * validateBallot(['b', 'a'], ['a', 'b', 'c']); // null
 * validateBallot(['a', 'b', 'a'], ['a', 'b']);
 * // { kind: 'repeated_option', option: 'a', ranks: [1, 3], message: 'option "a" is ranked 1st and 3rd' }
 */
export function validateBallot(
  ranking: readonly string[],
  options: readonly string[],
): BallotProblem | null {
  if (ranking.length === 0) return { kind: 'empty', message: 'the ballot ranks no option' };
  const known = new Set(options);
  const seen = new Map<string, number>();
  for (const [i, option] of ranking.entries()) {
    const rank = i + 1;
    if (!known.has(option))
      return {
        kind: 'unknown_option',
        option,
        rank,
        message: `the ${ordinal(rank)} choice "${option}" is not an option of this poll`,
      };
    const before = seen.get(option);
    if (before !== undefined)
      return {
        kind: 'repeated_option',
        option,
        ranks: [before, rank],
        message: `option "${option}" is ranked ${ordinal(before)} and ${ordinal(rank)}`,
      };
    seen.set(option, rank);
  }
  return null;
}

/**
 * Counts a ranked-choice poll by instant-runoff voting, round by round.
 *
 * Each round counts every ballot for its highest-ranked option still in the count (a ballot
 * ranking none of them is exhausted). An option with more than half of the ballots that are not
 * exhausted wins. Otherwise the option with the fewest votes is eliminated; a tie for fewest is
 * broken by the votes those options had in the previous round, then the round before that, and
 * so on back to round 1, and if they were tied in every round, the option listed **later** in
 * `options` is eliminated. When all options left have the same number of votes (say two options
 * with 5 votes each) the count stops with `winner: null` and `tie` listing them. With no ballots
 * there is one round of zeros and no winner.
 *
 * Throws a `BallotError` (with the ballot's index) for an invalid ballot, and a RangeError when
 * `options` repeats an id.
 *
 * @example
 * countRankedChoice(['a', 'b', 'c'], [['a'], ['b', 'a'], ['c', 'b'], ['a', 'c'], ['c', 'b']]);
 * // round 1: a 2, c 2, b 1 → b eliminated; round 2: a 3, c 2 → winner 'a'
 */
export function countRankedChoice(
  options: readonly string[],
  ballots: readonly (readonly string[])[],
): RankedChoiceResult {
  if (new Set(options).size !== options.length)
    throw new RangeError('the options of a poll must be distinct');
  ballots.forEach((ballot, i) => {
    const problem = validateBallot(ballot, options);
    if (problem) throw new BallotError(problem, i);
  });

  const order = new Map(options.map((option, i) => [option, i]));
  const continuing = new Set(options);
  // Votes of each option in every round so far, for the backwards tie-break.
  const history: Map<string, number>[] = [];
  const rounds: Round[] = [];

  for (;;) {
    const votes = new Map<string, number>([...continuing].map((option) => [option, 0]));
    let exhausted = 0;
    for (const ballot of ballots) {
      const choice = ballot.find((option) => continuing.has(option));
      if (choice === undefined) exhausted++;
      else votes.set(choice, votes.get(choice)! + 1);
    }
    const tallies = [...votes]
      .map(([option, n]) => ({ option, votes: n }))
      .sort((a, b) => b.votes - a.votes || order.get(a.option)! - order.get(b.option)!);
    const active = ballots.length - exhausted;
    const majority = Math.floor(active / 2) + 1;
    const round = (eliminated: string[]): Round => ({ tallies, exhausted, eliminated, majority });

    const top = tallies[0];
    if (top === undefined || active === 0) {
      rounds.push(round([]));
      return { rounds, winner: null, tie: null };
    }
    if (top.votes >= majority) {
      rounds.push(round([]));
      return { rounds, winner: top.option, tie: null };
    }
    const fewest = tallies.at(-1)!.votes;
    // Several options left, no majority, and equal votes for all (tallies are then in option
    // order): a tie that no elimination can resolve fairly.
    if (top.votes === fewest) {
      rounds.push(round([]));
      return { rounds, winner: null, tie: tallies.map((t) => t.option) };
    }
    const loser = breakTie(
      tallies.filter((t) => t.votes === fewest).map((t) => t.option),
      history,
      order,
    );
    rounds.push(round([loser]));
    history.push(votes);
    continuing.delete(loser);
  }
}

/** Of the options tied for fewest votes, the one to eliminate (see the module comment). */
function breakTie(
  tied: readonly string[],
  history: readonly Map<string, number>[],
  order: ReadonlyMap<string, number>,
): string {
  let candidates = tied;
  for (let r = history.length - 1; r >= 0 && candidates.length > 1; r--) {
    const earlier = history[r]!;
    const least = Math.min(...candidates.map((option) => earlier.get(option)!));
    candidates = candidates.filter((option) => earlier.get(option) === least);
  }
  return [...candidates].sort((a, b) => order.get(a)! - order.get(b)!).at(-1)!;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
