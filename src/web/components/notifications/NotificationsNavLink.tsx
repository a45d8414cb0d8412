import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './notifications-api.ts';

/**
 * The menu's link to the inbox. With unread notifications it shows their number; its accessible
 * name says what the number means ("Notifications (3 unread)").
 */
export function NotificationsNavLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <li>
      <NavLink to="/notifications" className="nav-link">
        {t('layout.notifications')}
        {unread > 0 && (
          <>
            <span className="nav-count" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
            {/* The space is here, not before the badge, so the link's underline stops at the word. */}
            <span className="visually-hidden">
              {` ${t('layout.notificationsUnread', { count: unread })}`}
            </span>
          </>
        )}
      </NavLink>
    </li>
  );
}
