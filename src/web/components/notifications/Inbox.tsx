import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../shared/notifications.ts';
import { errorMessage } from '../../validation.ts';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { NotificationItem } from './NotificationItem.tsx';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationsKey,
  useInbox,
  type InboxFilter,
} from './notifications-api.ts';
import { useNotificationsTranslation } from './notifications-i18n.ts';

/** The server answers with at most this many notifications. */
const SHOWN_AT_MOST = 100;

/** The inbox, newest first, with a filter: all or unread only. */
export function Inbox() {
  const { t: tc } = useTranslation();
  const { t } = useNotificationsTranslation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<InboxFilter>('all');
  const inbox = useInbox(filter);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function show(next: InboxFilter) {
    setStatus(null);
    setFilter(next);
  }

  async function markAll() {
    if (busy) return;
    setBusy(true);
    try {
      await markAllNotificationsRead();
      await queryClient.invalidateQueries({ queryKey: notificationsKey });
      setFailure(null);
      setStatus(t('inbox.allMarked'));
      // The button is gone now: keep the keyboard in the inbox.
      headingRef.current?.focus();
    } catch (error) {
      setStatus(null);
      setFailure(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  }

  function open(notification: Notification) {
    if (notification.read) return;
    // The link navigates at once; the count follows when the server has marked it read. If that
    // fails, the notification simply stays unread.
    markNotificationRead(notification.id).then(
      () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
      () => undefined,
    );
  }

  const data = inbox.data;
  return (
    <section aria-labelledby="inbox-heading" className="stack">
      <Heading
        level={2}
        data-size="sm"
        id="inbox-heading"
        ref={headingRef}
        tabIndex={-1}
        className="focus-target"
      >
        {t('inbox.heading')}
      </Heading>
      <div className="inbox-tools">
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('inbox.show')}</Fieldset.Legend>
          <div className="inline-radios">
            {(['all', 'unread'] as const).map((f) => (
              <Radio
                key={f}
                id={`inbox-show-${f}`}
                name="inbox-show"
                value={f}
                label={t(f === 'all' ? 'inbox.showAll' : 'inbox.showUnread')}
                checked={filter === f}
                onChange={() => show(f)}
              />
            ))}
          </div>
        </Fieldset>
        {data && data.unread > 0 && (
          <Button variant="secondary" data-size="sm" loading={busy} onClick={() => void markAll()}>
            {t('inbox.markAll')}
          </Button>
        )}
      </div>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {inbox.isPending && <Loading />}
      {inbox.isError && <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {data && (
        <Paragraph data-size="sm">
          {data.unread > 0 ? t('inbox.unreadCount', { count: data.unread }) : t('inbox.allRead')}
        </Paragraph>
      )}
      {data && data.items.length === 0 && (
        <Paragraph>{t(filter === 'unread' ? 'inbox.noneUnread' : 'inbox.none')}</Paragraph>
      )}
      {data && data.items.length > 0 && (
        <ul className="plain-list notification-list" aria-label={t('inbox.listLabel')}>
          {data.items.map((n) => (
            <NotificationItem key={n.id} notification={n} onOpen={open} />
          ))}
        </ul>
      )}
      {data && data.items.length >= SHOWN_AT_MOST && (
        <Paragraph data-size="sm">{t('inbox.newest', { count: SHOWN_AT_MOST })}</Paragraph>
      )}
    </section>
  );
}
