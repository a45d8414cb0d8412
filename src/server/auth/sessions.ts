import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';

export const SESSION_COOKIE = 'connective_session';

export type SessionUser = typeof users.$inferSelect;
export type ActiveSession = { tokenHash: string; csrfToken: string; user: SessionUser };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session: returns the opaque cookie token; only its hash is stored. */
export async function createSession(
  db: Db | Tx,
  userId: string,
  ttlHours: number,
  now: Date = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

/** Finds the live session for a cookie token, or null (unknown, expired or erased account). */
export async function findSession(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.erasedAt) return null;
  // Touch at most every few minutes, so reads do not turn into writes.
  if (now.getTime() - row.session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { tokenHash, csrfToken: row.session.csrfToken, user: row.user };
}

export async function revokeSession(db: Db | Tx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeOtherSessions(
  db: Db | Tx,
  userId: string,
  keepTokenHash: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function revokeAllSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
