import { describe, expect, it } from 'vitest';
import {
  fillMonths,
  formatDays,
  formatShare,
  monthLabel,
  trendCsv,
  trendMax,
  type MonthFigures,
} from './needs-responsiveness.ts';

const month = (m: string, needs: number, answered = 0): MonthFigures => ({
  month: m,
  needs,
  answeredWithin30Days: answered,
  dueFor30Days: needs,
  medianDaysToAcknowledged: answered ? 4.5 : null,
});

describe('the monthly trend', () => {
  it('has every month from the first to the last, across a new year, the missing ones empty', () => {
    const filled = fillMonths([month('2026-02', 1), month('2025-11', 3, 2)]);
    expect(filled.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(filled[1]).toEqual({
      month: '2025-12',
      needs: 0,
      answeredWithin30Days: 0,
      dueFor30Days: 0,
      medianDaysToAcknowledged: null,
    });
    expect(filled[0]).toEqual(month('2025-11', 3, 2));
  });

  it('is empty without needs, and one month for one', () => {
    expect(fillMonths([])).toEqual([]);
    expect(fillMonths([month('2026-05', 2)])).toHaveLength(1);
  });

  it('scales to the highest bar', () => {
    expect(trendMax([month('2026-01', 3, 1), month('2026-02', 7, 5)])).toBe(7);
    expect(trendMax([])).toBe(0);
  });

  it('downloads with plain column names and empty cells for no median', () => {
    const csv = trendCsv([month('2026-01', 3, 1), month('2026-02', 2)]);
    expect(csv.columns[0]).toBe('month');
    expect(csv.rows).toEqual([
      ['2026-01', 3, 3, 1, 4.5],
      ['2026-02', 2, 2, 0, null],
    ]);
  });
});

describe('figures in words', () => {
  it('names months in the language', () => {
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
    expect(monthLabel('2026-03', 'nl')).toBe('mrt 2026');
    expect(monthLabel('not a month', 'en')).toBe('not a month');
  });

  it('writes days with at most one decimal and shares as whole percentages', () => {
    expect(formatDays(2.25, 'en')).toBe('2.3');
    expect(formatDays(3, 'nl')).toBe('3');
    expect(formatDays(1.5, 'nl')).toBe('1,5');
    expect(formatShare(2 / 3, 'en')).toBe('67%');
  });
});
