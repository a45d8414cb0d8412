import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { exited, startServerProcess } from './server-process.ts';
import { startSmtpServer, type Inbox } from './smtp.ts';

let database: TestDatabase | undefined;
let smtp: Inbox | undefined;
afterAll(async () => {
  await database?.drop();
  await smtp?.close();
});

async function signUp(baseUrl: string, name: string, email: string) {
  const r = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, email, password: 'a-long-enough-password' }),
  });
  expect(r.status).toBe(201);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

describe('a crash (SIGKILL) between an event and its e-mail', () => {
  it('still sends the e-mail after the restart, once', async () => {
    smtp = await startSmtpServer();
    database = await freshDatabase();
    await database.close(); // the server processes own it from here
    const env = {
      ...(database.url
        ? { DATABASE_URL: database.url, DATA_DIR: '' }
        : { DATA_DIR: database.dataDir, DATABASE_URL: '' }),
      SMTP_URL: smtp.url,
      MAIL_WORKER: '1',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    };
    // The first server never gets round to delivering: it polls once an hour.
    const first = await startServerProcess({ ...env, MAIL_POLL_MS: '3600000' });
    const owner = await signUp(first.baseUrl, 'Crash Owner', 'crash-owner@example.org');
    await signUp(first.baseUrl, 'Crash Invitee', 'crash-invitee@example.org');
    const space = await fetch(`${first.baseUrl}/api/spaces`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ name: 'Crash space', visibility: 'private' }),
    });
    const { id } = (await space.json()) as { id: string };
    const invited = await fetch(`${first.baseUrl}/api/spaces/${id}/invitations`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ email: 'crash-invitee@example.org' }),
    });
    expect(invited.status).toBe(201);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(smtp.messages).toHaveLength(0);

    const second = await startServerProcess({ ...env, MAIL_POLL_MS: '100' });
    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail!.subject).toContain('Crash Owner invited you to the space “Crash space”');
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 180_000);
});
