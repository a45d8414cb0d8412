import { Tag } from '@digdir/designsystemet-react';
import type { Notification } from '../../../shared/notifications.ts';
import { formatDateTime } from '../../format.ts';
import { safeNext } from '../../session.ts';
import { AppLink } from '../AppLink.tsx';
import { useNotificationsTranslation } from './notifications-i18n.ts';

/** One notification: its text links to what it is about; an unread one says so in words too. */
export function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) {
  const { t, lang } = useNotificationsTranslation();
  const { read, text, link, createdAt } = notification;
  return (
    <li className={read ? 'notification' : 'notification notification-unread'}>
      <div className="notification-text">
        {!read && (
          <Tag data-color="info" data-size="sm">
            {t('inbox.unread')}
          </Tag>
        )}{' '}
        {/* Links come from the server; safeNext keeps them inside this app. */}
        <AppLink to={safeNext(link)} onClick={() => onOpen(notification)}>
          {text}
        </AppLink>
      </div>
      <time dateTime={createdAt} className="notification-date">
        {formatDateTime(createdAt, lang)}
      </time>
    </li>
  );
}
