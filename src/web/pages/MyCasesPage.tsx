import { useQuery } from '@tanstack/react-query';
import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../shared/case-vocabulary.ts';
import { myCases } from '../api.ts';
import { useLabels } from '../case-labels.ts';
import { AppLink } from '../components/AppLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { casesKey } from '../queries.ts';

export function MyCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('myCases.title'));
  return (
    <div className="stack">
      <PageHeading>{t('myCases.title')}</PageHeading>
      <RequireUser>{() => <MyCasesList />}</RequireUser>
    </div>
  );
}

function MyCasesList() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const query = useQuery({ queryKey: [...casesKey, 'mine'], queryFn: myCases });
  const items = query.data?.items ?? [];
  return (
    <>
      <Paragraph>{t('myCases.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/cases/new">{t('cases.create')}</AppLink>
        </li>
        <li>
          <AppLink to="/cases">{t('case.backToLibrary')}</AppLink>
        </li>
      </ul>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && <Paragraph>{t('myCases.none')}</Paragraph>}
      {items.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('myCases.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('myCases.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('myCases.colStatus')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('myCases.colUpdated')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('myCases.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to={`/cases/${item.id}`}>{item.title}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <Tag
                      data-color={item.status === 'draft' ? 'warning' : 'success'}
                      data-size="sm"
                    >
                      {labels.label(CASE_STATUSES, item.status)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{formatDateTime(item.updatedAt, i18n.language)}</Table.Cell>
                  <Table.Cell>
                    <AppLink
                      to={`/cases/${item.id}/edit`}
                      aria-label={t('myCases.editFor', { title: item.title })}
                    >
                      {t('myCases.edit')}
                    </AppLink>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
