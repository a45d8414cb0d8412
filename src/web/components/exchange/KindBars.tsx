import { ticks } from '../../chart-scales.ts';
import { formatNumber } from '../../exchange-format.ts';
import './exchange.css';

export interface BarSeries {
  name: string;
  /** The bars' class (`bar`, `bar bar-received`) and the legend swatch's. */
  barClass: string;
  swatchClass: string;
}

const W = 600;
const LABEL_W = 230;
const RIGHT = 48;
const BAR_H = 16;
const GAP = 12;
const TOP = 8;
const AXIS_H = 24;

/**
 * Horizontal bars, one group per row (a kind of resource), one bar per series (given, received),
 * with the value written at the end of each bar. The caller gives the accessible name; the same
 * figures are in the table beside it.
 */
export function KindBars({
  label,
  rows,
  series,
  legendLabel,
  lang,
}: {
  label: string;
  rows: readonly { label: string; values: readonly number[] }[];
  series: readonly BarSeries[];
  legendLabel: string;
  lang: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const xTicks = ticks(max, 4);
  const top = xTicks.at(-1) ?? 1;
  const groupH = series.length * BAR_H + GAP;
  const plotH = rows.length * groupH;
  const H = TOP + plotH + AXIS_H;
  const plotW = W - LABEL_W - RIGHT;
  const x = (v: number) => LABEL_W + (v / top) * plotW;
  return (
    <>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        className="bar-chart kind-bars"
        focusable="false"
      >
        {xTicks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={TOP} y2={TOP + plotH} className="grid" />
            <text x={x(v)} y={TOP + plotH + 16} textAnchor="middle" className="chart-label">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y0 = TOP + i * groupH + GAP / 2;
          return (
            <g key={row.label}>
              <text
                x={LABEL_W - 8}
                y={y0 + (series.length * BAR_H) / 2 + 4}
                textAnchor="end"
                className="chart-label"
              >
                {row.label}
              </text>
              {series.map((s, j) => {
                const value = row.values[j] ?? 0;
                const y = y0 + j * BAR_H;
                return (
                  <g key={s.name}>
                    <rect
                      x={LABEL_W}
                      y={y + 1}
                      width={Math.max(0, x(value) - LABEL_W)}
                      height={BAR_H - 2}
                      className={s.barClass}
                    />
                    <text x={x(value) + 4} y={y + BAR_H - 4} className="chart-label">
                      {formatNumber(value, lang)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={LABEL_W} x2={LABEL_W} y1={TOP} y2={TOP + plotH} className="axis" />
      </svg>
      {series.length > 1 && (
        <ul className="legend-items" aria-label={legendLabel}>
          {series.map((s) => (
            <li key={s.name}>
              <span className={`swatch ${s.swatchClass}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
