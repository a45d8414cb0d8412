/**
 * E-mail delivery from the outbox: composing each message in its reader's language, sending it
 * over SMTP (nodemailer) or — without `SMTP_URL` — only logging it, daily and weekly digests,
 * and the worker loop that runs it all in each server instance.
 */
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import {
  fill,
  MAIL_TEXT,
  renderNotification,
  type NotificationKind,
} from '../../shared/notifications.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { outbox } from '../db/schema/index.ts';
import { ensureSettings } from './notify.ts';
import { claim, markAbandoned, markFailed, markSent, type OutboxRow } from './outbox.ts';

export type Mail = { to: string; subject: string; text: string; headers: Record<string, string> };
export type MailTransport = { send(mail: Mail): Promise<void>; close(): void };

/** SMTP when configured, else a transport that logs what it would have sent. */
export function mailTransport(config: Config, log: Pick<Logger, 'info'>): MailTransport {
  if (!config.smtpUrl)
    return {
      async send(mail) {
        log.info({ to: mail.to, subject: mail.subject }, 'e-mail not sent: SMTP_URL is not set');
      },
      close() {},
    };
  const smtp = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await smtp.sendMail({ from: config.mailFrom, ...mail });
    },
    close: () => smtp.close(),
  };
}

type Reader = { email: string | null; locale: 'en' | 'nl'; erased: boolean };

async function reader(db: Db, userId: string): Promise<Reader | null> {
  const [u] = await rows<{ email: string | null; locale: 'en' | 'nl'; erased_at: unknown }>(
    db,
    sql`select email, locale, erased_at from users where id = ${userId}`,
  );
  return u ? { email: u.email, locale: u.locale, erased: u.erased_at !== null } : null;
}

type NotificationRow = {
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
  created_at: string | Date;
};

/** The message an outbox row stands for, or null when there is nothing (left) to send. */
export async function compose(db: Db, config: Config, row: OutboxRow): Promise<Mail | null> {
  let userId: string;
  let items: NotificationRow[];
  if (row.type === 'email') {
    const found = await rows<NotificationRow & { user_id: string }>(
      db,
      sql`select user_id, kind, params, link, created_at from notifications where id = ${row.payload.notificationId ?? null}`,
    );
    if (!found[0]) return null;
    userId = found[0].user_id;
    items = found;
  } else {
    userId = row.payload.userId!;
    items = await rows<NotificationRow>(
      db,
      sql`select kind, params, link, created_at from notifications
          where user_id = ${userId} and created_at > ${row.payload.since}::timestamptz
            and created_at <= ${row.payload.until}::timestamptz
          order by created_at, id`,
    );
    if (items.length === 0) return null;
  }
  const who = await reader(db, userId);
  if (!who || who.erased || !who.email) return null;
  const settings = await ensureSettings(db, userId);
  if (settings.email_frequency === 'off') return null;
  const words = MAIL_TEXT[who.locale];
  const unsubscribe = `${config.publicUrl}/api/unsubscribe?token=${settings.unsubscribe_token}`;
  const lines = items.map((n) => {
    const text = renderNotification(n.kind, n.params, who.locale);
    return `${text}\n${fill(words.open, { url: `${config.publicUrl}${n.link}` })}`;
  });
  const subject =
    row.type === 'email'
      ? fill(words.subject, {
          text: renderNotification(items[0]!.kind, items[0]!.params, who.locale),
        })
      : fill(words.digestSubject, { count: items.length });
  const footer = fill(words.footer, {
    settings: `${config.publicUrl}/notifications`,
    unsubscribe: `${config.publicUrl}/unsubscribe?token=${settings.unsubscribe_token}`,
  });
  return {
    to: who.email,
    subject: subject.length > 200 ? `${subject.slice(0, 197)}…` : subject,
    text: `${lines.join('\n\n')}\n\n-- \n${footer}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** Claims and sends what is due; answers how many rows it claimed and how many it sent. */
export async function deliverDue(
  db: Db,
  config: Config,
  transport: MailTransport,
  limit = 20,
): Promise<{ claimed: number; sent: number }> {
  let sent = 0;
  const claimed = await claim(db, limit, config.mailLeaseMs);
  for (const row of claimed) {
    let mail: Mail | null;
    try {
      mail = await compose(db, config, row);
    } catch (err) {
      await markFailed(db, row, (err as Error).message);
      continue;
    }
    if (!mail) {
      await markAbandoned(db, row.id, 'nothing to send');
      continue;
    }
    try {
      await transport.send(mail);
    } catch (err) {
      await markFailed(db, row, (err as Error).message);
      continue;
    }
    await markSent(db, row.id);
    sent += 1;
  }
  return { claimed: claimed.length, sent };
}

/**
 * Puts a digest in the outbox for everyone whose daily or weekly digest is due and who has
 * notifications since the last one. The settings rows are claimed with SKIP LOCKED, so two
 * instances never make the same digest.
 */
export async function enqueueDigests(
  db: Db,
  now = new Date(),
  daySeconds = 86_400,
): Promise<number> {
  const day = `${daySeconds} seconds`;
  const week = `${daySeconds * 7} seconds`;
  return db.transaction(async (tx) => {
    const due = await rows<{ user_id: string; last_digest_at: string | Date }>(
      tx,
      sql`select user_id, last_digest_at from notification_settings
          where (email_frequency = 'daily' and last_digest_at <= ${now.toISOString()}::timestamptz - ${day}::interval)
             or (email_frequency = 'weekly' and last_digest_at <= ${now.toISOString()}::timestamptz - ${week}::interval)
          for update skip locked`,
    );
    let made = 0;
    for (const d of due) {
      const since = new Date(d.last_digest_at).toISOString();
      const [any] = await rows<{ one: number }>(
        tx,
        sql`select 1 as one from notifications
            where user_id = ${d.user_id} and created_at > ${since}::timestamptz
              and created_at <= ${now.toISOString()}::timestamptz limit 1`,
      );
      if (any) {
        await tx.insert(outbox).values({
          type: 'digest',
          payload: { userId: d.user_id, since, until: now.toISOString() },
        });
        made += 1;
      }
      await tx.execute(
        sql`update notification_settings set last_digest_at = ${now.toISOString()}::timestamptz where user_id = ${d.user_id}`,
      );
    }
    return made;
  });
}

/** The loop each server instance runs: deliver every `mailPollMs`, check digests every `mailDigestCheckMs`. */
export class MailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastDigestCheck = 0;
  readonly transport: MailTransport;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly log: Pick<Logger, 'info' | 'error'>,
  ) {
    this.transport = mailTransport(config, log);
  }

  start() {
    this.timer = setInterval(() => void this.tick(), this.config.mailPollMs);
    this.timer.unref();
  }

  /** One round; rounds never overlap. */
  tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        if (Date.now() - this.lastDigestCheck >= this.config.mailDigestCheckMs) {
          this.lastDigestCheck = Date.now();
          await enqueueDigests(this.db, new Date(), this.config.mailDigestDaySeconds);
        }
        const batch = 20;
        while ((await deliverDue(this.db, this.config, this.transport, batch)).claimed === batch);
      } catch (err) {
        this.log.error({ err }, 'mail delivery failed');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async stop() {
    clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }
}
