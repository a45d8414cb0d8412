import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatDateTime } from '../../format.ts';
import { accessActionKey } from '../../havens-format.ts';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { NotSet } from '../NotSet.tsx';
import { useAccessLog } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

/** Who looked at or changed what in the space, newest first (owners only). */
export function AccessLogSection({ spaceId }: { spaceId: string }) {
  const { t, lang } = useHavensTranslation();
  const log = useAccessLog(spaceId, true);

  return (
    <section aria-labelledby="space-access-log-heading" className="stack section">
      <Heading level={2} data-size="sm" id="space-access-log-heading">
        {t('accessLog.heading')}
      </Heading>
      <Paragraph>{t('accessLog.lead')}</Paragraph>
      {log.isPending && <Loading />}
      {log.isError && <LoadError error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && log.data.length === 0 && <Paragraph>{t('accessLog.none')}</Paragraph>}
      {log.data && log.data.length > 0 && (
        <div className="table-scroll">
          <Table zebra border data-size="sm">
            <caption className="visually-hidden">{t('accessLog.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('accessLog.colAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('accessLog.colUser')}</Table.HeaderCell>
                <Table.HeaderCell>{t('accessLog.colAction')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {log.data.map((entry, i) => {
                const key = accessActionKey(entry.action);
                return (
                  <Table.Row key={`${entry.at}-${i}`}>
                    <Table.Cell>{formatDateTime(entry.at, lang)}</Table.Cell>
                    <Table.Cell>{entry.user?.name ?? <NotSet />}</Table.Cell>
                    <Table.Cell>{key ? t(`accessLog.actions.${key}`) : entry.action}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
