/**
 * Emitting a notification: the inbox row, and for people who want e-mail immediately an outbox
 * row — both in the caller's transaction, so the e-mail exists exactly when the event does.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { EmailFrequency, NotificationKind } from '../../shared/notifications.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { notifications, notificationSettings, outbox } from '../db/schema/index.ts';

export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
};

/** The person's e-mail frequency ('immediately' when they never chose). */
export async function emailFrequency(db: Db | Tx, userId: string): Promise<EmailFrequency> {
  const [s] = await rows<{ email_frequency: EmailFrequency }>(
    db,
    sql`select email_frequency from notification_settings where user_id = ${userId}`,
  );
  return s?.email_frequency ?? 'immediately';
}

/** The person's settings row, made with a fresh unsubscribe token when there is none. */
export async function ensureSettings(db: Db | Tx, userId: string) {
  await db
    .insert(notificationSettings)
    .values({
      userId,
      emailFrequency: 'immediately',
      unsubscribeToken: randomBytes(24).toString('base64url'),
    })
    .onConflictDoNothing();
  const [s] = await rows<{ email_frequency: EmailFrequency; unsubscribe_token: string }>(
    db,
    sql`select email_frequency, unsubscribe_token from notification_settings where user_id = ${userId}`,
  );
  return s!;
}

export async function notify(db: Db | Tx, input: NotificationInput): Promise<void> {
  const [made] = await db.insert(notifications).values(input).returning({ id: notifications.id });
  if ((await emailFrequency(db, input.userId)) === 'immediately')
    await db.insert(outbox).values({ type: 'email', payload: { notificationId: made!.id } });
}

/** Notifies several people of the same event. */
export async function notifyAll(
  db: Db | Tx,
  userIds: readonly string[],
  event: Omit<NotificationInput, 'userId'>,
) {
  for (const userId of new Set(userIds)) await notify(db, { ...event, userId });
}
