import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import {
  EXPERIMENT_DESIGNS,
  EXPERIMENT_RESULTS,
  EXPERIMENT_STATUSES,
  type Space,
} from '../../../shared/havens.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { AppLink } from '../AppLink.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { NotSet } from '../NotSet.tsx';
import { createExperiment, experimentKey, spaceKey, useExperiments } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';
import { PlanForm } from './PlanForm.tsx';

/** The experiments of a space, and (for those who may write) the form to register one. */
export function SpaceExperiments({ space }: { space: Space }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const experiments = useExperiments(space.id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  return (
    <section aria-labelledby="space-experiments-heading" className="stack section">
      <Heading level={2} data-size="sm" id="space-experiments-heading">
        {t('experiments.heading')}
      </Heading>
      {experiments.isPending && <Loading />}
      {experiments.isError && (
        <LoadError error={experiments.error} onRetry={() => void experiments.refetch()} />
      )}
      {experiments.data && experiments.data.length === 0 && (
        <Paragraph>{t('experiments.none')}</Paragraph>
      )}
      {experiments.data && experiments.data.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">
              {t('experiments.tableCaption', { name: space.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('experiments.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('experiments.colDesign')}</Table.HeaderCell>
                <Table.HeaderCell>{t('experiments.colStatus')}</Table.HeaderCell>
                <Table.HeaderCell>{t('experiments.colResult')}</Table.HeaderCell>
                <Table.HeaderCell>{t('experiments.colPeriod')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {experiments.data.map((e) => (
                <Table.Row key={e.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to={`/experiments/${e.id}`}>{e.title}</AppLink>{' '}
                    {e.published && (
                      <Tag data-color="success" data-size="sm">
                        {t('experiments.published')}
                      </Tag>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{labels.label(EXPERIMENT_DESIGNS, e.design)}</Table.Cell>
                  <Table.Cell>{labels.label(EXPERIMENT_STATUSES, e.status)}</Table.Cell>
                  <Table.Cell>
                    {e.result ? labels.label(EXPERIMENT_RESULTS, e.result) : <NotSet />}
                  </Table.Cell>
                  <Table.Cell>
                    {e.startsOn || e.endsOn ? (
                      t('experiments.period', {
                        from: e.startsOn ? formatDate(e.startsOn, lang) : '…',
                        to: e.endsOn ? formatDate(e.endsOn, lang) : '…',
                      })
                    ) : (
                      <NotSet />
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      {space.canWrite && (
        <Details>
          <Details.Summary>{t('experiments.register')}</Details.Summary>
          <Details.Content>
            <div className="stack">
              <Paragraph className="prose">{t('experiments.registerLead')}</Paragraph>
              <PlanForm
                submitLabel={t('experiments.registerSubmit')}
                onCreate={async (input) => {
                  const created = await createExperiment(space.id, input);
                  queryClient.setQueryData(experimentKey(created.id), created);
                  await queryClient.invalidateQueries({ queryKey: spaceKey(space.id) });
                  await navigate(`/experiments/${created.id}`);
                }}
              />
            </div>
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
