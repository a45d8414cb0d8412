import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { FACILITATION_KINDS, FACILITATION_STATUSES } from '../../../shared/initiatives.ts';
import { useLabels } from '../../case-labels.ts';
import { AppLink } from '../AppLink.tsx';
import { LoadError } from '../LoadError.tsx';
import { getFacilitationProfile, initiativesKey } from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

/** On a public body's page: what it did to facilitate initiatives, by kind and status. */
export function FacilitationProfile({ organisationId }: { organisationId: string }) {
  const { t } = useInitiativesTranslation();
  const labels = useLabels();
  const query = useQuery({
    queryKey: [...initiativesKey, 'facilitation-profile', organisationId],
    queryFn: () => getFacilitationProfile(organisationId),
  });
  const profile = query.data;
  const kinds = profile
    ? FACILITATION_KINDS.values.filter((k) => profile.byKind[k] !== undefined)
    : [];

  return (
    <section aria-labelledby="org-facilitation-heading" className="stack section">
      <Heading level={2} data-size="sm" id="org-facilitation-heading">
        {t('profile.heading')}
      </Heading>
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {profile && profile.items.length === 0 && <Paragraph>{t('profile.none')}</Paragraph>}
      {profile && kinds.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('profile.caption')} tabIndex={0}>
          <Table zebra border>
            <caption>{t('profile.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('facilitation.kind')}</Table.HeaderCell>
                {FACILITATION_STATUSES.values.map((s) => (
                  <Table.HeaderCell key={s} scope="col" className="numeric">
                    {labels.label(FACILITATION_STATUSES, s)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {kinds.map((k) => (
                <Table.Row key={k}>
                  <Table.HeaderCell scope="row">
                    {labels.label(FACILITATION_KINDS, k)}
                  </Table.HeaderCell>
                  {FACILITATION_STATUSES.values.map((s) => (
                    <Table.Cell key={s} className="numeric">
                      {profile.byKind[k]?.[s] ?? 0}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {profile && profile.items.length > 0 && (
        <ul className="plain-list stack" aria-label={t('profile.listLabel')}>
          {profile.items.map((f) => (
            <li key={f.id}>
              <AppLink to={`/initiatives/${f.initiative.id}`}>{f.initiative.title}</AppLink>
              {': '}
              {labels.label(FACILITATION_KINDS, f.kind)} (
              {labels.label(FACILITATION_STATUSES, f.status)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
