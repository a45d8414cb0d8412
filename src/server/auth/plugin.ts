import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { HttpError, unauthorized } from '../errors.ts';
import { findSession, SESSION_COOKIE, type ActiveSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person's session, or null for an anonymous request. */
    viewer: ActiveSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie to a viewer on every request, and rejects a cookie-authenticated
 * write whose `x-csrf-token` header does not match the session's token (synchroniser token).
 */
export async function authPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('viewer', null);
  // Registered on the root instance (not encapsulated), so every route gets it.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await findSession(app.database.db, token) : null;
  });
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.viewer) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !tokensEqual(sent, request.viewer.csrfToken)) {
      throw new HttpError(403, 'csrf', 'Missing or wrong CSRF token (header x-csrf-token).');
    }
  });
}
// Skip fastify's encapsulation: the hooks above must apply to every route.
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

/** The signed-in person, or a 401. */
export function requireViewer(request: FastifyRequest): ActiveSession {
  if (!request.viewer) throw unauthorized();
  return request.viewer;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
