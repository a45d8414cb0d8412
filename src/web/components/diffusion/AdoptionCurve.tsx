import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { DiffusionView } from '../../../shared/diffusion.ts';
import { ticks } from '../../chart-scales.ts';
import {
  curveCsv,
  curveMax,
  curveSeries,
  formatDecimalYear,
  formatFixed,
  formatSignificant,
} from '../../diffusion-view.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { useDiffusionTranslation } from './diffusion-i18n.ts';

const W = 640;
const H = 300;
const M = { top: 12, right: 14, bottom: 36, left: 48 };

/** Cumulative adopters by year (bars) with the Bass model's fit (a line), and its parameters. */
export function AdoptionCurve({ view, filename }: { view: DiffusionView; filename: string }) {
  const { t, lang } = useDiffusionTranslation();
  const points = curveSeries(view);
  const unitWord = t(`unitPlural.${view.unit}`);
  const number = new Intl.NumberFormat(lang);
  const csv = curveCsv(points);

  if (points.length === 0) {
    return (
      <section aria-labelledby="diffusion-curve-heading" className="stack section">
        <Heading level={2} data-size="sm" id="diffusion-curve-heading">
          {t('curve.heading')}
        </Heading>
        <Paragraph>{t('curve.none')}</Paragraph>
      </section>
    );
  }

  const yTicks = ticks(curveMax(points));
  const top = yTicks.at(-1) ?? 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = plotW / points.length;
  const every = Math.max(1, Math.ceil(points.length / 10));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const cx = (i: number) => M.left + i * step + step / 2;
  const fitted = points.filter((p) => p.fitted !== null);
  const line = points
    .map((p, i) => (p.fitted === null ? null : `${cx(i).toFixed(1)},${y(p.fitted).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const first = points[0]!;
  const last = points.at(-1)!;

  const chart = (
    <>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('curve.label', {
          count: last.cumulative,
          unit: unitWord,
          first: first.year,
          last: last.year,
          fit: view.bass.ok ? t('curve.labelFit') : t('curve.labelNoFit'),
        })}
        className="bar-chart diffusion-curve"
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
        {points.map((p, i) => (
          <g key={p.year}>
            <rect
              x={M.left + i * step + step * 0.15}
              y={y(p.cumulative)}
              width={step * 0.7}
              height={M.top + plotH - y(p.cumulative)}
              className="bar"
            >
              <title>
                {t('curve.barTitle', {
                  year: p.year,
                  cumulative: number.format(p.cumulative),
                  adopters: number.format(p.adopters),
                })}
              </title>
            </rect>
            {i % every === 0 && (
              <text x={cx(i)} y={H - M.bottom + 18} textAnchor="middle" className="chart-label">
                {p.year}
              </text>
            )}
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} className="axis" />
        {line.length > 1 && <polyline points={line.join(' ')} className="fit-line" />}
        {fitted.map((p) => (
          <circle
            key={p.year}
            cx={cx(points.indexOf(p))}
            cy={y(p.fitted!)}
            r={3}
            className="fit-point"
          />
        ))}
      </svg>
      <ul className="legend-items" aria-label={t('curve.legend')}>
        <li>
          <span className="swatch swatch-bar" aria-hidden="true" />
          {t('curve.observed')}
        </li>
        {view.bass.ok && (
          <li>
            <span className="swatch swatch-line" aria-hidden="true" />
            {t('curve.fit')}
          </li>
        )}
      </ul>
      <BassSummary view={view} />
    </>
  );

  return (
    <ChartFigure
      id="diffusion-curve"
      heading={t('curve.heading')}
      description={t('curve.description', { unit: unitWord })}
      chart={chart}
      filename={filename}
      table={{
        caption: t('curve.tableCaption', { unit: unitWord }),
        columns: [
          t('curve.colYear'),
          t('curve.colNew'),
          t('curve.colCumulative'),
          t('curve.colFit'),
        ],
        rows: points.map((p) => [
          String(p.year),
          number.format(p.adopters),
          number.format(p.cumulative),
          p.fitted === null ? '–' : formatFixed(p.fitted, lang, 1),
        ]),
        csvColumns: csv.columns,
        csvRows: csv.rows,
      }}
    />
  );
}

/** The Bass model's parameters, or why there is no fit. */
function BassSummary({ view }: { view: DiffusionView }) {
  const { t, lang } = useDiffusionTranslation();
  if (!view.bass.ok) {
    return (
      <div className="stack bass-summary">
        <Heading level={3} data-size="2xs">
          {t('bass.heading')}
        </Heading>
        <Paragraph data-size="sm">
          {t('bass.noFit')} <span lang="en">{view.bass.reason}</span>
        </Paragraph>
      </div>
    );
  }
  const fit = view.bass.fit;
  return (
    <div className="stack bass-summary">
      <Heading level={3} data-size="2xs">
        {t('bass.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('bass.explain')}</Paragraph>
      <dl className="details-list bass-figures">
        <dt>{t('bass.p')}</dt>
        <dd>{formatSignificant(fit.p, lang)}</dd>
        <dt>{t('bass.q')}</dt>
        <dd>{formatSignificant(fit.q, lang)}</dd>
        <dt>{t('bass.m')}</dt>
        <dd>{formatFixed(fit.m, lang, 1)}</dd>
        <dt>{t('bass.peak')}</dt>
        <dd>{fit.peak === null ? t('bass.noPeak') : formatDecimalYear(fit.peak, lang)}</dd>
        <dt>{t('bass.r2')}</dt>
        <dd>{formatFixed(fit.r2, lang, 3)}</dd>
        <dt>{t('bass.sse')}</dt>
        <dd>{formatSignificant(fit.sse, lang, 4)}</dd>
      </dl>
    </div>
  );
}
