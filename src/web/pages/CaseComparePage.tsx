import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FACTORS, TRADITIONS, type Factor } from '../../shared/case-vocabulary.ts';
import type { Comparison } from '../../shared/cases.ts';
import {
  GOVERNANCE_TRADITIONS,
  type GovernanceTradition,
} from '../../shared/governance-traditions.ts';
import { compareCases } from '../api.ts';
import { useLabels } from '../case-labels.ts';
import {
  LIST_FACETS,
  filterParams,
  hasFilters,
  searchFromParams,
  type SearchState,
} from '../case-search.ts';
import { classOf, classRanges, fillYears, ticks } from '../chart-scales.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ChartFigure } from '../components/ChartFigure.tsx';
import { CountryMap } from '../components/CountryMap.tsx';
import { JrcAttribution } from '../components/JrcAttribution.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { casesKey } from '../queries.ts';

export function CaseComparePage() {
  const { t } = useTranslation();
  usePageTitle(t('compare.title'));
  const [params] = useSearchParams();
  const search = useMemo(() => searchFromParams(params), [params]);
  const filters = filterParams(search).toString();
  const query = useQuery({
    queryKey: [...casesKey, 'compare', filters],
    queryFn: () => compareCases(search),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <div className="stack">
      <PageHeading>{t('compare.title')}</PageHeading>
      <Paragraph>{t('compare.lead')}</Paragraph>
      <ActiveFilters search={search} />
      <div role="status" className="results-status">
        <Paragraph>
          {query.isFetching
            ? t('compare.loading')
            : data
              ? t('compare.total', { count: data.total })
              : ''}
        </Paragraph>
      </div>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <CountryChoropleth data={data} />
          <TraditionHeatmap data={data} />
          <YearChart data={data} />
        </>
      )}
      <JrcAttribution />
    </div>
  );
}

function ActiveFilters({ search }: { search: SearchState }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const filters = filterParams(search).toString();
  const parts: string[] = [];
  if (search.q) parts.push(t('compare.filterText', { q: search.q }));
  for (const facet of LIST_FACETS) {
    const values = search.lists[facet];
    if (values.length === 0) continue;
    parts.push(
      `${t(`cases.facet.${facet}`)}: ${values.map((v) => labels.facetValue(facet, v)).join(', ')}`,
    );
  }
  if (search.yearFrom !== null || search.yearTo !== null) {
    parts.push(`${t('cases.facet.year')}: ${search.yearFrom ?? '…'}–${search.yearTo ?? '…'}`);
  }
  if (search.coded) {
    parts.push(
      `${t('cases.facet.coded')}: ${search.coded === 'yes' ? t('cases.codedYes') : t('cases.codedNo')}`,
    );
  }
  return (
    <div className="stack">
      <Paragraph>
        {hasFilters(search)
          ? t('compare.filtered', { filters: parts.join('; ') })
          : t('compare.unfiltered')}
      </Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to={filters ? `/cases?${filters}` : '/cases'}>
            {t('compare.changeFilters')}
          </AppLink>
        </li>
        {hasFilters(search) && (
          <li>
            <AppLink to="/cases/compare">{t('compare.clearFilters')}</AppLink>
          </li>
        )}
      </ul>
    </div>
  );
}

function top3(rows: readonly { name: string; count: number }[]): string {
  return [...rows]
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((r) => `${r.name} (${r.count})`)
    .join(', ');
}

function CountryChoropleth({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const counts = new Map(data.byCountry.map((r) => [r.country, r.count]));
  const max = Math.max(0, ...data.byCountry.map((r) => r.count));
  const ranges = classRanges(max);
  const rows = data.byCountry
    .map((r) => ({ code: r.country, name: labels.country(r.country), count: r.count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, labels.lang));

  const chart =
    rows.length === 0 ? (
      <Paragraph>{t('compare.noCountries')}</Paragraph>
    ) : (
      <>
        <CountryMap
          label={t('compare.mapLabel', { top: top3(rows) })}
          fillClass={(code) => `map-c${code ? classOf(counts.get(code) ?? 0, ranges) : 0}`}
          title={(code) =>
            counts.has(code)
              ? t('compare.countryCount', { name: labels.country(code), cases: counts.get(code) })
              : null
          }
        />
        <Legend
          label={t('compare.legendCases')}
          ranges={ranges}
          palette="map"
          noneLabel={t('compare.legendNone')}
        />
      </>
    );

  return (
    <ChartFigure
      id="compare-map"
      heading={t('compare.mapHeading')}
      description={t('compare.mapDescription')}
      chart={chart}
      filename="cases-by-country.csv"
      table={{
        caption: t('compare.mapTableCaption'),
        columns: [t('compare.colCountry'), t('compare.colCases')],
        rows: rows.map((r) => [r.name, r.count]),
        csvColumns: ['country', 'name', 'cases'],
        csvRows: rows.map((r) => [r.code, r.name, r.count]),
      }}
    />
  );
}

function Legend({
  label,
  ranges,
  palette,
  noneLabel,
}: {
  label: string;
  ranges: [number, number][];
  palette: 'map' | 'driver' | 'barrier';
  noneLabel: string;
}) {
  return (
    <div className="legend">
      <span className="legend-label">{label}</span>
      <ul className="legend-items">
        <li>
          <span className={`swatch ${palette}-c0`} aria-hidden="true" />
          {noneLabel}
        </li>
        {ranges.map(([low, high], i) => (
          <li key={i}>
            <span className={`swatch ${palette}-c${i + 1}`} aria-hidden="true" />
            {low === high ? low : `${low}–${high}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

const CELL_W = 52;
const CELL_H = 24;
const LABEL_W = 430;
const HEAD_H = 180;
/** Room on the right for the last rotated column heading. */
const RIGHT_PAD = 130;
const PANEL_GAP = 24;

function TraditionHeatmap({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const order = FACTORS.values as readonly string[];
  const factors = [...new Set(data.traditionFactor.map((r) => r.factor))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  ) as Factor[];
  const cell = new Map(data.traditionFactor.map((r) => [`${r.tradition}|${r.factor}`, r]));
  const get = (tr: GovernanceTradition, f: Factor) =>
    cell.get(`${tr}|${f}`) ?? { drivers: 0, barriers: 0 };
  const driverRanges = classRanges(Math.max(0, ...data.traditionFactor.map((r) => r.drivers)));
  const barrierRanges = classRanges(Math.max(0, ...data.traditionFactor.map((r) => r.barriers)));
  const traditions = GOVERNANCE_TRADITIONS;

  const panelW = traditions.length * CELL_W;
  const width = LABEL_W + 2 * panelW + PANEL_GAP + RIGHT_PAD;
  const height = HEAD_H + factors.length * CELL_H + 4;

  const panel = (kind: 'driver' | 'barrier', x0: number) => {
    const ranges = kind === 'driver' ? driverRanges : barrierRanges;
    return (
      <g key={kind}>
        <text x={x0 + panelW / 2} y={14} textAnchor="middle" className="chart-heading">
          {kind === 'driver' ? t('compare.drivers') : t('compare.barriers')}
        </text>
        {traditions.map((tr, j) => (
          <text
            key={tr}
            transform={`translate(${x0 + j * CELL_W + CELL_W / 2}, ${HEAD_H - 6}) rotate(-50)`}
            className="chart-label"
          >
            {labels.label(TRADITIONS, tr)}
          </text>
        ))}
        {factors.map((f, i) =>
          traditions.map((tr, j) => {
            const n = kind === 'driver' ? get(tr, f).drivers : get(tr, f).barriers;
            const c = classOf(n, ranges);
            return (
              <g key={`${f}-${tr}`}>
                <rect
                  x={x0 + j * CELL_W}
                  y={HEAD_H + i * CELL_H}
                  width={CELL_W - 2}
                  height={CELL_H - 2}
                  className={`${kind}-c${c}`}
                />
                <text
                  x={x0 + j * CELL_W + (CELL_W - 2) / 2}
                  y={HEAD_H + i * CELL_H + CELL_H / 2 + 3}
                  textAnchor="middle"
                  className={c >= 4 ? 'cell-text dark' : 'cell-text'}
                >
                  {n}
                </text>
              </g>
            );
          }),
        )}
      </g>
    );
  };

  const chart =
    factors.length === 0 ? (
      <Paragraph>{t('compare.noCodes')}</Paragraph>
    ) : (
      <>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={t('compare.heatmapLabel', { factors: factors.length })}
          className="heatmap"
          focusable="false"
        >
          {factors.map((f, i) => (
            <text
              key={f}
              x={LABEL_W - 8}
              y={HEAD_H + i * CELL_H + CELL_H / 2 + 3}
              textAnchor="end"
              className="chart-label"
            >
              {labels.label(FACTORS, f)}
            </text>
          ))}
          {panel('driver', LABEL_W)}
          {panel('barrier', LABEL_W + panelW + PANEL_GAP)}
        </svg>
        <div className="legend-row">
          <Legend
            label={t('compare.legendDrivers')}
            ranges={driverRanges}
            palette="driver"
            noneLabel="0"
          />
          <Legend
            label={t('compare.legendBarriers')}
            ranges={barrierRanges}
            palette="barrier"
            noneLabel="0"
          />
        </div>
      </>
    );

  const columns = [
    t('coding.colFactor'),
    ...traditions.flatMap(() => [t('compare.drivers'), t('compare.barriers')]),
  ];

  return (
    <ChartFigure
      id="compare-heatmap"
      heading={t('compare.heatmapHeading')}
      description={t('compare.heatmapDescription')}
      chart={chart}
      stacked
      filename="drivers-barriers-by-tradition.csv"
      table={{
        caption: t('compare.heatmapTableCaption'),
        columns,
        groups: traditions.map((tr) => ({ label: labels.label(TRADITIONS, tr), span: 2 })),
        rows: factors.map((f) => [
          labels.label(FACTORS, f),
          ...traditions.flatMap((tr) => [get(tr, f).drivers, get(tr, f).barriers]),
        ]),
        csvColumns: ['tradition', 'factor', 'factor_label', 'drivers', 'barriers'],
        csvRows: data.traditionFactor.map((r) => [
          r.tradition,
          r.factor,
          labels.label(FACTORS, r.factor),
          r.drivers,
          r.barriers,
        ]),
      }}
    />
  );
}

const BAR_W = 640;
const BAR_H = 280;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 44 };

function YearChart({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const years = fillYears(data.byYear);
  const max = Math.max(0, ...years.map((y) => y.count));
  const yTicks = ticks(max);
  const top = yTicks.at(-1) ?? 1;
  const plotW = BAR_W - MARGIN.left - MARGIN.right;
  const plotH = BAR_H - MARGIN.top - MARGIN.bottom;
  const step = years.length > 0 ? plotW / years.length : plotW;
  const every = Math.max(1, Math.ceil(years.length / 10));
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const peak = [...years].sort((a, b) => b.count - a.count)[0];

  const chart =
    years.length === 0 ? (
      <Paragraph>{t('compare.noYears')}</Paragraph>
    ) : (
      <svg
        viewBox={`0 0 ${BAR_W} ${BAR_H}`}
        role="img"
        aria-label={t('compare.yearLabel', {
          first: years[0]?.year,
          last: years.at(-1)?.year,
          peak: peak?.year,
          cases: peak?.count ?? 0,
        })}
        className="bar-chart"
        focusable="false"
      >
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={MARGIN.left} x2={BAR_W - MARGIN.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end" className="chart-label">
              {v}
            </text>
          </g>
        ))}
        {years.map((d, i) => (
          <g key={d.year}>
            <rect
              x={MARGIN.left + i * step + step * 0.1}
              y={y(d.count)}
              width={step * 0.8}
              height={MARGIN.top + plotH - y(d.count)}
              className="bar"
            >
              <title>{t('compare.yearCount', { year: d.year, cases: d.count })}</title>
            </rect>
            {i % every === 0 && (
              <text
                x={MARGIN.left + i * step + step / 2}
                y={BAR_H - MARGIN.bottom + 18}
                textAnchor="middle"
                className="chart-label"
              >
                {d.year}
              </text>
            )}
          </g>
        ))}
        <line
          x1={MARGIN.left}
          x2={BAR_W - MARGIN.right}
          y1={MARGIN.top + plotH}
          y2={MARGIN.top + plotH}
          className="axis"
        />
      </svg>
    );

  return (
    <ChartFigure
      id="compare-years"
      heading={t('compare.yearHeading')}
      description={t('compare.yearDescription')}
      chart={chart}
      filename="cases-by-year.csv"
      table={{
        caption: t('compare.yearTableCaption'),
        columns: [t('compare.colYear'), t('compare.colCases')],
        rows: years.map((d) => [d.year, d.count]),
        csvColumns: ['year', 'cases'],
      }}
    />
  );
}
