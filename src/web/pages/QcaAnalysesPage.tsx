import { useQuery } from '@tanstack/react-query';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { listAnalyses } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { analysesKey } from '../queries.ts';
import { useQcaTranslation } from '../qca-i18n.ts';

/** The QCA analyses the signed-in person has saved. */
export function QcaAnalysesPage() {
  const { t } = useQcaTranslation();
  usePageTitle(t('analyses.title'));
  return (
    <div className="stack">
      <PageHeading>{t('analyses.title')}</PageHeading>
      <RequireUser>{() => <AnalysesList />}</RequireUser>
    </div>
  );
}

function AnalysesList() {
  const { t, lang } = useQcaTranslation();
  const query = useQuery({ queryKey: analysesKey, queryFn: listAnalyses });
  const items = query.data?.items ?? [];
  return (
    <>
      <Paragraph>{t('analyses.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/qca">{t('analyses.newAnalysis')}</AppLink>
        </li>
      </ul>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && <Paragraph>{t('analyses.none')}</Paragraph>}
      {items.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('analyses.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('analyses.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('analyses.colCases')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('analyses.colCreated')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to={`/qca/analyses/${item.id}`}>{item.title}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell className="numeric">{item.cases}</Table.Cell>
                  <Table.Cell>{formatDateTime(item.createdAt, lang)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
