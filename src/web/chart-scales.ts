/** Small, pure helpers for the hand-drawn SVG charts (scales, ticks, colour classes). */

/** The number of colour classes of the maps and the heatmap (besides "none"). */
export const COLOUR_CLASSES = 5;

/**
 * Split 1…max into at most `n` ranges of whole numbers of (nearly) equal width, for a legend.
 *
 * @example
 * classRanges(10); // [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]
 * classRanges(3); // [[1, 1], [2, 2], [3, 3]]
 */
export function classRanges(max: number, n = COLOUR_CLASSES): [number, number][] {
  if (!Number.isFinite(max) || max < 1) return [];
  const count = Math.min(n, Math.floor(max));
  const ranges: [number, number][] = [];
  let low = 1;
  for (let i = 1; i <= count; i += 1) {
    const high = Math.round((max * i) / count);
    ranges.push([low, high]);
    low = high + 1;
  }
  return ranges;
}

/** The class (1-based) a value falls in, 0 for zero or less. */
export function classOf(value: number, ranges: readonly [number, number][]): number {
  if (value <= 0) return 0;
  const index = ranges.findIndex(([, high]) => value <= high);
  return index === -1 ? ranges.length : index + 1;
}

/**
 * Round tick values from 0 to at least `max` (steps of 1, 2 or 5 times a power of ten).
 *
 * @example
 * ticks(37); // [0, 10, 20, 30, 40]
 */
export function ticks(max: number, target = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const wholeStep = Math.max(1, Math.round(step));
  const out: number[] = [];
  for (let v = 0; v < max + wholeStep; v += wholeStep) out.push(v);
  return out;
}

/** Every year from the first to the last with a count, zero where there is none. */
export function fillYears(
  rows: readonly { year: number; count: number }[],
): { year: number; count: number }[] {
  if (rows.length === 0) return [];
  const years = rows.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const byYear = new Map(rows.map((r) => [r.year, r.count]));
  const out: { year: number; count: number }[] = [];
  for (let y = first; y <= last; y += 1) out.push({ year: y, count: byYear.get(y) ?? 0 });
  return out;
}

/**
 * Round ticks covering [min, max] (steps of 1, 2 or 5 times a power of ten, fractions allowed),
 * for a scatter plot's axis; the first and last tick bound the axis.
 *
 * @example
 * linearTicks(0, 1); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 * linearTicks(12, 87); // [0, 20, 40, 60, 80, 100]
 */
export function linearTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) return [min - 1, min, min + 1];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const raw = (hi - lo) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * 0.999) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9) * step;
  const out: number[] = [];
  for (let k = 0; first + k * step < hi + step * 0.999; k += 1) {
    // Round away binary noise (0.30000000000000004).
    out.push(Number((first + k * step).toPrecision(12)));
  }
  return out;
}
