import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { getCase } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { AdopterTable } from '../components/diffusion/AdopterTable.tsx';
import { AdoptionCurve } from '../components/diffusion/AdoptionCurve.tsx';
import { DiffusionFlows } from '../components/diffusion/DiffusionFlows.tsx';
import { DiffusionMap } from '../components/diffusion/DiffusionMap.tsx';
import { useDiffusionTranslation } from '../components/diffusion/diffusion-i18n.ts';
import { EhaSection } from '../components/diffusion/EhaSection.tsx';
import { InnovationForm } from '../components/diffusion/InnovationForm.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import {
  diffusionApiPath,
  diffusionFileStem,
  diffusionParams,
  diffusionStateFromParams,
  type DiffusionState,
  type Innovation,
} from '../diffusion-view.ts';
import { usePageTitle } from '../pageTitle.ts';
import { caseKey, useDiffusion } from '../queries.ts';
import { errorMessage } from '../validation.ts';

/** How innovations spread: the adoption curve with a Bass fit, a map, flows, adopters, and EHA. */
export function DiffusionPage() {
  const { t } = useDiffusionTranslation();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => diffusionStateFromParams(params), [params]);
  const { innovation, unit } = state;
  const caseId = innovation.kind === 'case' ? innovation.id : '';
  const caseQuery = useQuery({
    queryKey: caseKey(caseId),
    queryFn: () => getCase(caseId),
    enabled: caseId !== '',
  });
  const query = useDiffusion(innovation, unit);
  const view = query.data;
  const stem = diffusionFileStem(innovation);

  function go(next: DiffusionState, replace = false) {
    setParams(diffusionParams(next), { replace, preventScrollReset: true });
  }

  return (
    <div className="stack">
      <PageHeading>{t('title')}</PageHeading>
      <Paragraph className="prose">{t('lead')}</Paragraph>
      <InnovationForm
        innovation={innovation}
        unit={unit}
        caseTitle={caseQuery.data?.title ?? null}
        onSubmit={(next, nextUnit) =>
          go({ ...state, innovation: next, unit: nextUnit, year: null })
        }
      />
      <Showing
        innovation={innovation}
        caseTitle={caseQuery.data?.title ?? null}
        caseError={caseQuery.error}
      />

      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {view && (
        <div
          className={
            query.isFetching ? 'stack diffusion-results updating' : 'stack diffusion-results'
          }
          aria-busy={query.isFetching}
        >
          <AdoptionCurve view={view} filename={`${stem}-curve.csv`} />
          <DiffusionMap
            key={diffusionApiPath(innovation, unit)}
            view={view}
            initialYear={state.year}
            onYear={(year) => go({ ...state, year }, true)}
            filename={`${stem}-countries.csv`}
          />
          <DiffusionFlows
            view={view}
            filenames={[`${stem}-country-flows.csv`, `${stem}-tradition-flows.csv`]}
          />
          <AdopterTable view={view} filename={`${stem}-adopters.csv`} />
        </div>
      )}

      <EhaSection
        innovation={innovation}
        eha={state.eha}
        onRun={(eha) => go({ ...state, eha })}
        filename={`${stem}-eha.csv`}
      />
    </div>
  );
}

/** What the page shows, in words, with a link to the case. */
function Showing({
  innovation,
  caseTitle,
  caseError,
}: {
  innovation: Innovation;
  caseTitle: string | null;
  caseError: unknown;
}) {
  const { t } = useDiffusionTranslation();
  const { t: tc } = useTranslation();
  let text: ReactNode;
  switch (innovation.kind) {
    case 'library':
      text = t('showing.library');
      break;
    case 'tag':
      text = t('showing.tag', { tag: innovation.value });
      break;
    case 'technology':
      text = t('showing.technology', { technology: innovation.value });
      break;
    case 'case':
      text = (
        <>
          {t('showing.case')}{' '}
          <AppLink to={`/cases/${innovation.id}`}>{caseTitle ?? t('choose.thisCase')}</AppLink>
          {caseError ? ` (${errorMessage(tc, caseError)})` : null}
        </>
      );
      break;
  }
  return <Paragraph data-size="lg">{text}</Paragraph>;
}
