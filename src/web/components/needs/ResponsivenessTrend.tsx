import type { ResponsivenessFigures } from '../../../shared/needs.ts';
import { ticks } from '../../chart-scales.ts';
import {
  fillMonths,
  formatDays,
  formatShare,
  monthLabel,
  trendCsv,
  trendMax,
} from '../../needs-responsiveness.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';

const W = 640;
const H = 280;
const M = { top: 12, right: 14, bottom: 36, left: 40 };

/**
 * Month by month: the needs posted (bars) and how many of them were answered within 30 days
 * (narrower bars beside them), with the same figures as a table and a CSV file.
 */
export function ResponsivenessTrend({
  byMonth,
  filename,
}: {
  byMonth: ResponsivenessFigures['byMonth'];
  filename: string;
}) {
  const { t, lang } = useNeedsTranslation();
  const months = fillMonths(byMonth);
  if (months.length === 0) return null;
  const number = new Intl.NumberFormat(lang);
  const yTicks = ticks(trendMax(months));
  const top = yTicks.at(-1) ?? 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = plotW / months.length;
  const every = Math.max(1, Math.ceil(months.length / 8));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const barW = Math.min(28, step * 0.38);
  const csv = trendCsv(months);
  const first = months[0]!;
  const last = months.at(-1)!;
  const total = months.reduce((n, m) => n + m.needs, 0);
  const answered = months.reduce((n, m) => n + m.answeredWithin30Days, 0);

  const chart = (
    <>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('trend.label', {
          first: monthLabel(first.month, lang),
          last: monthLabel(last.month, lang),
          needs: total,
          answered,
        })}
        className="bar-chart responsiveness-trend"
        focusable="false"
      >
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="chart-label">
              {number.format(v)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const mid = M.left + i * step + step / 2;
          return (
            <g key={m.month}>
              <rect
                x={mid - barW}
                y={y(m.needs)}
                width={barW}
                height={M.top + plotH - y(m.needs)}
                className="bar"
              >
                <title>
                  {t('trend.barNeeds', { month: monthLabel(m.month, lang), count: m.needs })}
                </title>
              </rect>
              <rect
                x={mid}
                y={y(m.answeredWithin30Days)}
                width={barW}
                height={M.top + plotH - y(m.answeredWithin30Days)}
                className="bar bar-answered"
              >
                <title>
                  {t('trend.barAnswered', {
                    month: monthLabel(m.month, lang),
                    count: m.answeredWithin30Days,
                  })}
                </title>
              </rect>
              {i % every === 0 && (
                <text x={mid} y={H - M.bottom + 18} textAnchor="middle" className="chart-label">
                  {monthLabel(m.month, lang)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} className="axis" />
      </svg>
      <ul className="legend-items" aria-label={t('trend.legend')}>
        <li>
          <span className="swatch swatch-bar" aria-hidden="true" />
          {t('trend.posted')}
        </li>
        <li>
          <span className="swatch swatch-answered" aria-hidden="true" />
          {t('trend.answered')}
        </li>
      </ul>
    </>
  );

  return (
    <ChartFigure
      id="responsiveness-trend"
      heading={t('trend.heading')}
      description={t('trend.description')}
      chart={chart}
      filename={filename}
      stacked
      table={{
        caption: t('trend.tableCaption'),
        columns: [
          t('trend.colMonth'),
          t('trend.colNeeds'),
          t('trend.colDue'),
          t('trend.colAnswered'),
          t('trend.colShare'),
          t('trend.colMedian'),
        ],
        rows: months.map((m) => [
          monthLabel(m.month, lang),
          number.format(m.needs),
          number.format(m.dueFor30Days),
          number.format(m.answeredWithin30Days),
          m.dueFor30Days > 0
            ? formatShare(m.answeredWithin30Days / m.dueFor30Days, lang)
            : t('trend.noFigure'),
          m.medianDaysToAcknowledged === null
            ? t('trend.noFigure')
            : formatDays(m.medianDaysToAcknowledged, lang),
        ]),
        csvColumns: csv.columns,
        csvRows: csv.rows,
      }}
    />
  );
}
