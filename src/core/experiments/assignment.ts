/**
 * Seeded, reproducible random assignment of units (municipalities, schools, teams) to the arms
 * of an experiment: simple randomisation, permuted blocks, and permuted blocks within strata
 * (Zelen 1974; Matts & Lachin 1988; Rosenberger & Lachin, "Randomization in Clinical Trials",
 * 2nd ed. 2016, ch. 3 and 7). The result records what CONSORT 2010 items 8a–8b ask a report to
 * state: the method, the seed, the ratio, the block size and the stratification factors.
 *
 * Reproducibility: the only source of randomness is the seeded generator of
 * `../network/prng.ts` (32-bit integer arithmetic with `Math.imul` and `>>>`, exact in every
 * JavaScript engine), so the same input and seed give the same allocation list everywhere and
 * at any time. No `Math.random`, no clock, no locale-dependent sorting.
 *
 * Order matters: the generator is consumed unit by unit in the order the units are given, for
 * every method (permuted blocks are filled in that order, and simple randomisation draws the
 * units' numbers in that order). Keep the units in a stored, stable order (e.g. by enrolment) to
 * reproduce a list. Appending units never changes the allocations of the units before them, so
 * late enrolments can be added by re-running with the longer list and the same seed.
 */

import { toCsv } from '../csv.ts';
import { createRng, randomInt, shuffleInPlace, type Rng } from '../network/prng.ts';

/** How the units are randomised. */
export type AssignmentMethod = 'simple' | 'block' | 'stratified';

const METHODS: readonly AssignmentMethod[] = ['simple', 'block', 'stratified'];

/** The largest block size accepted: far beyond any design, and it keeps a block small. */
export const MAX_BLOCK_SIZE = 10_000;
/** The largest sum of the allocation ratio accepted (the default block is twice the sum). */
export const MAX_RATIO_SUM = 1_000;

/** A unit to assign, with its stratification factors (e.g. `{ region: 'north' }`). */
export interface AssignmentUnit {
  readonly id: string;
  readonly strata?: Readonly<Record<string, string>>;
}

export interface AssignmentInput {
  /** The units, in a stable order (see the module comment): ids non-empty and unique. */
  readonly units: readonly AssignmentUnit[];
  /** Two or more distinct, non-empty arm names, e.g. `['control', 'treatment']`. */
  readonly arms: readonly string[];
  /** Allocation ratio, one positive integer per arm (default 1 for each): `[2, 1]` is 2:1. */
  readonly ratio?: readonly number[];
  /** A safe integer; the same seed gives the same allocation. */
  readonly seed: number;
  readonly method: AssignmentMethod;
  /**
   * For `block` and `stratified` only: units per block, a positive multiple of the sum of the
   * ratio (default twice the sum, e.g. 4 for 1:1 and 6 for 2:1).
   */
  readonly blockSize?: number;
  /**
   * For `stratified` only: the strata keys to stratify by, in the order the stratum labels list
   * them (default every key any unit has, in code-unit order). Every unit must have each.
   */
  readonly strataKeys?: readonly string[];
}

/** One unit's allocation. */
export interface Allocation {
  readonly id: string;
  readonly arm: string;
  /** Its stratum's label, e.g. `region=north; size=small` (`stratified` only, else null). */
  readonly stratum: string | null;
  /** Its block, numbered from 1 within its list (null for `simple`). */
  readonly block: number | null;
  /**
   * Its position, from 1, in its randomisation list: the stratum's own list for `stratified`,
   * the one list of all units otherwise.
   */
  readonly sequence: number;
}

export interface AssignmentResult {
  readonly method: AssignmentMethod;
  readonly seed: number;
  readonly arms: readonly string[];
  readonly ratio: readonly number[];
  /** For `block` and `stratified`. */
  readonly blockSize?: number;
  /** For `stratified`: the keys the strata are formed from, in label order. */
  readonly strataKeys?: readonly string[];
  /** One per unit, in the units' order. */
  readonly allocations: readonly Allocation[];
  /** Units per arm (every arm present, possibly 0). */
  readonly counts: Readonly<Record<string, number>>;
  /** Units per arm in each stratum, strata in order of first appearance (empty unless stratified). */
  readonly countsByStratum: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

const UINT32 = 4294967296;

/**
 * The generator for a safe-integer seed. The generator has 2^32 streams: seeds from 0 to
 * 2^32 − 1 each get their own (the same stream as `createRng(seed)`); the high part of larger or
 * negative seeds is mixed in with a golden-ratio multiplier, so `seed` and `seed + 2^32` differ.
 */
function rngForSeed(seed: number): Rng {
  // Exact for safe integers: division by a power of two and integer products below 2^53.
  const hi = Math.floor(seed / UINT32);
  const lo = seed - hi * UINT32;
  return createRng((lo ^ Math.imul(hi, 0x9e3779b9)) >>> 0);
}

/** A key or value in a stratum label, with `\`, `=` and `;` escaped so labels are unambiguous. */
function escapeLabelPart(s: string): string {
  return s.replace(/[\\=;]/g, (c) => `\\${c}`);
}

function isPositiveInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
}

function validateUnits(units: readonly AssignmentUnit[]): void {
  if (!Array.isArray(units) || units.length < 1) {
    throw new RangeError(`units must hold at least 1 unit, got ${units?.length ?? units}`);
  }
  const seen = new Map<string, number>();
  units.forEach((u, i) => {
    if (typeof u?.id !== 'string' || u.id === '') {
      throw new RangeError(
        `units[${i}].id must be a non-empty string, got ${JSON.stringify(u?.id)}`,
      );
    }
    const first = seen.get(u.id);
    if (first !== undefined) {
      throw new RangeError(`units[${i}].id ${JSON.stringify(u.id)} repeats units[${first}].id`);
    }
    seen.set(u.id, i);
  });
}

function validateArms(arms: readonly string[]): void {
  if (!Array.isArray(arms) || arms.length < 2) {
    throw new RangeError(`arms must name at least 2 arms, got ${arms?.length ?? arms}`);
  }
  const seen = new Set<string>();
  arms.forEach((arm, i) => {
    if (typeof arm !== 'string' || arm === '') {
      throw new RangeError(`arms[${i}] must be a non-empty string, got ${JSON.stringify(arm)}`);
    }
    if (seen.has(arm))
      throw new RangeError(`arms must be distinct: ${JSON.stringify(arm)} repeats`);
    seen.add(arm);
  });
}

function validateRatio(ratio: readonly number[], arms: number): void {
  if (!Array.isArray(ratio) || ratio.length !== arms) {
    throw new RangeError(
      `ratio must have one part per arm (${arms}), got ${ratio?.length ?? ratio}`,
    );
  }
  ratio.forEach((r, i) => {
    if (!isPositiveInteger(r)) {
      throw new RangeError(`ratio[${i}] must be a positive integer, got ${r}`);
    }
  });
  const sum = ratio.reduce((a, b) => a + b, 0);
  if (sum > MAX_RATIO_SUM) {
    throw new RangeError(`ratio must add up to at most ${MAX_RATIO_SUM}, got ${sum}`);
  }
}

/**
 * The strata keys for stratified assignment: the given ones, or every key any unit has (sorted
 * by UTF-16 code units, which unlike `localeCompare` is the same everywhere). Every unit must
 * have a string value for each.
 */
function strataKeysOf(units: readonly AssignmentUnit[], given?: readonly string[]): string[] {
  let keys: string[];
  if (given !== undefined) {
    if (!Array.isArray(given) || given.length < 1) {
      throw new RangeError('strataKeys must name at least 1 key');
    }
    given.forEach((k, i) => {
      if (typeof k !== 'string' || k === '') {
        throw new RangeError(
          `strataKeys[${i}] must be a non-empty string, got ${JSON.stringify(k)}`,
        );
      }
    });
    if (new Set(given).size !== given.length) throw new RangeError('strataKeys must be distinct');
    keys = [...given];
  } else {
    const all = new Set<string>();
    for (const u of units) for (const k of Object.keys(u.strata ?? {})) all.add(k);
    if (all.size === 0) {
      throw new RangeError('units must carry strata for stratified assignment; none has any');
    }
    keys = [...all].sort();
  }
  units.forEach((u, i) => {
    for (const k of keys) {
      const value = u.strata !== undefined && Object.hasOwn(u.strata, k) ? u.strata[k] : undefined;
      if (value === undefined) {
        throw new RangeError(
          `units[${i}].strata lacks the stratum key ${JSON.stringify(k)}` +
            (given === undefined ? ', which other units have' : ''),
        );
      }
      if (typeof value !== 'string') {
        throw new RangeError(`units[${i}].strata.${k} must be a string, got ${typeof value}`);
      }
    }
  });
  return keys;
}

/** A permuted-block list (the whole trial's, or one stratum's), filled as units arrive. */
interface BlockList {
  block: number;
  position: number;
  current: Int32Array;
  sequence: number;
}

/**
 * Randomly assigns units to arms, reproducibly for a seed.
 *
 * - `simple`: each unit independently, arm i with probability ratio[i] / sum(ratio); the group
 *   sizes vary (binomially).
 * - `block`: permuted blocks (Matts & Lachin 1988): every block of `blockSize` units is a
 *   uniformly random arrangement of the arms, arm i appearing ratio[i] × blockSize / sum(ratio)
 *   times; units fill the blocks in the given order and only the last block may be incomplete.
 * - `stratified`: permuted blocks within each stratum (the combination of the units' values
 *   for the strata keys, e.g. region × size), each stratum with its own list of blocks.
 *
 * Guarantee for `block` (over all units) and `stratified` (within every stratum): with
 * m = blockSize / sum(ratio), every complete block holds exactly ratio[i] × m units of arm i,
 * and at most one block per list is incomplete, so each count is nᵢ = q·ratio[i]·m + cᵢ with
 * 0 ≤ cᵢ ≤ ratio[i]·m. Hence |nᵢ/ratio[i] − nⱼ/ratio[j]| ≤ m for any two arms: for 1:1 and
 * the default block of 4, the arms differ by at most 2 units in every stratum. Across strata
 * the imbalances can add up (at most m per stratum).
 *
 * @example
 * const result = assignArms({
 *   units: [{ id: 'Utrecht' }, { id: 'Gent' }, { id: 'Aarhus' }, { id: 'Graz' }],
 *   arms: ['control', 'treatment'],
 *   seed: 20240917,
 *   method: 'block',
 * });
 * result.counts; // { control: 2, treatment: 2 }: one complete block of 4
 * result.allocations[0]; // { id: 'Utrecht', arm: 'control', stratum: null, block: 1, sequence: 1 }
 */
export function assignArms(input: AssignmentInput): AssignmentResult {
  const { units, arms, seed, method } = input;
  validateUnits(units);
  validateArms(arms);
  const ratio = input.ratio === undefined ? arms.map(() => 1) : input.ratio;
  validateRatio(ratio, arms.length);
  if (!METHODS.includes(method)) {
    throw new RangeError(`method must be one of ${METHODS.join(', ')}, got ${String(method)}`);
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${String(seed)}`);
  }
  const ratioSum = ratio.reduce((a, b) => a + b, 0);

  let blockSize: number | undefined;
  if (method === 'simple') {
    if (input.blockSize !== undefined) {
      throw new RangeError('blockSize applies to block and stratified assignment, not simple');
    }
  } else {
    blockSize = input.blockSize ?? ratioSum * 2;
    if (!isPositiveInteger(blockSize) || blockSize % ratioSum !== 0) {
      throw new RangeError(
        `blockSize must be a positive multiple of the ratio's sum (${ratioSum}), got ${blockSize}`,
      );
    }
    if (blockSize > MAX_BLOCK_SIZE) {
      throw new RangeError(`blockSize must be at most ${MAX_BLOCK_SIZE}, got ${blockSize}`);
    }
  }
  let strataKeys: string[] | undefined;
  if (method === 'stratified') strataKeys = strataKeysOf(units, input.strataKeys);
  else if (input.strataKeys !== undefined) {
    throw new RangeError('strataKeys applies to stratified assignment only');
  }

  const rng = rngForSeed(seed);
  const counts = arms.map(() => 0);
  const byStratum = new Map<string, number[]>();
  const allocations: Allocation[] = [];

  if (method === 'simple') {
    // Arm i takes the integers [cumulative[i − 1], cumulative[i]) of [0, sum(ratio)).
    const cumulative: number[] = [];
    ratio.reduce((acc, r) => (cumulative.push(acc + r), acc + r), 0);
    units.forEach((u, i) => {
      const draw = randomInt(rng, ratioSum);
      const arm = cumulative.findIndex((c) => draw < c);
      counts[arm]!++;
      allocations.push({ id: u.id, arm: arms[arm]!, stratum: null, block: null, sequence: i + 1 });
    });
  } else {
    // One block's arms in a fixed order; each new block is a Fisher–Yates shuffle of it, so
    // every arrangement of the multiset is equally likely.
    const perRatio = blockSize! / ratioSum;
    const template = new Int32Array(blockSize!);
    let at = 0;
    ratio.forEach((r, arm) => {
      template.fill(arm, at, at + r * perRatio);
      at += r * perRatio;
    });
    const lists = new Map<string, BlockList>();
    for (const u of units) {
      const stratum =
        strataKeys === undefined
          ? null
          : strataKeys
              .map((k) => `${escapeLabelPart(k)}=${escapeLabelPart(u.strata![k]!)}`)
              .join('; ');
      const key = stratum ?? '';
      let list = lists.get(key);
      if (list === undefined) {
        list = { block: 0, position: blockSize!, current: template, sequence: 0 };
        lists.set(key, list);
      }
      if (list.position === blockSize) {
        list.current = shuffleInPlace(rng, template.slice());
        list.block++;
        list.position = 0;
      }
      const arm = list.current[list.position++]!;
      list.sequence++;
      counts[arm]!++;
      if (stratum !== null) {
        const c = byStratum.get(stratum) ?? arms.map(() => 0);
        c[arm]!++;
        byStratum.set(stratum, c);
      }
      allocations.push({
        id: u.id,
        arm: arms[arm]!,
        stratum,
        block: list.block,
        sequence: list.sequence,
      });
    }
  }

  // Object.fromEntries defines own properties, so an arm named "__proto__" is counted safely.
  const perArm = (c: readonly number[]) => Object.fromEntries(arms.map((a, i) => [a, c[i]!]));
  return {
    method,
    seed,
    arms: [...arms],
    ratio: [...ratio],
    ...(blockSize === undefined ? {} : { blockSize }),
    ...(strataKeys === undefined ? {} : { strataKeys }),
    allocations,
    counts: perArm(counts),
    countsByStratum: Object.fromEntries([...byStratum].map(([s, c]) => [s, perArm(c)])),
  };
}

/** The columns of {@link allocationCsv}. */
export const ALLOCATION_CSV_HEADER = ['unit_id', 'arm', 'stratum', 'block', 'sequence'] as const;

/**
 * The allocation list as RFC 4180 CSV (via `toCsv`): a header row, then one row per unit in
 * the units' order; stratum and block are empty cells where they do not apply.
 *
 * @example
 * allocationCsv(assignArms({ units: [{ id: 'a' }], arms: ['control', 'treatment'], seed: 1, method: 'block' }));
 * // 'unit_id,arm,stratum,block,sequence\r\na,treatment,,1,1\r\n'
 */
export function allocationCsv(result: AssignmentResult): string {
  return toCsv(
    ALLOCATION_CSV_HEADER,
    result.allocations.map((a) => [a.id, a.arm, a.stratum, a.block, a.sequence]),
  );
}
