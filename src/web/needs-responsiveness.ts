/**
 * The responsiveness page's figures as they read and draw: every month of the trend (also those
 * without needs), the months' names, days and shares in the language's notation, and the CSV of
 * the trend. No React, no DOM.
 */
import type { ResponsivenessFigures } from '../shared/needs.ts';
import type { CsvCell } from './csv.ts';

export type MonthFigures = ResponsivenessFigures['byMonth'][number];

/** The month after `month` ('2025-12' → '2026-01'). */
function nextMonth(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Every month from the first to the last with a need (the server sends only months with needs),
 * the months between with zeros, so the chart's bars stand where their months are.
 *
 * @example
 * fillMonths([{ month: '2026-01', needs: 2, … }, { month: '2026-03', needs: 1, … }]).map((m) => m.month);
 * // ['2026-01', '2026-02', '2026-03']
 */
export function fillMonths(months: readonly MonthFigures[]): MonthFigures[] {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const byMonth = new Map(sorted.map((m) => [m.month, m]));
  const out: MonthFigures[] = [];
  // At most 50 years of months: a malformed month cannot loop forever.
  for (let month = first.month; out.length < 600; month = nextMonth(month)) {
    out.push(
      byMonth.get(month) ?? {
        month,
        needs: 0,
        answeredWithin30Days: 0,
        dueFor30Days: 0,
        medianDaysToAcknowledged: null,
      },
    );
    if (month >= last.month) break;
  }
  return out;
}

/** A month ('2026-03') as the language writes it short: "Mar 2026", "mrt 2026". */
export function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** A number of days with at most one decimal, in the language's notation. */
export function formatDays(days: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(days);
}

/** A share (0…1) as a whole percentage: "67%", "67 %". */
export function formatShare(share: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** The highest bar of the trend (needs posted, or answered within 30 days). */
export function trendMax(months: readonly MonthFigures[]): number {
  return Math.max(0, ...months.map((m) => Math.max(m.needs, m.answeredWithin30Days)));
}

/** The trend as a CSV file: plain column names, months as written in the data, empty for none. */
export function trendCsv(months: readonly MonthFigures[]): {
  columns: string[];
  rows: CsvCell[][];
} {
  return {
    columns: [
      'month',
      'needs',
      'due_for_30_days',
      'answered_within_30_days',
      'median_days_to_acknowledged',
    ],
    rows: months.map((m) => [
      m.month,
      m.needs,
      m.dueFor30Days,
      m.answeredWithin30Days,
      m.medianDaysToAcknowledged,
    ]),
  };
}
