import { describe, expect, it } from 'vitest';
import { classOf, classRanges, fillYears, linearTicks, ticks } from './chart-scales.ts';

describe('classRanges', () => {
  it('splits the counts into five ranges that cover 1 to max without gaps', () => {
    const ranges = classRanges(97);
    expect(ranges).toHaveLength(5);
    expect(ranges[0]![0]).toBe(1);
    expect(ranges.at(-1)![1]).toBe(97);
    for (let i = 1; i < ranges.length; i += 1) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
  });

  it('uses one class per value when there are fewer values than classes', () => {
    expect(classRanges(3)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('has no classes when nothing was counted', () => {
    expect(classRanges(0)).toEqual([]);
  });
});

describe('classOf', () => {
  it('puts zero in class 0 and the maximum in the last class', () => {
    const ranges = classRanges(10);
    expect(classOf(0, ranges)).toBe(0);
    expect(classOf(1, ranges)).toBe(1);
    expect(classOf(6, ranges)).toBe(3);
    expect(classOf(10, ranges)).toBe(5);
  });
});

describe('ticks', () => {
  it('chooses round steps that reach the maximum', () => {
    expect(ticks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks(0)).toEqual([0, 1]);
  });
});

describe('fillYears', () => {
  it('adds the years without cases as zeros', () => {
    expect(
      fillYears([
        { year: 2019, count: 2 },
        { year: 2016, count: 1 },
      ]),
    ).toEqual([
      { year: 2016, count: 1 },
      { year: 2017, count: 0 },
      { year: 2018, count: 0 },
      { year: 2019, count: 2 },
    ]);
  });
});

describe('linearTicks', () => {
  it('covers the range with round steps, fractions included', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(12, 87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks(-3, 3)).toEqual([-4, -2, 0, 2, 4]);
  });

  it('gives an axis around a single value', () => {
    expect(linearTicks(5, 5)).toEqual([4, 5, 6]);
  });
});
