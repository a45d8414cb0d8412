import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type {
  Calibration,
  CaseSetSpec,
  QcaDataSet,
  QcaReport,
  QcaRunRequest,
} from '../../shared/qca.ts';
import { ApiError, buildQcaDataSet, runQca } from '../api.ts';
import { useLabels } from '../case-labels.ts';
import { LIST_FACETS, filterParams, hasFilters, type SearchState } from '../case-search.ts';
import { AppLink } from '../components/AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ANALYSIS_FIELD_IDS, AnalysisForm } from '../components/qca/AnalysisForm.tsx';
import { CalibrationPanel, calibrationFieldId } from '../components/qca/CalibrationPanel.tsx';
import { CaseSetsForm } from '../components/qca/CaseSetsForm.tsx';
import { CsvUpload } from '../components/qca/CsvUpload.tsx';
import { QcaDataTable } from '../components/qca/QcaDataTable.tsx';
import { QcaResults } from '../components/qca/QcaResults.tsx';
import { RunProblemAlert } from '../components/qca/RunProblem.tsx';
import { SaveExport } from '../components/qca/SaveExport.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { useQcaTranslation, type QcaTranslate } from '../qca-i18n.ts';
import { runProblem, type RunProblem } from '../qca-run-problem.ts';
import { casesKey } from '../queries.ts';
import {
  ANALYSIS_FIELDS,
  DEFAULT_OUTCOME,
  DEFAULT_SETS,
  calibrationFromDraft,
  caseFilters,
  defaultAnalysis,
  paramsFromDraft,
  proposeCalibration,
  rawColumns,
  workbenchFromParams,
  workbenchParams,
  type AnalysisDraft,
  type AnalysisField,
  type CalibrationDraft,
  type CalibrationError,
  type DataSource,
  type WorkbenchState,
} from '../qca-workbench.ts';
import { useSession } from '../session.ts';

/** The QCA workbench: data, calibration, analysis, results, save and export. */
export function QcaPage() {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => workbenchFromParams(params), [params]);
  const [upload, setUpload] = useState<{ data: QcaDataSet; source: string; n: number } | null>(
    null,
  );

  const request = state.sets
    ? { filters: caseFilters(state.search), sets: state.sets, codedOnly: state.codedOnly }
    : null;
  const requestKey = request ? JSON.stringify(request) : '';
  const dataset = useQuery({
    queryKey: [...casesKey, 'qca-dataset', requestKey],
    queryFn: () => buildQcaDataSet(request!),
    enabled: state.source === 'library' && request !== null,
    staleTime: Infinity,
  });

  function go(next: WorkbenchState) {
    setParams(workbenchParams(next), { preventScrollReset: true });
  }

  const data = state.source === 'library' ? (request ? dataset.data : undefined) : upload?.data;
  const dataKey =
    state.source === 'library'
      ? `library:${requestKey}:${dataset.dataUpdatedAt}`
      : `csv:${upload?.n ?? 0}`;
  const presetOutcome = state.source === 'library' ? state.outcome : null;

  return (
    <div className="stack">
      <PageHeading>{t('title')}</PageHeading>
      <Paragraph>{t('lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/qca/analyses">{t('myAnalyses')}</AppLink>
        </li>
        <li>
          <AppLink to="/cases">{tc('case.backToLibrary')}</AppLink>
        </li>
      </ul>

      <Step id="qca-data-heading" heading={t('data.heading')}>
        <Fieldset>
          <Fieldset.Legend>{t('data.source')}</Fieldset.Legend>
          {(['library', 'csv'] as const satisfies readonly DataSource[]).map((s) => (
            <Radio
              key={s}
              id={`qca-source-${s}`}
              name="qca-source"
              value={s}
              label={t(`data.sources.${s}`)}
              checked={state.source === s}
              onChange={() => go({ ...state, source: s })}
            />
          ))}
        </Fieldset>

        {state.source === 'library' ? (
          <>
            <ActiveFilters search={state.search} />
            <Heading level={3} data-size="xs" id="qca-sets-heading">
              {t('sets.heading')}
            </Heading>
            <Paragraph>{t('sets.lead')}</Paragraph>
            <CaseSetsForm
              sets={state.sets ?? DEFAULT_SETS}
              outcome={state.outcome ?? (state.sets ? '' : DEFAULT_OUTCOME)}
              codedOnly={state.codedOnly}
              busy={dataset.isFetching}
              onSubmit={(sets: CaseSetSpec[], outcome, codedOnly) =>
                go({ ...state, sets, outcome, codedOnly })
              }
            />
            {dataset.isFetching && <Loading />}
            {dataset.isError &&
              (isNoCases(dataset.error) ? (
                <Alert data-color="warning">
                  <Paragraph>{t('data.noCases')}</Paragraph>
                </Alert>
              ) : (
                <LoadError error={dataset.error} onRetry={() => void dataset.refetch()} />
              ))}
          </>
        ) : (
          <CsvUpload
            onData={(d, source) => setUpload((u) => ({ data: d, source, n: (u?.n ?? 0) + 1 }))}
          />
        )}

        <div role="status" className="results-status">
          {data && (
            <Paragraph>
              {t('data.ready', {
                count: data.rows.length,
                sets: data.columns.length,
              })}
            </Paragraph>
          )}
        </div>
        {data && (
          <>
            <Heading level={3} data-size="xs">
              {t('data.tableHeading')}
            </Heading>
            <QcaDataTable
              data={data}
              caption={
                state.source === 'csv' && upload
                  ? t('data.captionFile', { source: upload.source })
                  : t('data.captionLibrary')
              }
            />
          </>
        )}
      </Step>

      {data ? (
        <AnalysisSteps key={dataKey} data={data} presetOutcome={presetOutcome} />
      ) : (
        <Paragraph>{t('data.first')}</Paragraph>
      )}
    </div>
  );
}

/** The server found no case for the data set (it answers 404 or 422, code `no_cases`). */
function isNoCases(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'no_cases' || error.status === 404 || error.status === 422)
  );
}

function Step({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack section">
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function ActiveFilters({ search }: { search: SearchState }) {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const filters = filterParams(search).toString();
  const parts: string[] = [];
  if (search.q) parts.push(tc('compare.filterText', { q: search.q }));
  for (const facet of LIST_FACETS) {
    const values = search.lists[facet];
    if (values.length === 0) continue;
    parts.push(
      `${tc(`cases.facet.${facet}`)}: ${values.map((v) => labels.facetValue(facet, v)).join(', ')}`,
    );
  }
  if (search.yearFrom !== null || search.yearTo !== null) {
    parts.push(`${tc('cases.facet.year')}: ${search.yearFrom ?? '…'}–${search.yearTo ?? '…'}`);
  }
  if (search.coded) {
    parts.push(
      `${tc('cases.facet.coded')}: ${search.coded === 'yes' ? tc('cases.codedYes') : tc('cases.codedNo')}`,
    );
  }
  return (
    <Paragraph>
      {hasFilters(search)
        ? t('data.filtered', { filters: parts.join('; ') })
        : t('data.unfiltered')}{' '}
      <AppLink to={filters ? `/cases?${filters}` : '/cases'}>{t('data.changeFilters')}</AppLink>
    </Paragraph>
  );
}

type Run =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; report: QcaReport }
  | { status: 'cancelled' }
  | ({ status: 'failed' } & RunProblem);

/** Calibrate, analyse, results, save: one data set's work (reset when the data change). */
function AnalysisSteps({
  data,
  presetOutcome,
}: {
  data: QcaDataSet;
  presetOutcome: string | null;
}) {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const raw = useMemo(() => rawColumns(data), [data]);
  const [calibrations, setCalibrations] = useState<Record<string, CalibrationDraft>>(() =>
    Object.fromEntries(
      raw.map((c) => {
        const j = data.columns.indexOf(c);
        return [c, proposeCalibration(data.rows.map((r) => r.values[j] ?? null))];
      }),
    ),
  );
  const [calibrationErrors, setCalibrationErrors] = useState<Record<string, CalibrationError[]>>(
    {},
  );
  const [draft, setDraft] = useState<AnalysisDraft>(() =>
    defaultAnalysis(data.columns, presetOutcome),
  );
  const form = useFormErrors<string>();
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  /** Validate both forms; show their errors, or give the request. */
  function validate(): QcaRunRequest | null {
    const calibration: Record<string, Calibration> = {};
    const calErrors: Record<string, CalibrationError[]> = {};
    const fields: Record<string, string> = {};
    for (const [column, d] of Object.entries(calibrations)) {
      const result = calibrationFromDraft(d);
      if (result.ok) {
        if (result.calibration) calibration[column] = result.calibration;
      } else {
        calErrors[column] = result.errors;
        for (const e of result.errors) {
          fields[`cal:${column}:${e}`] = t(`calibrate.error.${e}`);
        }
      }
    }
    setCalibrationErrors(calErrors);
    const params = paramsOrErrors(draft, calibration, t);
    if (!params.ok) Object.assign(fields, params.errors);
    if (Object.keys(fields).length > 0 || !params.ok) {
      form.show(fields);
      return null;
    }
    form.clear();
    return { data, params: params.params };
  }

  async function start() {
    const request = validate();
    if (!request) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRun({ status: 'running' });
    try {
      const report = await runQca(request, abort.signal);
      if (controller.current !== abort) return;
      setRun({ status: 'done', report });
      requestAnimationFrame(() => resultsRef.current?.focus());
    } catch (e) {
      if (controller.current !== abort) return;
      if (e instanceof ApiError && e.code === 'aborted') setRun({ status: 'cancelled' });
      else setRun({ status: 'failed', ...runProblem(t, tc, e, data) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  function cancel() {
    controller.current?.abort();
  }

  const summaryFields = [
    ...ANALYSIS_FIELDS.map((f) => ({
      name: f,
      id: ANALYSIS_FIELD_IDS[f],
      label: t(`analyse.${f}`),
    })),
    ...Object.keys(calibrations).flatMap((column) =>
      (['thresholds', 'exclusion', 'crossover', 'inclusion', 'order'] as const).map((e) => ({
        name: `cal:${column}:${e}`,
        id: calibrationFieldId(column, e),
        label: t('calibrate.columnHeading', { column }),
      })),
    ),
  ];
  const analysisErrors: Partial<Record<AnalysisField, string>> = {};
  for (const f of ANALYSIS_FIELDS) if (form.errors[f]) analysisErrors[f] = form.errors[f];
  const signInPath = `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;

  return (
    <>
      <Step id="qca-calibrate-heading" heading={t('calibrate.heading')}>
        <CalibrationPanel
          data={data}
          columns={raw}
          drafts={calibrations}
          errors={calibrationErrors}
          onChange={(column, d) => setCalibrations((all) => ({ ...all, [column]: d }))}
        />
      </Step>

      <Step id="qca-analyse-heading" heading={t('analyse.heading')}>
        <Paragraph>{t('analyse.lead')}</Paragraph>
        <FormErrorSummary fields={summaryFields} {...form} />
        <AnalysisForm
          columns={data.columns}
          draft={draft}
          errors={analysisErrors}
          onChange={setDraft}
          onRun={() => void start()}
          onCancel={cancel}
          running={run.status === 'running'}
          canRun={user !== null}
        />
        {!user && (
          <Paragraph>
            <AppLink to={signInPath}>{t('run.signInToRun')}</AppLink>
          </Paragraph>
        )}
        <div role="status" className="results-status">
          {run.status === 'running' && <Paragraph>{t('run.busy')}</Paragraph>}
          {run.status === 'cancelled' && <Paragraph>{t('run.cancelled')}</Paragraph>}
          {run.status === 'done' && (
            <Paragraph>
              {t('run.done', {
                rows: run.report.truth_table.rows.length,
                count: run.report.solution.models.length,
                seconds: (run.report.elapsedMs / 1000).toFixed(1),
              })}
            </Paragraph>
          )}
        </div>
        {run.status === 'failed' && <RunProblemAlert problem={run} signInPath={signInPath} />}
      </Step>

      {run.status === 'done' && (
        <section aria-labelledby="qca-results-heading" className="stack section">
          <Heading
            level={2}
            data-size="sm"
            id="qca-results-heading"
            ref={resultsRef}
            tabIndex={-1}
            className="focus-target"
          >
            {t('results.heading')}
          </Heading>
          <QcaResults report={run.report} idPrefix="qca-results" />
        </section>
      )}

      <Step id="qca-save-step-heading" heading={t('save.heading')}>
        <SaveExport data={data} request={validate} user={user} />
      </Step>
    </>
  );
}

function paramsOrErrors(
  draft: AnalysisDraft,
  calibration: Record<string, Calibration>,
  t: QcaTranslate,
) {
  const result = paramsFromDraft(draft, calibration);
  if (result.ok) return result;
  const errors: Record<string, string> = {};
  for (const [field, error] of Object.entries(result.errors)) {
    errors[field] = t(`analyse.error.${error}`);
  }
  return { ok: false as const, errors };
}
