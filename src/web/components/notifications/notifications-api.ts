import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  NotificationList,
  NotificationSettings,
  type EmailFrequency,
} from '../../../shared/notifications.ts';
import { json, noContent } from '../../api.ts';
import { useSession } from '../../session.ts';

/*
 * The inbox, the e-mail settings and the one-click unsubscribe. Answers are checked against the
 * schemas shared with the server; requests go through src/web/api.ts (CSRF token, error shape).
 */

const enc = encodeURIComponent;

type Settings = z.infer<typeof NotificationSettings>;

/** Which notifications the inbox shows. */
export type InboxFilter = 'unread' | 'all';

export function listNotifications(filter: InboxFilter): Promise<NotificationList> {
  return json(NotificationList, 'GET', `/api/me/notifications?unread=${filter === 'unread'}`);
}

export function markNotificationRead(id: string): Promise<void> {
  return noContent('POST', `/api/me/notifications/${enc(id)}/read`);
}

export function markAllNotificationsRead(): Promise<void> {
  return noContent('POST', '/api/me/notifications/read-all');
}

export function getNotificationSettings(): Promise<Settings> {
  return json(NotificationSettings, 'GET', '/api/me/notification-settings');
}

export function saveNotificationSettings(emailFrequency: EmailFrequency): Promise<Settings> {
  return json(NotificationSettings, 'PUT', '/api/me/notification-settings', { emailFrequency });
}

/** Turns all e-mail off with the token from an e-mail's link; no sign-in needed. */
export function unsubscribe(token: string): Promise<void> {
  return noContent('POST', `/api/unsubscribe?token=${enc(token)}`);
}

/** The inbox in all its views: one prefix, so marking one read refreshes the menu's count too. */
export const notificationsKey = ['notifications'] as const;
/** The server writes the texts in the account's language: a change of language asks again. */
const inboxKey = (filter: InboxFilter, locale: string) =>
  [...notificationsKey, filter, locale] as const;
export const notificationSettingsKey = ['notification-settings'] as const;

export function useInbox(filter: InboxFilter) {
  const locale = useSession().user?.locale ?? '';
  return useQuery({
    queryKey: inboxKey(filter, locale),
    queryFn: () => listNotifications(filter),
  });
}

/**
 * The number of unread notifications, for the menu: asked again every minute while the page is
 * visible, and when the window gets focus. It shares the cache of the inbox's "unread" view.
 */
export function useUnreadCount() {
  const { user } = useSession();
  return useQuery({
    queryKey: inboxKey('unread', user?.locale ?? ''),
    queryFn: () => listNotifications('unread'),
    enabled: user !== null,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    select: (list) => list.unread,
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationSettingsKey, queryFn: getNotificationSettings });
}
