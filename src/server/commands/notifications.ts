/** The inbox and the e-mail settings of the signed-in person. */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  renderNotification,
  type EmailFrequency,
  type Notification,
  type NotificationKind,
  type NotificationList,
} from '../../shared/notifications.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { notFound } from '../errors.ts';
import { ensureSettings } from '../notifications/notify.ts';

export async function listNotifications(
  db: Db,
  viewer: ActiveSession,
  unreadOnly: boolean,
): Promise<NotificationList> {
  const found = await rows<{
    id: string;
    kind: NotificationKind;
    params: Record<string, string>;
    link: string;
    read_at: unknown;
    created_at: string | Date;
  }>(
    db,
    sql`select id, kind, params, link, read_at, created_at from notifications
        where user_id = ${viewer.user.id} ${unreadOnly ? sql`and read_at is null` : sql``}
        order by created_at desc, id desc limit 100`,
  );
  const [{ unread } = { unread: 0 }] = await rows<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from notifications where user_id = ${viewer.user.id} and read_at is null`,
  );
  return {
    items: found.map((n): Notification => ({
      id: n.id,
      kind: n.kind,
      params: n.params,
      text: renderNotification(n.kind, n.params, viewer.user.locale),
      link: n.link,
      read: n.read_at !== null,
      createdAt: new Date(n.created_at).toISOString(),
    })),
    unread,
  };
}

export async function markRead(db: Db, viewer: ActiveSession, id: string) {
  const done = await rows<{ id: string }>(
    db,
    sql`update notifications set read_at = coalesce(read_at, now())
        where id = ${id} and user_id = ${viewer.user.id} returning id`,
  );
  if (done.length === 0) throw notFound('Notification');
}

export async function markAllRead(db: Db, viewer: ActiveSession) {
  await db.execute(
    sql`update notifications set read_at = now() where user_id = ${viewer.user.id} and read_at is null`,
  );
}

export async function getNotificationSettings(db: Db, viewer: ActiveSession) {
  const s = await ensureSettings(db, viewer.user.id);
  return { emailFrequency: s.email_frequency };
}

/**
 * Changes the e-mail frequency. A digest starts from now, so switching to one never mails
 * notifications that were already sent one by one.
 */
export async function setNotificationSettings(
  db: Db,
  viewer: ActiveSession,
  emailFrequency: EmailFrequency,
) {
  await ensureSettings(db, viewer.user.id);
  await db.execute(
    sql`update notification_settings
        set email_frequency = ${emailFrequency},
            last_digest_at = case when email_frequency = ${emailFrequency} then last_digest_at else now() end
        where user_id = ${viewer.user.id}`,
  );
  return { emailFrequency };
}

/**
 * One-click unsubscribe: the token from an e-mail turns all e-mail off and is replaced, so an
 * old link cannot be replayed. An unknown token is a 404.
 */
export async function unsubscribe(db: Db, token: string) {
  const done = await rows<{ user_id: string }>(
    db,
    sql`update notification_settings
        set email_frequency = 'off', unsubscribe_token = ${randomBytes(24).toString('base64url')}
        where unsubscribe_token = ${token} returning user_id`,
  );
  if (done.length === 0) throw notFound('Subscription');
}
