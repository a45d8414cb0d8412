import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, makeApp, signUp, type Agent, type TestApp } from '../../../test/helpers.ts';
import { startSmtpServer, type Inbox } from '../../../test/smtp.ts';
import type { NotificationList } from '../../shared/notifications.ts';
import { rows } from '../db/rows.ts';
import { claim } from './outbox.ts';
import { enqueueDigests, MailWorker } from './mailer.ts';
import type { ParsedMail } from 'mailparser';

/** A header as sent (mailparser turns List-* headers into structures). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

let t: TestApp;
let smtp: Inbox;
let owner: Agent;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await makeApp({
    SMTP_URL: smtp.url,
    MAIL_LEASE_MS: '1000',
    PUBLIC_URL: 'https://connective.example',
  });
  owner = await signUp(t.app, { name: 'Nora Notifier' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);

async function invite(who: Agent, spaceName: string) {
  const space = (
    await call(owner, 'POST', '/api/spaces', { name: spaceName, visibility: 'private' })
  ).json() as {
    id: string;
  };
  const res = await call(owner, 'POST', `/api/spaces/${space.id}/invitations`, {
    email: who.email,
    role: 'observer',
  });
  expect(res.statusCode, res.body).toBe(201);
}

const pending = async () =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from outbox where sent_at is null and abandoned_at is null`,
    )
  )[0]!.n;

async function drain() {
  while ((await pending()) > 0) await t.app.mailer.tick();
}

describe('notifications', () => {
  it('puts an invitation in the inbox and sends one e-mail, in the reader’s language', async () => {
    await drain();
    const before = smtp.messages.length;
    const invitee = await signUp(t.app, { name: 'Ivo Invitee' });
    await invite(invitee, 'Quiet trials');
    const inbox = (await call(invitee, 'GET', '/api/me/notifications')).json() as NotificationList;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'space.invitation',
      text: 'Nora Notifier invited you to the space “Quiet trials” as Observer.',
      link: '/invitations',
      read: false,
    });
    await drain();
    await t.app.mailer.tick();
    const mails = await smtp.waitFor(before + 1);
    expect(mails).toHaveLength(before + 1);
    const mail = mails.at(-1)!;
    expect(mail.to).toMatchObject({ text: invitee.email });
    expect(mail.subject).toBe(
      'Connective: Nora Notifier invited you to the space “Quiet trials” as Observer.',
    );
    expect(mail.text).toContain('https://connective.example/invitations');
    expect(header(mail, 'list-unsubscribe')).toMatch(
      /^<https:\/\/connective\.example\/api\/unsubscribe\?token=[\w-]{20,}>$/,
    );
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const id = inbox.items[0]!.id;
    expect((await call(owner, 'POST', `/api/me/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await call(invitee, 'POST', `/api/me/notifications/${id}/read`)).statusCode).toBe(204);
    expect(
      ((await call(invitee, 'GET', '/api/me/notifications')).json() as NotificationList).unread,
    ).toBe(0);
  });

  it('writes Dutch to a Dutch reader', async () => {
    await drain();
    const before = smtp.messages.length;
    const invitee = await signUp(t.app, { name: 'Daan' });
    await t.database.db.execute(sql`update users set locale = 'nl' where id = ${invitee.id}`);
    await invite(invitee, 'Stille proeven');
    await drain();
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.subject).toBe(
      'Connective: Nora Notifier heeft u uitgenodigd voor de ruimte “Stille proeven” als Waarnemer.',
    );
    expect(mail.text).toContain('Bekijk het: https://connective.example/invitations');
  });

  it('never sends one message twice from two workers, and resends only the one in flight after a crash', async () => {
    await drain();
    const before = smtp.messages.length;
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => signUp(t.app)));
    for (const p of people) await invite(p, `Space for ${p.name}`);
    // A sender claims one message and dies before it could mark it sent.
    const [inFlight] = await claim(t.database.db, 1, 1000);
    expect(inFlight).toBeDefined();
    const a = new MailWorker(t.database.db, t.app.config, t.app.log);
    const b = new MailWorker(t.database.db, t.app.config, t.app.log);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await smtp.waitFor(before + 4);
    expect(await pending()).toBe(1);
    // Once its lease has run out, the message in flight is sent by whoever comes next.
    await new Promise((r) => setTimeout(r, 1100));
    await Promise.all([a.tick(), b.tick()]);
    const mails = await smtp.waitFor(before + 5);
    const to = mails
      .slice(before)
      .map((m) => (m.to as { text: string }).text)
      .sort();
    expect(to).toEqual(people.map((p) => p.email.toLowerCase()).sort());
    await a.stop();
    await b.stop();
  });

  it('gathers notifications into a daily digest instead', async () => {
    await drain();
    const before = smtp.messages.length;
    const reader = await signUp(t.app, { name: 'Dora Digest' });
    const set = await call(reader, 'PUT', '/api/me/notification-settings', {
      emailFrequency: 'daily',
    });
    expect(set.json()).toEqual({ emailFrequency: 'daily' });
    await invite(reader, 'First space');
    await invite(reader, 'Second space');
    expect(await pending()).toBe(0);
    const later = new Date(Date.now() + 25 * 3600_000);
    expect(await enqueueDigests(t.database.db, later)).toBeGreaterThanOrEqual(1);
    expect(await enqueueDigests(t.database.db, later)).toBe(0);
    await drain();
    const mails = (await smtp.waitFor(before + 1)).slice(before);
    const digest = mails.find(
      (m) => (m.to as { text: string }).text === reader.email.toLowerCase(),
    )!;
    expect(digest.subject).toBe('Connective: 2 new notifications');
    expect(digest.text).toContain('“First space”');
    expect(digest.text).toContain('“Second space”');
    expect(
      (await call(reader, 'PUT', '/api/me/notification-settings', { emailFrequency: 'hourly' }))
        .statusCode,
    ).toBe(400);
  });

  it('unsubscribes with one click from the e-mail, once', async () => {
    await drain();
    const before = smtp.messages.length;
    const reader = await signUp(t.app, { name: 'Uma Unsubscribe' });
    await invite(reader, 'Noisy space');
    await drain();
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    const link = /<https:\/\/connective\.example(\/api\/unsubscribe\?token=[\w-]+)>/.exec(
      header(mail, 'list-unsubscribe'),
    )![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await call(reader, 'GET', '/api/me/notification-settings')).json()).toEqual({
      emailFrequency: 'off',
    });
    expect((await t.app.inject({ method: 'POST', url: link })).statusCode).toBe(404);
    await invite(reader, 'Another noisy space');
    expect(await pending()).toBe(0);
    // The inbox still has it.
    expect(
      ((await call(reader, 'GET', '/api/me/notifications')).json() as NotificationList).unread,
    ).toBe(2);
  });
});
