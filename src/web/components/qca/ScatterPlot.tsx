import { linearTicks } from '../../chart-scales.ts';
import { useQcaTranslation } from '../../qca-i18n.ts';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
}

interface Props {
  points: readonly ScatterPoint[];
  /** The accessible name: what the plot shows and what it says (the table has the figures). */
  label: string;
  xLabel: string;
  yLabel: string;
  /** The x axis's range; the points' range when left out. */
  xDomain?: [number, number];
  /** The y axis's range (0 to 1 unless given). */
  yDomain?: [number, number];
  /** Draw the diagonal y = x (the line of sufficiency in an XY plot). */
  diagonal?: boolean;
  /** A curve to draw under the points (the calibration function). */
  curve?: (x: number) => number;
  format: (value: number) => string;
}

const W = 560;
const H = 360;
const M = { top: 14, right: 34, bottom: 48, left: 58 };
const CURVE_STEPS = 120;

/**
 * A scatter plot as SVG (role="img"): cases that share a position are one dot, larger, with
 * their number beside it. Pair it with a table of the same figures.
 */
export function ScatterPlot({
  points,
  label,
  xLabel,
  yLabel,
  xDomain,
  yDomain = [0, 1],
  diagonal,
  curve,
  format,
}: Props) {
  const { t } = useQcaTranslation();
  const xs = points.map((p) => p.x);
  const xTicks = linearTicks(
    xDomain?.[0] ?? Math.min(0, ...xs),
    xDomain?.[1] ?? Math.max(1, ...xs),
  );
  const yTicks = linearTicks(yDomain[0], yDomain[1]);
  const x0 = xTicks[0]!;
  const x1 = xTicks.at(-1)!;
  const y0 = yTicks[0]!;
  const y1 = yTicks.at(-1)!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0)) * plotW;
  const sy = (v: number) => M.top + plotH - ((v - y0) / (y1 - y0)) * plotH;

  // Crisp data put many cases on one spot: draw each spot once, sized by its number of cases.
  const spots = new Map<string, { x: number; y: number; labels: string[] }>();
  for (const p of points) {
    const key = `${p.x.toFixed(4)}|${p.y.toFixed(4)}`;
    const spot = spots.get(key) ?? { x: p.x, y: p.y, labels: [] };
    spot.labels.push(p.label);
    spots.set(key, spot);
  }

  let path = '';
  if (curve) {
    for (let k = 0; k <= CURVE_STEPS; k += 1) {
      const x = x0 + ((x1 - x0) * k) / CURVE_STEPS;
      path += `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(curve(x)).toFixed(1)}`;
    }
  }

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      className="scatter-plot"
      focusable="false"
    >
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} className="grid" />
          <text x={M.left - 6} y={sy(v) + 4} textAnchor="end" className="chart-label">
            {format(v)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <g key={`x${v}`}>
          <line x1={sx(v)} x2={sx(v)} y1={M.top} y2={M.top + plotH} className="grid" />
          <text x={sx(v)} y={M.top + plotH + 16} textAnchor="middle" className="chart-label">
            {format(v)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} className="axis" />
      <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} className="axis" />
      <text x={M.left + plotW / 2} y={H - 8} textAnchor="middle" className="chart-heading">
        {xLabel}
      </text>
      <text
        transform={`translate(16, ${M.top + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
        className="chart-heading"
      >
        {yLabel}
      </text>
      {diagonal && (
        <line
          x1={sx(Math.max(x0, y0))}
          y1={sy(Math.max(x0, y0))}
          x2={sx(Math.min(x1, y1))}
          y2={sy(Math.min(x1, y1))}
          className="diagonal"
        />
      )}
      {path && <path d={path} className="curve" />}
      {[...spots.values()].map((spot) => {
        const n = spot.labels.length;
        const r = 4 + 2.5 * Math.sqrt(n - 1);
        return (
          <g key={`${spot.x}|${spot.y}`}>
            <circle cx={sx(spot.x)} cy={sy(spot.y)} r={r} className="point">
              <title>
                {t('plot.pointTitle', {
                  cases: spot.labels.join(', '),
                  x: format(spot.x),
                  y: format(spot.y),
                })}
              </title>
            </circle>
            {n > 1 && (
              <text x={sx(spot.x) + r + 3} y={sy(spot.y) - r} className="point-count">
                {n}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
