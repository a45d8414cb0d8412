import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { TRADITIONS } from '../../../shared/case-vocabulary.ts';
import type { DiffusionView } from '../../../shared/diffusion.ts';
import { useLabels } from '../../case-labels.ts';
import { flowsCsv } from '../../diffusion-view.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { useDiffusionTranslation } from './diffusion-i18n.ts';

type Flow = DiffusionView['countryFlows'][number];

const W = 640;
const ROW = 24;
const LABEL_W = 300;
const RIGHT = 40;
/** The chart shows the largest flows; the table has them all. */
const CHART_ROWS = 15;

/** Learned-from flows recorded with adoptions: between countries and between traditions. */
export function DiffusionFlows({
  view,
  filenames,
}: {
  view: DiffusionView;
  filenames: [string, string];
}) {
  const { t } = useDiffusionTranslation();
  const labels = useLabels();
  const empty = view.countryFlows.length === 0 && view.traditionFlows.length === 0;
  return (
    <section aria-labelledby="diffusion-flows-heading" className="stack section">
      <Heading level={2} data-size="sm" id="diffusion-flows-heading">
        {t('flows.heading')}
      </Heading>
      <Paragraph>{t('flows.description')}</Paragraph>
      {empty ? (
        <Paragraph>{t('flows.none')}</Paragraph>
      ) : (
        <>
          <FlowFigure
            id="diffusion-country-flows"
            heading={t('flows.countriesHeading')}
            flows={view.countryFlows}
            name={(code) => labels.country(code)}
            filename={filenames[0]}
          />
          <FlowFigure
            id="diffusion-tradition-flows"
            heading={t('flows.traditionsHeading')}
            flows={view.traditionFlows}
            name={(tr) => labels.label(TRADITIONS, tr)}
            filename={filenames[1]}
          />
        </>
      )}
    </section>
  );
}

function FlowFigure({
  id,
  heading,
  flows,
  name,
  filename,
}: {
  id: string;
  heading: string;
  flows: Flow[];
  name: (code: string) => string;
  filename: string;
}) {
  const { t, lang } = useDiffusionTranslation();
  const number = new Intl.NumberFormat(lang);
  const shown = flows.slice(0, CHART_ROWS);
  const max = Math.max(1, ...shown.map((f) => f.count));
  const height = shown.length * ROW + 8;
  const barW = (n: number) => ((W - LABEL_W - RIGHT) * n) / max;
  const pair = (f: Flow) => t('flows.pair', { from: name(f.from), to: name(f.to) });
  const csv = flowsCsv(flows);

  const chart =
    flows.length === 0 ? (
      <Paragraph>{t('flows.noneOfKind')}</Paragraph>
    ) : (
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={t('flows.label', {
          heading,
          count: flows.length,
          top: shown
            .slice(0, 3)
            .map((f) => `${pair(f)} (${number.format(f.count)})`)
            .join(', '),
        })}
        className="bar-chart flow-chart"
        focusable="false"
      >
        {shown.map((f, i) => (
          <g key={`${f.from}-${f.to}`}>
            <text
              x={LABEL_W - 8}
              y={i * ROW + ROW / 2 + 8}
              textAnchor="end"
              className="chart-label"
            >
              {pair(f)}
            </text>
            <rect
              x={LABEL_W}
              y={i * ROW + 6}
              width={barW(f.count)}
              height={ROW - 6}
              className="bar"
            >
              <title>{`${pair(f)}: ${number.format(f.count)}`}</title>
            </rect>
            <text x={LABEL_W + barW(f.count) + 6} y={i * ROW + ROW / 2 + 8} className="chart-label">
              {number.format(f.count)}
            </text>
          </g>
        ))}
      </svg>
    );

  return (
    <ChartFigure
      id={id}
      level={3}
      heading={heading}
      chart={chart}
      filename={filename}
      table={{
        caption: heading,
        columns: [t('flows.colFrom'), t('flows.colTo'), t('flows.colCount')],
        rows: flows.map((f) => [name(f.from), name(f.to), number.format(f.count)]),
        csvColumns: csv.columns,
        csvRows: csv.rows,
      }}
    />
  );
}
