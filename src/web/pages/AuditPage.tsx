import { useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { listAudit } from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { isPlatformAdmin } from '../session.ts';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <div className="stack">
      <PageHeading>{t('audit.title')}</PageHeading>
      <RequireUser>
        {(user) =>
          isPlatformAdmin(user) ? (
            <AuditLog />
          ) : (
            <Alert data-color="warning">
              <Paragraph>{t('audit.forbidden')}</Paragraph>
            </Alert>
          )
        }
      </RequireUser>
    </div>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = params.get('action')?.trim() || undefined;
  const [draft, setDraft] = useState(action ?? '');
  // Cursors of the pages visited so far; the last one is the current page.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const regionRef = useRef<HTMLDivElement>(null);

  const query = useQuery({
    queryKey: ['audit', action ?? '', cursor ?? ''],
    queryFn: () => listAudit({ action, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  function onFilter(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('action', draft.trim());
    setParams(next);
    setCursors([undefined]);
  }

  const entries = query.data?.items ?? [];
  const nextCursor = query.data?.nextCursor ?? null;

  return (
    <>
      <Paragraph>{t('audit.lead')}</Paragraph>
      <form role="search" aria-label={t('common.search')} onSubmit={onFilter} className="filters">
        <Textfield
          id="audit-action"
          label={t('audit.actionFilter')}
          description={t('audit.actionHint')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="filters-actions">
          <Button type="submit">{t('audit.apply')}</Button>
        </div>
      </form>

      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      <div role="status">
        {query.isSuccess && entries.length === 0 && <Paragraph>{t('audit.none')}</Paragraph>}
      </div>

      {entries.length > 0 && (
        <div
          ref={regionRef}
          className="table-scroll"
          role="region"
          aria-labelledby="audit-caption"
          // Scrollable on small screens, so it must be reachable with the keyboard.
          tabIndex={0}
        >
          <Table zebra border data-size="sm">
            <caption id="audit-caption">{t('audit.captionPage', { page: cursors.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.colTime')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.colActor')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.colAction')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.colTarget')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.colDetails')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.Cell>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                  </Table.Cell>
                  <Table.Cell>{entry.actorName ?? t('audit.system')}</Table.Cell>
                  <Table.Cell>
                    <code>{entry.action}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <code>{entry.targetType}</code>
                    {entry.targetId && (
                      <>
                        {' '}
                        <code className="id">{entry.targetId}</code>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {Object.keys(entry.details).length > 0 ? (
                      <code className="details">{JSON.stringify(entry.details)}</code>
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

      {(cursors.length > 1 || nextCursor) && (
        <nav aria-label={t('audit.pagination')} className="button-row">
          <Button
            variant="secondary"
            disabled={cursors.length <= 1}
            onClick={() => {
              setCursors((c) => c.slice(0, -1));
              regionRef.current?.focus();
            }}
          >
            {t('common.previousPage')}
          </Button>
          <Button
            variant="secondary"
            disabled={!nextCursor}
            onClick={() => {
              if (!nextCursor) return;
              setCursors((c) => [...c, nextCursor]);
              regionRef.current?.focus();
            }}
          >
            {t('common.nextPage')}
          </Button>
        </nav>
      )}
    </>
  );
}
