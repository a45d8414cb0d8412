/**
 * Stances on a decision of a working group, in the consent-based style of many deliberative
 * bodies: members agree, abstain ("stand aside"), disagree, or block. A single block stops the
 * decision until it is resolved, however the other stances fall.
 */

/** The stances, in the order they are shown and counted. */
export const STANCES = ['agree', 'abstain', 'disagree', 'block'] as const;

export type Stance = (typeof STANCES)[number];

export interface StanceTally {
  /** Stances per kind, with keys in the order of `STANCES`. */
  readonly counts: Readonly<Record<Stance, number>>;
  readonly total: number;
  /** True when at least one member blocks. */
  readonly blocked: boolean;
}

/**
 * Counts the stances taken on a decision. Throws a RangeError for a value that is not a stance
 * (stored data that does not fit this model should not be counted silently).
 *
 * @example
 * tallyStances([{ stance: 'agree' }, { stance: 'agree' }, { stance: 'block' }]);
 * // { counts: { agree: 2, abstain: 0, disagree: 0, block: 1 }, total: 3, blocked: true }
 */
export function tallyStances(stances: readonly { readonly stance: Stance }[]): StanceTally {
  const counts: Record<Stance, number> = { agree: 0, abstain: 0, disagree: 0, block: 0 };
  for (const { stance } of stances) {
    if (!Object.hasOwn(counts, stance)) throw new RangeError(`"${stance}" is not a stance`);
    counts[stance]++;
  }
  return { counts, total: stances.length, blocked: counts.block > 0 };
}
