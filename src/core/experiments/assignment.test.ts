import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocationCsv,
  assignArms,
  type AssignmentInput,
  type AssignmentResult,
  type AssignmentUnit,
} from './assignment.ts';

const ids = (n: number, prefix = 'u'): AssignmentUnit[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));

const twoArms = ['control', 'treatment'];

/** Groups items by key, keys in order of first appearance (Map.groupBy is not in Node 20). */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Checks the permuted-block guarantee on a block or stratified result: within each list (the
 * whole trial, or one stratum), units are numbered 1, 2, … in order, unit k sits in block
 * ⌈k / blockSize⌉ (so only the last block can be incomplete), and every complete block holds
 * arm i exactly ratio[i] × blockSize / sum(ratio) times; an incomplete block holds no more.
 */
function expectExactBlocks(result: AssignmentResult): void {
  const blockSize = result.blockSize!;
  const m = blockSize / result.ratio.reduce((a, b) => a + b, 0);
  const lists = groupBy(result.allocations, (a) => a.stratum ?? '');
  for (const list of lists.values()) {
    list.forEach((a, k) => {
      expect(a.sequence).toBe(k + 1);
      expect(a.block).toBe(Math.ceil((k + 1) / blockSize));
    });
    for (const block of groupBy(list, (a) => a.block!).values()) {
      const perArm = result.arms.map((arm) => block.filter((a) => a.arm === arm).length);
      const expected = result.ratio.map((r) => r * m);
      if (block.length === blockSize) expect(perArm).toEqual(expected);
      else perArm.forEach((c, i) => expect(c).toBeLessThanOrEqual(expected[i]!));
    }
  }
}

describe('assignArms: reproducibility', () => {
  const units = Array.from({ length: 10 }, (_, i) => ({
    id: `u${i}`,
    strata: { region: i % 3 === 0 ? 'north' : 'south' },
  }));
  const code = (r: AssignmentResult) =>
    r.allocations.map((a) => `${a.arm[0]}${a.block ?? ''}.${a.sequence}`).join(' ');

  it.each(['simple', 'block', 'stratified'] as const)(
    'gives identical output for the same input and seed (%s)',
    (method) => {
      const withStrata = ids(200).map((u, i) => ({ ...u, strata: { region: `r${i % 3}` } }));
      const input: AssignmentInput = { units: withStrata, arms: twoArms, seed: 7, method };
      expect(assignArms(input)).toEqual(assignArms(structuredClone(input)));
    },
  );

  it.each(['simple', 'block', 'stratified'] as const)(
    'gives a different allocation for another seed (%s)',
    (method) => {
      const units40 = ids(40).map((u, i) => ({
        ...u,
        strata: { size: i % 2 ? 'small' : 'large' },
      }));
      const arms = (seed: number) =>
        assignArms({ units: units40, arms: twoArms, seed, method }).allocations.map((a) => a.arm);
      expect(arms(1)).not.toEqual(arms(2));
    },
  );

  // A registered seed must keep giving the list it gave when the experiment was registered, in
  // every engine and every later version: these lists are pinned.
  it('keeps the pinned allocation lists for seed 42', () => {
    const at = (method: AssignmentInput['method']) =>
      code(assignArms({ units, arms: twoArms, seed: 42, method }));
    expect(at('simple')).toBe('t.1 c.2 t.3 t.4 c.5 t.6 c.7 t.8 t.9 c.10');
    expect(at('block')).toBe('c1.1 t1.2 c1.3 t1.4 t2.5 c2.6 c2.7 t2.8 c3.9 t3.10');
    // North is u0, u3, u6, u9; south the rest; each with its own blocks and sequence.
    expect(at('stratified')).toBe('c1.1 t1.1 c1.2 t1.2 c1.3 t1.4 c1.3 c2.5 t2.6 t1.4');
    const unequal = assignArms({
      units,
      arms: ['A', 'B'],
      ratio: [2, 1],
      seed: -7,
      method: 'block',
      blockSize: 3,
    });
    expect(unequal.allocations.map((a) => a.arm).join('')).toBe('AABAABABAA');
  });

  it('uses the whole safe-integer seed, not only its low 32 bits', () => {
    const arms = (seed: number) =>
      assignArms({ units: ids(40), arms: twoArms, seed, method: 'simple' }).allocations.map(
        (a) => a.arm,
      );
    expect(arms(1)).not.toEqual(arms(1 + 2 ** 32));
    expect(arms(-1)).not.toEqual(arms(2 ** 32 - 1));
    expect(arms(Number.MAX_SAFE_INTEGER)).toEqual(arms(Number.MAX_SAFE_INTEGER));
  });

  it('keeps earlier allocations when units are appended (late enrolment)', () => {
    const withStrata = ids(60).map((u, i) => ({ ...u, strata: { region: `r${i % 4}` } }));
    for (const method of ['simple', 'block', 'stratified'] as const) {
      const short = assignArms({ units: withStrata.slice(0, 37), arms: twoArms, seed: 5, method });
      const long = assignArms({ units: withStrata, arms: twoArms, seed: 5, method });
      expect(long.allocations.slice(0, 37)).toEqual(short.allocations);
    }
  });

  it('depends on the order of the units for block randomisation', () => {
    const units20 = ids(20);
    const forward = assignArms({ units: units20, arms: twoArms, seed: 3, method: 'block' });
    const backward = assignArms({
      units: [...units20].reverse(),
      arms: twoArms,
      seed: 3,
      method: 'block',
    });
    const armOf = (r: AssignmentResult) => new Map(r.allocations.map((a) => [a.id, a.arm]));
    // The same sequence of arms, handed to the units in the other order.
    expect(backward.allocations.map((a) => a.arm)).toEqual(forward.allocations.map((a) => a.arm));
    expect(armOf(backward)).not.toEqual(armOf(forward));
  });
});

describe('assignArms: permuted blocks', () => {
  it('fills every complete block with each arm equally often (1:1, default block of 4)', () => {
    const r = assignArms({ units: ids(103), arms: twoArms, seed: 11, method: 'block' });
    expect(r.blockSize).toBe(4);
    expectExactBlocks(r);
    // 25 complete blocks and an incomplete 26th of 3 units.
    expect(r.allocations.at(-1)!.block).toBe(26);
    expect(Math.abs(r.counts.control! - r.counts.treatment!)).toBeLessThanOrEqual(2);
    expect(r.counts.control! + r.counts.treatment!).toBe(103);
    expect(r.allocations.every((a) => a.stratum === null)).toBe(true);
    expect(r.countsByStratum).toEqual({});
  });

  it('holds 2:1 exactly in every complete block (default block of 6, and blocks of 3 and 12)', () => {
    for (const blockSize of [undefined, 3, 12]) {
      const r = assignArms({
        units: ids(120),
        arms: ['treatment', 'control'],
        ratio: [2, 1],
        seed: 99,
        method: 'block',
        blockSize,
      });
      expect(r.blockSize).toBe(blockSize ?? 6);
      expectExactBlocks(r);
      expect(r.counts).toEqual({ treatment: 80, control: 40 });
    }
  });

  it('handles three arms with ratio 1:2:3', () => {
    const r = assignArms({
      units: ids(200),
      arms: ['a', 'b', 'c'],
      ratio: [1, 2, 3],
      seed: 4,
      method: 'block',
      blockSize: 6,
    });
    expectExactBlocks(r);
  });

  it('draws each arrangement of a block equally often', () => {
    // A block of 4 with 1:1 has 6 arrangements; over 6000 blocks each should appear about
    // 1000 times (binomial sd ≈ 29; 150 is over 5 sd).
    const r = assignArms({ units: ids(24_000), arms: ['A', 'B'], seed: 2024, method: 'block' });
    const tally = new Map<string, number>();
    for (let i = 0; i < r.allocations.length; i += 4) {
      const pattern = r.allocations
        .slice(i, i + 4)
        .map((a) => a.arm)
        .join('');
      tally.set(pattern, (tally.get(pattern) ?? 0) + 1);
    }
    expect([...tally.keys()].sort()).toEqual(['AABB', 'ABAB', 'ABBA', 'BAAB', 'BABA', 'BBAA']);
    for (const n of tally.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe('assignArms: stratified', () => {
  const regions = ['north', 'south', 'east'];
  const sizes = ['small', 'large'];
  // Uneven strata, interleaved, so every stratum ends with an incomplete block of some length.
  const units: AssignmentUnit[] = Array.from({ length: 301 }, (_, i) => ({
    id: `m${i}`,
    strata: { size: sizes[i % 2]!, region: regions[(i % 7) % 3]! },
  }));

  it('balances the arms within every stratum (region × size)', () => {
    const r = assignArms({ units, arms: twoArms, seed: 8, method: 'stratified' });
    expect(r.strataKeys).toEqual(['region', 'size']);
    expectExactBlocks(r);
    const strata = Object.keys(r.countsByStratum);
    expect(strata).toHaveLength(6);
    for (const s of strata) expect(s).toMatch(/^region=(north|south|east); size=(small|large)$/);
    // The guarantee: |n_control − n_treatment| ≤ blockSize / sum(ratio) = 2 in every stratum.
    for (const c of Object.values(r.countsByStratum)) {
      expect(Math.abs(c.control! - c.treatment!)).toBeLessThanOrEqual(2);
    }
    const total = Object.values(r.countsByStratum).reduce(
      (n, c) => n + c.control! + c.treatment!,
      0,
    );
    expect(total).toBe(301);
  });

  it('holds |nᵢ/ratioᵢ − nⱼ/ratioⱼ| ≤ blockSize / sum(ratio) in every stratum for 2:1', () => {
    for (const blockSize of [3, 6, 9]) {
      const r = assignArms({
        units,
        arms: ['treatment', 'control'],
        ratio: [2, 1],
        seed: 123,
        method: 'stratified',
        blockSize,
      });
      expectExactBlocks(r);
      for (const c of Object.values(r.countsByStratum)) {
        expect(Math.abs(c.treatment! / 2 - c.control!)).toBeLessThanOrEqual(blockSize / 3);
      }
    }
  });

  it('numbers blocks and sequence within each stratum', () => {
    const r = assignArms({
      units: [
        { id: 'a', strata: { region: 'north' } },
        { id: 'b', strata: { region: 'south' } },
        { id: 'c', strata: { region: 'north' } },
      ],
      arms: twoArms,
      seed: 1,
      method: 'stratified',
      blockSize: 2,
    });
    expect(r.allocations.map((a) => [a.stratum, a.block, a.sequence])).toEqual([
      ['region=north', 1, 1],
      ['region=south', 1, 1],
      ['region=north', 1, 2],
    ]);
    expect(r.allocations[0]!.arm).not.toBe(r.allocations[2]!.arm);
  });

  it('stratifies by the given strataKeys only, in their order', () => {
    const r = assignArms({
      units: units.map((u) => ({ ...u, strata: { ...u.strata, note: u.id } })),
      arms: twoArms,
      seed: 8,
      method: 'stratified',
      strataKeys: ['size', 'region'],
    });
    expect(r.strataKeys).toEqual(['size', 'region']);
    expect(Object.keys(r.countsByStratum).sort()).toEqual(
      sizes.flatMap((s) => regions.map((g) => `size=${s}; region=${g}`)).sort(),
    );
  });

  it('escapes "\\", "=" and ";" so distinct strata never share a label', () => {
    const r = assignArms({
      units: [
        { id: 'a', strata: { a: 'x; b=y', b: 'z' } },
        { id: 'b', strata: { a: 'x', b: 'y; b=z' } },
      ],
      arms: twoArms,
      seed: 1,
      method: 'stratified',
    });
    expect(r.allocations.map((a) => a.stratum)).toEqual(['a=x\\; b\\=y; b=z', 'a=x; b=y\\; b\\=z']);
  });
});

describe('assignArms: simple randomisation', () => {
  it('approaches 1:1 over 10 000 units (within 2 %), with varying group sizes', () => {
    const sizes = [1, 2, 3, 4, 5].map((seed) => {
      const r = assignArms({ units: ids(10_000), arms: twoArms, seed, method: 'simple' });
      expect(Math.abs(r.counts.control! / 10_000 - 0.5)).toBeLessThan(0.02);
      expect(r.allocations.every((a) => a.block === null && a.stratum === null)).toBe(true);
      return r.counts.control;
    });
    expect(new Set(sizes).size).toBeGreaterThan(1);
  });

  it('approaches an unequal ratio 2:1 over 10 000 units (within 2 %)', () => {
    const r = assignArms({
      units: ids(10_000),
      arms: ['treatment', 'control'],
      ratio: [2, 1],
      seed: 77,
      method: 'simple',
    });
    expect(Math.abs(r.counts.treatment! / 10_000 - 2 / 3)).toBeLessThan(0.02);
    expect(r.counts.treatment! + r.counts.control!).toBe(10_000);
    expect(r.blockSize).toBeUndefined();
    expect(r.allocations.map((a) => a.sequence)).toEqual(r.allocations.map((_, i) => i + 1));
  });

  it('approaches 1:2:1 over three arms', () => {
    const r = assignArms({
      units: ids(10_000),
      arms: ['a', 'b', 'c'],
      ratio: [1, 2, 1],
      seed: 9,
      method: 'simple',
    });
    expect(Math.abs(r.counts.a! / 10_000 - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(r.counts.b! / 10_000 - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(r.counts.c! / 10_000 - 0.25)).toBeLessThan(0.02);
  });

  it('counts an arm named like an Object.prototype property', () => {
    const r = assignArms({
      units: ids(50),
      arms: ['__proto__', 'constructor'],
      seed: 1,
      method: 'simple',
    });
    expect(Object.keys(r.counts)).toEqual(['__proto__', 'constructor']);
    expect(r.counts['__proto__']! + r.counts['constructor']!).toBe(50);
  });
});

describe('allocationCsv', () => {
  it('writes a header row and one row per unit, with empty cells for null', () => {
    const csv = allocationCsv(
      assignArms({ units: [{ id: 'a' }], arms: twoArms, seed: 1, method: 'block' }),
    );
    expect(csv).toBe('unit_id,arm,stratum,block,sequence\r\na,treatment,,1,1\r\n');
    const simple = allocationCsv(
      assignArms({ units: ids(3), arms: twoArms, seed: 1, method: 'simple' }),
    );
    const rows = simple.split('\r\n');
    expect(rows[0]).toBe('unit_id,arm,stratum,block,sequence');
    expect(rows.slice(1, 4).every((row) => /^u\d,(control|treatment),,,\d$/.test(row))).toBe(true);
    expect(rows).toHaveLength(5); // the final CRLF leaves an empty last piece
  });

  it('quotes ids, arms and strata that need it, and defuses formulas', () => {
    const r = assignArms({
      units: [
        { id: 'Rotterdam, Zuid', strata: { region: 'the "west"' } },
        { id: '=HYPERLINK("x")', strata: { region: 'the "west"' } },
      ],
      arms: ['control', 'new, improved'],
      seed: 1,
      method: 'stratified',
      blockSize: 2,
    });
    const lines = allocationCsv(r).split('\r\n');
    expect(lines[1]).toMatch(
      /^"Rotterdam, Zuid",(control|"new, improved"),"region=the ""west""",1,1$/,
    );
    expect(lines[2]).toMatch(
      /^"'=HYPERLINK\(""x""\)",(control|"new, improved"),"region=the ""west""",1,2$/,
    );
  });
});

describe('assignArms: validation', () => {
  const base: AssignmentInput = { units: ids(4), arms: twoArms, seed: 1, method: 'block' };
  const strata = (region?: string, size?: string): AssignmentUnit['strata'] => ({
    ...(region === undefined ? {} : { region }),
    ...(size === undefined ? {} : { size }),
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no units', { units: [] }, /^units must hold at least 1 unit/],
    ['an empty id', { units: [{ id: 'a' }, { id: '' }] }, /^units\[1\]\.id must be a non-empty/],
    [
      'a duplicate id',
      { units: [{ id: 'a' }, { id: 'b' }, { id: 'a' }] },
      /^units\[2\]\.id "a" repeats units\[0\]\.id/,
    ],
    ['one arm', { arms: ['control'] }, /^arms must name at least 2 arms/],
    ['duplicate arms', { arms: ['a', 'b', 'a'] }, /^arms must be distinct: "a"/],
    ['an empty arm name', { arms: ['a', ''] }, /^arms\[1\] must be a non-empty string/],
    [
      'a ratio of the wrong length',
      { ratio: [1, 1, 1] },
      /^ratio must have one part per arm \(2\)/,
    ],
    ['a zero ratio part', { ratio: [1, 0] }, /^ratio\[1\] must be a positive integer/],
    ['a negative ratio part', { ratio: [-1, 1] }, /^ratio\[0\] must be a positive integer/],
    ['a fractional ratio part', { ratio: [1.5, 1] }, /^ratio\[0\] must be a positive integer/],
    ['a NaN ratio part', { ratio: [1, NaN] }, /^ratio\[1\] must be a positive integer/],
    ['a huge ratio', { ratio: [1000, 1] }, /^ratio must add up to at most 1000/],
    [
      'a block size not a multiple',
      { blockSize: 3 },
      /^blockSize must be a positive multiple of the ratio's sum \(2\)/,
    ],
    ['a zero block size', { blockSize: 0 }, /^blockSize must be a positive multiple/],
    ['a negative block size', { blockSize: -4 }, /^blockSize must be a positive multiple/],
    ['a fractional block size', { blockSize: 2.5 }, /^blockSize must be a positive multiple/],
    [
      'a block size for 2:1 not a multiple of 3',
      { ratio: [2, 1], blockSize: 4 },
      /^blockSize .*\(3\)/,
    ],
    ['a huge block size', { blockSize: 20_000 }, /^blockSize must be at most 10000/],
    ['a block size for simple', { method: 'simple', blockSize: 4 }, /^blockSize applies to block/],
    ['a fractional seed', { seed: 1.5 }, /^seed must be a safe integer/],
    ['a NaN seed', { seed: NaN }, /^seed must be a safe integer/],
    ['an unsafe seed', { seed: 2 ** 53 }, /^seed must be a safe integer/],
    ['an infinite seed', { seed: -Infinity }, /^seed must be a safe integer/],
    [
      'an unknown method',
      { method: 'minimisation' },
      /^method must be one of simple, block, stratified/,
    ],
    [
      'a unit missing a stratum key the others have',
      {
        method: 'stratified',
        units: [
          { id: 'a', strata: strata('north', 'small') },
          { id: 'b', strata: strata('south', 'large') },
          { id: 'c', strata: strata('south') },
        ],
      },
      /^units\[2\]\.strata lacks the stratum key "size", which other units have/,
    ],
    [
      'a unit without strata',
      { method: 'stratified', units: [{ id: 'a', strata: strata('north') }, { id: 'b' }] },
      /^units\[1\]\.strata lacks the stratum key "region"/,
    ],
    ['no strata at all', { method: 'stratified' }, /^units must carry strata/],
    [
      'a non-string stratum value',
      { method: 'stratified', units: [{ id: 'a', strata: { region: 3 } }] },
      /^units\[0\]\.strata\.region must be a string/,
    ],
    [
      'a unit missing a given strataKey',
      { method: 'stratified', units: [{ id: 'a', strata: strata('north') }], strataKeys: ['size'] },
      /^units\[0\]\.strata lacks the stratum key "size"$/,
    ],
    [
      'empty strataKeys',
      { method: 'stratified', strataKeys: [] },
      /^strataKeys must name at least 1/,
    ],
    [
      'duplicate strataKeys',
      { method: 'stratified', strataKeys: ['region', 'region'] },
      /^strataKeys must be distinct/,
    ],
    ['strataKeys for block', { strataKeys: ['region'] }, /^strataKeys applies to stratified/],
  ])('rejects %s with a RangeError naming the argument', (_, over, message) => {
    const input = { ...base, ...over } as unknown as AssignmentInput;
    expect(() => assignArms(input)).toThrow(RangeError);
    expect(() => assignArms(input)).toThrow(message);
  });
});

describe('assignArms: properties', () => {
  const inputArb = fc
    .record({
      n: fc.integer({ min: 1, max: 150 }),
      ratio: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
      multiple: fc.integer({ min: 1, max: 3 }),
      seed: fc.maxSafeInteger(),
      method: fc.constantFrom('simple', 'block', 'stratified'),
      strataSeed: fc.array(fc.tuple(fc.nat(2), fc.nat(1)), { minLength: 150, maxLength: 150 }),
    })
    .map(({ n, ratio, multiple, seed, method, strataSeed }): AssignmentInput => {
      const sum = ratio.reduce((a, b) => a + b, 0);
      return {
        units: Array.from({ length: n }, (_, i) => ({
          id: `unit ${i}`,
          strata: { region: `r${strataSeed[i]![0]}`, size: `s${strataSeed[i]![1]}` },
        })),
        arms: ratio.map((_, i) => `arm ${i}`),
        ratio,
        seed,
        method,
        ...(method === 'simple' ? {} : { blockSize: sum * multiple }),
      };
    });

  it('gives every unit exactly one arm, with exact blocks, reproducibly', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = assignArms(input);
        expect(r.allocations.map((a) => a.id)).toEqual(input.units.map((u) => u.id));
        for (const a of r.allocations) expect(input.arms).toContain(a.arm);
        const counted = input.arms.map((arm) => r.allocations.filter((a) => a.arm === arm).length);
        expect(input.arms.map((arm) => r.counts[arm])).toEqual(counted);
        if (input.method === 'simple') {
          expect(r.allocations.every((a) => a.block === null && a.stratum === null)).toBe(true);
        } else {
          expectExactBlocks(r);
        }
        if (input.method === 'stratified') {
          const sum = Object.values(r.countsByStratum).flatMap((c) => Object.values(c));
          expect(sum.reduce((a, b) => a + b, 0)).toBe(input.units.length);
          const m = r.blockSize! / input.ratio!.reduce((a, b) => a + b, 0);
          for (const c of Object.values(r.countsByStratum)) {
            const normalised = input.arms.map((arm, i) => c[arm]! / input.ratio![i]!);
            expect(Math.max(...normalised) - Math.min(...normalised)).toBeLessThanOrEqual(m);
          }
        }
        expect(assignArms(input)).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });
});
