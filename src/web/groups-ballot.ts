/**
 * Ballots and results of a working group's polls: the ballot a ranked form gives, the choice a
 * refused ballot repeats (to say which), ordinals for "1st choice", and the ranked count as a
 * table of rounds.
 */

const ENGLISH_SUFFIX: Record<Intl.LDMLPluralRule, string> = {
  zero: 'th',
  one: 'st',
  two: 'nd',
  few: 'rd',
  many: 'th',
  other: 'th',
};
const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' });

/**
 * A rank as an ordinal number in the language: 1st, 2nd, 3rd, 11th in English; 1e, 2e in Dutch.
 *
 * @example
 * ordinal(22, 'en'); // '22nd'
 * ordinal(3, 'nl'); // '3e'
 */
export function ordinal(n: number, lang: string): string {
  if (lang.startsWith('nl')) return `${n}e`;
  return `${n}${ENGLISH_SUFFIX[englishOrdinals.select(n)]}`;
}

/**
 * The ballot of a ranked form with one choice per rank ('' for no choice): the options in rank
 * order, empty ranks left out. Repeats are kept: the server refuses them, and says so.
 *
 * @example
 * ballotFromChoices(['b', '', 'a', '']); // ['b', 'a']
 */
export function ballotFromChoices(choices: readonly string[]): string[] {
  return choices.filter((c) => c !== '');
}

/**
 * The ranked form's choices for a ballot already cast, one per option ('' beyond the ballot).
 *
 * @example
 * choicesFromBallot(['c', 'a'], 3); // ['c', 'a', '']
 */
export function choicesFromBallot(ballot: readonly string[], options: number): string[] {
  return Array.from({ length: options }, (_, i) => ballot[i] ?? '');
}

/**
 * The first option a ballot ranks twice, with both ranks (1-based), or null.
 *
 * @example
 * repeatedChoice(['a', 'b', 'a']); // { option: 'a', ranks: [1, 3] }
 */
export function repeatedChoice(
  ballot: readonly string[],
): { option: string; ranks: [number, number] } | null {
  const seen = new Map<string, number>();
  for (const [i, option] of ballot.entries()) {
    const first = seen.get(option);
    if (first !== undefined) return { option, ranks: [first + 1, i + 1] };
    seen.set(option, i);
  }
  return null;
}

/** One option's line in the table of a ranked count. */
export interface RoundRow {
  option: string;
  /** Its votes in each round, or null once it is out of the count. */
  votes: (number | null)[];
  /** The round (1-based) at the end of which it was eliminated, or null. */
  eliminatedIn: number | null;
}

/**
 * The rounds of a ranked count as one row per option (in the poll's order), with its votes in
 * each round; the option's votes are null in the rounds after it was eliminated.
 *
 * @example
 * rankedRoundRows(['a', 'b'], [
 *   { tallies: [{ option: 'a', votes: 2 }, { option: 'b', votes: 1 }], eliminated: ['b'] },
 *   { tallies: [{ option: 'a', votes: 3 }], eliminated: [] },
 * ]);
 * // [{ option: 'a', votes: [2, 3], eliminatedIn: null },
 * //  { option: 'b', votes: [1, null], eliminatedIn: 1 }]
 */
export function rankedRoundRows(
  options: readonly string[],
  rounds: readonly {
    tallies: readonly { option: string; votes: number }[];
    eliminated: readonly string[];
  }[],
): RoundRow[] {
  return options.map((option) => {
    const index = rounds.findIndex((r) => r.eliminated.includes(option));
    return {
      option,
      votes: rounds.map((r) => r.tallies.find((t) => t.option === option)?.votes ?? null),
      eliminatedIn: index === -1 ? null : index + 1,
    };
  });
}
