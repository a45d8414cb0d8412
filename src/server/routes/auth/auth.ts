import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SessionInfo, SignIn, SignUp } from '../../../shared/accounts.ts';
import { clearSessionCookie, setSessionCookie } from '../../auth/plugin.ts';
import { revokeSession } from '../../auth/sessions.ts';
import { signIn, signUp } from '../../commands/accounts.ts';
import { recordAudit } from '../../commands/audit.ts';
import { presentMe } from '../../presenters/user.ts';

export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const rateLimit = {
    max: app.config.authRateLimitPerMinute,
    timeWindow: app.config.authRateLimitWindowSeconds * 1000,
  };

  app.get(
    '/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Who is signed in, and the CSRF token',
        response: { 200: SessionInfo },
      },
    },
    async (request) => ({
      user: request.viewer ? presentMe(request.viewer.user) : null,
      csrfToken: request.viewer?.csrfToken ?? null,
    }),
  );

  app.post(
    '/auth/sign-up',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account and sign in',
        body: SignUp,
        response: { 201: SessionInfo },
      },
    },
    async (request, reply) => {
      const { user, session } = await signUp(db, request.body, app.config.sessionTtlHours);
      if (request.viewer) await revokeSession(db, request.viewer.tokenHash);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return reply.status(201).send({ user: presentMe(user), csrfToken: session.csrfToken });
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        body: SignIn,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const { user, session } = await signIn(db, request.body, app.config.sessionTtlHours);
      // A new token at every sign-in (no session fixation); the old one ends.
      if (request.viewer) await revokeSession(db, request.viewer.tokenHash);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: presentMe(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags: ['accounts'], summary: 'Sign out (ends this session)' } },
    async (request, reply) => {
      if (request.viewer) {
        await revokeSession(db, request.viewer.tokenHash);
        await recordAudit(db, {
          actorId: request.viewer.user.id,
          action: 'session.end',
          targetType: 'user',
          targetId: request.viewer.user.id,
        });
      }
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );
}
