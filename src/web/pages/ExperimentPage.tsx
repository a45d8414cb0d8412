import { useParams } from 'react-router';
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { EXPERIMENT_RESULTS, EXPERIMENT_STATUSES, type Experiment } from '../../shared/havens.ts';
import { AppLink } from '../components/AppLink.tsx';
import { AllocationSection } from '../components/havens/AllocationSection.tsx';
import { DecisionLog } from '../components/havens/DecisionLog.tsx';
import { useExperiment } from '../components/havens/havens-api.ts';
import { useHavensTranslation } from '../components/havens/havens-i18n.ts';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { OutcomesSection } from '../components/havens/OutcomesSection.tsx';
import { PlanSection } from '../components/havens/PlanSection.tsx';
import { PublicationSection } from '../components/havens/PublicationSection.tsx';
import { ReportSection } from '../components/havens/ReportSection.tsx';
import { StatusActions } from '../components/havens/StatusActions.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useLabels } from '../case-labels.ts';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';

/** An experiment: its plan and amendments, status, allocation, outcomes, lessons, decisions and publication. */
export function ExperimentPage() {
  const { id = '' } = useParams();
  const { t } = useHavensTranslation();
  const query = useExperiment(id);
  const experiment = query.data;
  usePageTitle(experiment?.title ?? t('experiment.title'));

  return (
    <div className="stack">
      <PageHeading>{experiment?.title ?? t('experiment.title')}</PageHeading>
      <HavensLoadState query={query} notFound={t('experiment.notFound')} />
      {experiment && <ExperimentContent experiment={experiment} />}
    </div>
  );
}

function ExperimentContent({ experiment }: { experiment: Experiment }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const ended = experiment.status === 'completed' || experiment.status === 'stopped';

  return (
    <>
      <Paragraph>
        <AppLink to={`/spaces/${experiment.space.id}`}>
          {t('experiment.backToSpace', { name: experiment.space.name })}
        </AppLink>
      </Paragraph>
      <div>
        <Tag data-color={experiment.status === 'stopped' ? 'warning' : 'info'}>
          {t('experiment.statusTag', {
            status: labels.label(EXPERIMENT_STATUSES, experiment.status),
          })}
        </Tag>
      </div>
      <dl className="details-list">
        <dt>{t('experiment.result')}</dt>
        <dd>
          {experiment.result ? labels.label(EXPERIMENT_RESULTS, experiment.result) : <NotSet />}
        </dd>
        <dt>{t('experiment.startedAt')}</dt>
        <dd>{experiment.startedAt ? formatDateTime(experiment.startedAt, lang) : <NotSet />}</dd>
        <dt>{t('experiment.endedAt')}</dt>
        <dd>{experiment.endedAt ? formatDateTime(experiment.endedAt, lang) : <NotSet />}</dd>
        {experiment.stopReason && (
          <>
            <dt>{t('experiment.stopReason')}</dt>
            <dd className="prose">{experiment.stopReason}</dd>
          </>
        )}
        <dt>{t('experiment.createdBy')}</dt>
        <dd>{experiment.createdBy?.name ?? <NotSet />}</dd>
      </dl>

      {experiment.canWrite && <StatusActions experiment={experiment} />}
      <PlanSection experiment={experiment} />
      <AllocationSection experiment={experiment} />
      <OutcomesSection experiment={experiment} />
      <ReportSection experiment={experiment} />
      <DecisionLog experiment={experiment} />
      {experiment.canManage && ended && <PublicationSection experiment={experiment} />}
    </>
  );
}
