import { useState, type ReactNode } from 'react';
import {
  Alert,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { QcaReport } from '../../../shared/qca.ts';
import { useQcaFormat } from '../../qca-format.ts';
import {
  fit,
  sortTruthTable,
  xyPoints,
  type SortDirection,
  type TruthTableSort,
} from '../../qca-results.ts';
import { SOLUTION_TYPES } from '../../qca-workbench.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { NotSet } from '../NotSet.tsx';
import { ScatterPlot } from './ScatterPlot.tsx';
import { useQcaTranslation } from '../../qca-i18n.ts';

type Model = QcaReport['solution']['models'][number];

/** Consistency of necessity often taken as the bar for a necessary condition (Schneider & Wagemann 2012). */
const NECESSITY_BAR = 0.9;

/** The results of an analysis: necessity, truth table, solutions and an XY plot. */
export function QcaResults({ report, idPrefix }: { report: QcaReport; idPrefix: string }) {
  const { t } = useQcaTranslation();
  const outcome = report.truth_table.outcome || report.params.outcome;
  const dropped = report.data.cases_dropped_for_NA;
  return (
    <div className="stack">
      <Paragraph>
        {t('results.summary', {
          count: report.data.cases,
          outcome,
          conditions: report.truth_table.conditions.join(', '),
        })}
      </Paragraph>
      {dropped.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>
            {t('results.dropped', { count: dropped.length, cases: dropped.join(', ') })}
          </Paragraph>
        </Alert>
      )}
      <NecessityTable report={report} outcome={outcome} idPrefix={idPrefix} />
      <TruthTableView report={report} outcome={outcome} idPrefix={idPrefix} />
      <Solutions report={report} outcome={outcome} idPrefix={idPrefix} />
      {report.solution.models.length > 0 && (
        <XyPlot report={report} outcome={outcome} idPrefix={idPrefix} />
      )}
    </div>
  );
}

function Fit({ value }: { value: number | null }) {
  const format = useQcaFormat();
  return value === null ? <NotSet /> : <>{format.fit(value)}</>;
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack section">
      <Heading level={3} data-size="xs" id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function NecessityTable({
  report,
  outcome,
  idPrefix,
}: {
  report: QcaReport;
  outcome: string;
  idPrefix: string;
}) {
  const { t } = useQcaTranslation();
  const format = useQcaFormat();
  const caption = t('necessity.caption', { outcome });
  return (
    <Section id={`${idPrefix}-necessity`} heading={t('necessity.heading')}>
      <Paragraph>{t('necessity.lead', { bar: format.value(NECESSITY_BAR) })}</Paragraph>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <Table zebra border data-size="sm">
          <caption>{caption}</caption>
          <colgroup />
          <colgroup span={3} />
          <colgroup span={3} />
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell rowSpan={2} scope="col">
                {t('necessity.set')}
              </Table.HeaderCell>
              <Table.HeaderCell colSpan={3} scope="colgroup">
                {t('necessity.necessity')}
              </Table.HeaderCell>
              <Table.HeaderCell colSpan={3} scope="colgroup">
                {t('necessity.sufficiency')}
              </Table.HeaderCell>
            </Table.Row>
            <Table.Row>
              {(['inclN', 'RoN', 'covN', 'inclS', 'PRI', 'covS'] as const).map((c) => (
                <Table.HeaderCell key={c} scope="col" className="numeric">
                  {t(`fit.${c}`)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.single_conditions.map((s) => (
              <Table.Row key={s.set}>
                <Table.HeaderCell scope="row">
                  <span className="expression">{s.set}</span>
                  {s.inclN !== null && s.inclN >= NECESSITY_BAR && (
                    <span className="cell-note">{t('necessity.candidate')}</span>
                  )}
                </Table.HeaderCell>
                {[s.inclN, s.RoN, s.covN, s.inclS, s.PRI, s.covS].map((v, j) => (
                  <Table.Cell key={j} className="numeric">
                    <Fit value={v} />
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="sm">{t('necessity.legend')}</Paragraph>
    </Section>
  );
}

/** Columns whose first click sorts from high to low (fit, counts, OUT). */
const DESCENDING_FIRST = new Set<TruthTableSort>(['OUT', 'n', 'incl', 'PRI']);

function TruthTableView({
  report,
  outcome,
  idPrefix,
}: {
  report: QcaReport;
  outcome: string;
  idPrefix: string;
}) {
  const { t } = useQcaTranslation();
  const [sort, setSort] = useState<{ key: TruthTableSort; direction: SortDirection }>({
    key: 'row',
    direction: 'ascending',
  });
  const tt = report.truth_table;
  const rows = sortTruthTable(tt.rows, sort.key, sort.direction);
  const columnName = (key: TruthTableSort) => {
    if (key === 'row') return t('truthTable.row');
    if (key === 'OUT' || key === 'n' || key === 'incl' || key === 'PRI') return t(`fit.${key}`);
    return key.slice(2);
  };
  const caption = t('truthTable.caption', {
    outcome,
    count: tt.rows.length,
    column: columnName(sort.key),
    direction: t(`truthTable.${sort.direction}`),
  });

  function header(key: TruthTableSort, text: string) {
    const active = sort.key === key;
    return (
      <Table.HeaderCell
        key={key}
        scope="col"
        className={key === 'row' || key.startsWith('c:') ? undefined : 'numeric'}
        sort={active ? sort.direction : 'none'}
        onClick={() =>
          setSort(
            active
              ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
              : { key, direction: DESCENDING_FIRST.has(key) ? 'descending' : 'ascending' },
          )
        }
      >
        {text}
      </Table.HeaderCell>
    );
  }

  return (
    <Section id={`${idPrefix}-truth-table`} heading={t('truthTable.heading')}>
      <Paragraph>{t('truthTable.lead')}</Paragraph>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <Table zebra border data-size="sm" className="truth-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              {header('row', t('truthTable.row'))}
              {tt.conditions.map((c) => header(`c:${c}`, c))}
              {header('OUT', t('fit.OUT'))}
              {header('n', t('fit.n'))}
              {header('incl', t('fit.incl'))}
              {header('PRI', t('fit.PRI'))}
              <Table.HeaderCell scope="col">{t('truthTable.cases')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.row} className={`out-${outClass(r.OUT)}`}>
                <Table.HeaderCell scope="row">{r.row}</Table.HeaderCell>
                {tt.conditions.map((c) => (
                  <Table.Cell key={c}>{r.values[c] ?? <NotSet />}</Table.Cell>
                ))}
                <Table.Cell className="numeric out">{r.OUT}</Table.Cell>
                <Table.Cell className="numeric">{r.n}</Table.Cell>
                <Table.Cell className="numeric">
                  <Fit value={r.incl} />
                </Table.Cell>
                <Table.Cell className="numeric">
                  <Fit value={r.PRI} />
                </Table.Cell>
                <Table.Cell className="cases-cell">
                  {r.cases.length > 0 ? r.cases.join(', ') : <NotSet />}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="sm">{t('truthTable.legend')}</Paragraph>
    </Section>
  );
}

function outClass(out: string): string {
  return out === '1'
    ? 'positive'
    : out === '0'
      ? 'negative'
      : out === 'C'
        ? 'contradiction'
        : 'remainder';
}

function Solutions({
  report,
  outcome,
  idPrefix,
}: {
  report: QcaReport;
  outcome: string;
  idPrefix: string;
}) {
  const { t } = useQcaTranslation();
  const solution = report.solution;
  const known = SOLUTION_TYPES.find((s) => s === solution.type);
  const type = known ? t(`solution.type.${known}`) : solution.type;
  return (
    <Section id={`${idPrefix}-solution`} heading={t('solution.heading', { type })}>
      {solution.models.length === 0 ? (
        <Paragraph>{t('solution.none')}</Paragraph>
      ) : (
        <>
          {solution.n_models > 1 && (
            <Alert data-color="info">
              <Heading level={4} data-size="2xs">
                {t('solution.ambiguityHeading')}
              </Heading>
              <Paragraph>{t('solution.ambiguity', { count: solution.n_models })}</Paragraph>
              {solution.essential.length > 0 && (
                <Paragraph>
                  {t('solution.essential', { terms: solution.essential.join(', ') })}
                </Paragraph>
              )}
            </Alert>
          )}
          {solution.truncated && (
            <Alert data-color="warning">
              <Paragraph>{t('solution.truncated')}</Paragraph>
            </Alert>
          )}
          {solution.models.map((m, i) => (
            <ModelView
              key={`${m.name}-${i}`}
              model={m}
              outcome={outcome}
              id={`${idPrefix}-model-${i}`}
            />
          ))}
        </>
      )}
    </Section>
  );
}

function ModelView({ model, outcome, id }: { model: Model; outcome: string; id: string }) {
  const { t } = useQcaTranslation();
  const caption = t('solution.termsCaption', { name: model.name });
  const assumptions = model.simplifying_assumptions ?? [];
  return (
    <div className="stack model">
      <Heading level={4} data-size="2xs" id={id}>
        {t('solution.model', { name: model.name })}{' '}
        <span className="expression">
          {model.expression} → {outcome}
        </span>
      </Heading>
      <dl className="details-list fit-list">
        <dt>{t('fit.inclS')}</dt>
        <dd>
          <Fit value={model.inclS} />
        </dd>
        <dt>{t('fit.PRI')}</dt>
        <dd>
          <Fit value={model.PRI} />
        </dd>
        <dt>{t('fit.covS')}</dt>
        <dd>
          <Fit value={model.covS} />
        </dd>
      </dl>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <Table zebra border data-size="sm">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('solution.term')}</Table.HeaderCell>
              {(['inclS', 'PRI', 'covS', 'covU'] as const).map((c) => (
                <Table.HeaderCell key={c} scope="col" className="numeric">
                  {t(`fit.${c}`)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col">{t('solution.cases')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {model.terms.map((term) => (
              <Table.Row key={term.term}>
                <Table.HeaderCell scope="row">
                  <span className="expression">{term.term}</span>
                </Table.HeaderCell>
                {[term.inclS, term.PRI, term.covS, term.covU].map((v, j) => (
                  <Table.Cell key={j} className="numeric">
                    <Fit value={v} />
                  </Table.Cell>
                ))}
                <Table.Cell className="cases-cell">
                  {term.cases.length > 0 ? term.cases.join(', ') : <NotSet />}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {assumptions.length > 0 && (
        <Paragraph data-size="sm">
          {t('solution.assumptions', {
            count: assumptions.length,
            rows: assumptions.join(', '),
          })}
        </Paragraph>
      )}
    </div>
  );
}

interface PlotChoice {
  key: string;
  label: string;
  expression: string;
}

function plotChoices(
  models: readonly Model[],
  modelLabel: (m: Model) => string,
  termLabel: (m: Model, term: string) => string,
) {
  const choices: PlotChoice[] = [];
  models.forEach((m, i) => {
    choices.push({ key: `m${i}`, label: modelLabel(m), expression: m.expression });
    if (m.terms.length > 1) {
      m.terms.forEach((term, j) => {
        choices.push({
          key: `m${i}t${j}`,
          label: termLabel(m, term.term),
          expression: term.term,
        });
      });
    }
  });
  return choices;
}

function XyPlot({
  report,
  outcome,
  idPrefix,
}: {
  report: QcaReport;
  outcome: string;
  idPrefix: string;
}) {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  const format = useQcaFormat();
  const choices = plotChoices(
    report.solution.models,
    (m) => t('xy.modelOption', { name: m.name, expression: m.expression }),
    (m, term) => t('xy.termOption', { name: m.name, term }),
  );
  const [key, setKey] = useState(choices[0]?.key ?? '');
  const choice = choices.find((c) => c.key === key) ?? choices[0];
  if (!choice) return null;

  let points: ReturnType<typeof xyPoints> | null;
  try {
    points = xyPoints(report.calibrated, choice.expression, outcome);
  } catch {
    points = null;
  }
  const figures = points ? fit(points) : null;
  const show = (v: number | null) => (v === null ? tc('common.notSet') : format.fit(v));
  const selectId = `${idPrefix}-xy-choice`;

  const chart = (
    <>
      <Field>
        <Label>{t('xy.choose')}</Label>
        <Select id={selectId} value={choice.key} onChange={(e) => setKey(e.target.value)}>
          {choices.map((c) => (
            <Select.Option key={c.key} value={c.key}>
              {c.label}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {points === null || figures === null ? (
        <Paragraph>{t('xy.cannotPlot')}</Paragraph>
      ) : (
        <ScatterPlot
          points={points.map((p) => ({ label: p.case, x: p.x, y: p.y }))}
          label={t('xy.label', {
            expression: choice.expression,
            outcome,
            count: points.length,
            consistency: show(figures.consistency),
            coverage: show(figures.coverage),
          })}
          xLabel={t('xy.xAxis', { expression: choice.expression })}
          yLabel={t('xy.yAxis', { outcome })}
          xDomain={[0, 1]}
          diagonal
          format={format.value}
        />
      )}
    </>
  );

  const rows = points ?? [];
  return (
    <ChartFigure
      id={`${idPrefix}-xy`}
      level={3}
      heading={t('xy.heading')}
      description={t('xy.description')}
      chart={chart}
      filename="qca-xy-plot.csv"
      table={{
        caption: t('xy.tableCaption', { expression: choice.expression, outcome }),
        columns: [t('data.case'), t('xy.colX'), t('xy.colY')],
        rows: rows.map((p) => [p.case, format.fit(p.x), format.fit(p.y)]),
        csvColumns: ['case', 'solution', 'outcome'],
        csvRows: rows.map((p) => [p.case, p.x, p.y]),
      }}
    />
  );
}
