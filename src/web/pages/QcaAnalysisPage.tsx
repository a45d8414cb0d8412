import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SavedAnalysis } from '../../shared/qca.ts';
import {
  ApiError,
  analysisDataPath,
  analysisScriptPath,
  deleteAnalysis,
  getAnalysis,
  runQca,
} from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { QcaDataTable } from '../components/qca/QcaDataTable.tsx';
import { QcaParamsList } from '../components/qca/QcaParamsList.tsx';
import { QcaResults } from '../components/qca/QcaResults.tsx';
import { RunProblemAlert } from '../components/qca/RunProblem.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { flashState } from '../flash.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { analysesKey, analysisKey } from '../queries.ts';
import { useSession } from '../session.ts';
import { errorMessage } from '../validation.ts';
import { useQcaTranslation } from '../qca-i18n.ts';
import { runProblem } from '../qca-run-problem.ts';

/** A saved analysis: what it is, its parameters and data, and its results rerun on the server. */
export function QcaAnalysisPage() {
  const { id = '' } = useParams();
  const { t } = useQcaTranslation();
  const query = useQuery({ queryKey: analysisKey(id), queryFn: () => getAnalysis(id) });
  const analysis = query.data;
  usePageTitle(analysis?.title ?? t('analysis.title'));

  return (
    <article className="stack">
      <PageHeading>{analysis?.title ?? t('analysis.title')}</PageHeading>
      {query.isPending && <Loading />}
      {query.isError &&
        (query.error instanceof ApiError && query.error.status === 404 ? (
          <Alert data-color="warning">
            <Paragraph>{t('analysis.notFound')}</Paragraph>
          </Alert>
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ))}
      {analysis && <AnalysisView analysis={analysis} />}
    </article>
  );
}

function AnalysisView({ analysis }: { analysis: SavedAnalysis }) {
  const { t, lang } = useQcaTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<string | null>(null);

  async function copyLink() {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('analysis.linkCopied'));
    } catch {
      setStatus(t('analysis.copyFailed', { url }));
    }
  }

  return (
    <>
      <Paragraph>
        {analysis.owner
          ? t('analysis.savedBy', {
              name: analysis.owner.name,
              date: formatDate(analysis.createdAt, lang),
            })
          : t('analysis.savedOn', { date: formatDate(analysis.createdAt, lang) })}
      </Paragraph>
      {analysis.description && <Paragraph className="prose">{analysis.description}</Paragraph>}
      <div className="button-row">
        <Button variant="secondary" data-size="sm" onClick={() => void copyLink()}>
          {t('analysis.copyLink')}
        </Button>
        {analysis.canDelete && <DeleteAnalysis analysis={analysis} />}
      </div>
      <StatusMessage message={status} color="info" />
      <ul className="action-links">
        <li>
          <AppLink to="/qca">{t('analysis.workbench')}</AppLink>
        </li>
        {user && (
          <li>
            <AppLink to="/qca/analyses">{t('myAnalyses')}</AppLink>
          </li>
        )}
      </ul>

      <section aria-labelledby="qca-analysis-params" className="stack section">
        <Heading level={2} data-size="sm" id="qca-analysis-params">
          {t('analysis.paramsHeading')}
        </Heading>
        <QcaParamsList params={analysis.params} />
      </section>

      <section aria-labelledby="qca-analysis-data" className="stack section">
        <Heading level={2} data-size="sm" id="qca-analysis-data">
          {t('analysis.dataHeading')}
        </Heading>
        <QcaDataTable data={analysis.data} caption={t('analysis.dataCaption')} />
        <ul className="action-links">
          <li>
            <Link href={analysisDataPath(analysis.id)} download>
              {t('analysis.downloadData')}
            </Link>
          </li>
          <li>
            <Link href={analysisScriptPath(analysis.id)} download>
              {t('analysis.downloadScript')}
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="qca-analysis-results" className="stack section">
        <Heading level={2} data-size="sm" id="qca-analysis-results">
          {t('results.heading')}
        </Heading>
        {user ? (
          <Rerun analysis={analysis} />
        ) : (
          <Paragraph>
            <AppLink to={`/sign-in?next=${encodeURIComponent(`/qca/analyses/${analysis.id}`)}`}>
              {t('analysis.signInToRerun')}
            </AppLink>
          </Paragraph>
        )}
      </section>
    </>
  );
}

function Rerun({ analysis }: { analysis: SavedAnalysis }) {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const key = [...analysisKey(analysis.id), 'run'] as const;
  const run = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => runQca({ data: analysis.data, params: analysis.params }, signal),
    staleTime: Infinity,
    retry: false,
  });
  const cancelled = run.isError && run.error instanceof ApiError && run.error.code === 'aborted';

  return (
    <>
      <div role="status" className="results-status">
        {run.isFetching && <Paragraph>{t('run.busy')}</Paragraph>}
        {cancelled && !run.isFetching && <Paragraph>{t('run.cancelled')}</Paragraph>}
      </div>
      {run.isFetching && (
        <div className="button-row">
          <Loading />
          <Button
            variant="secondary"
            onClick={() => void queryClient.cancelQueries({ queryKey: key })}
          >
            {t('run.cancel')}
          </Button>
        </div>
      )}
      {run.isError &&
        !run.isFetching &&
        (cancelled ? (
          <div>
            <Button variant="secondary" data-size="sm" onClick={() => void run.refetch()}>
              {t('analysis.runAgain')}
            </Button>
          </div>
        ) : (
          <RunProblemAlert
            problem={runProblem(t, tc, run.error, analysis.data)}
            signInPath={`/sign-in?next=${encodeURIComponent(`/qca/analyses/${analysis.id}`)}`}
          >
            <Button variant="secondary" data-size="sm" onClick={() => void run.refetch()}>
              {t('analysis.runAgain')}
            </Button>
          </RunProblemAlert>
        ))}
      {run.data && !run.isFetching && <QcaResults report={run.data} idPrefix="qca-saved" />}
    </>
  );
}

function DeleteAnalysis({ analysis }: { analysis: SavedAnalysis }) {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteAnalysis(analysis.id);
      setOpen(false);
      queryClient.removeQueries({ queryKey: analysisKey(analysis.id) });
      await queryClient.invalidateQueries({ queryKey: analysesKey });
      await navigate('/qca/analyses', { state: flashState('qcaFlash.deleted') });
    } catch (e) {
      setError(errorMessage(tc, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setOpen(true)}>
        {t('analysis.delete')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={tc('common.closeDialog')}
        aria-labelledby="delete-analysis-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="delete-analysis-heading">
            {t('analysis.deleteHeading', { title: analysis.title })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>{t('analysis.deleteText')}</Paragraph>
          {error && (
            <Paragraph role="alert" className="error-text">
              {error}
            </Paragraph>
          )}
          <div className="button-row">
            <Button data-color="danger" loading={busy} onClick={() => void confirm()}>
              {t('analysis.deleteConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {tc('common.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
