import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NotificationList,
  NotificationSettings,
  NotificationSettingsUpdate,
} from '../../../shared/notifications.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  getNotificationSettings,
  listNotifications,
  markAllRead,
  markRead,
  setNotificationSettings,
  unsubscribe,
} from '../../commands/notifications.ts';

const tags = ['notifications'];

export async function notificationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  // Mail programs send the one-click unsubscribe as a form (RFC 8058); its body says nothing
  // the token does not, so it is accepted and ignored.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, {}),
  );

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'My inbox, newest first, with the number unread',
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).default('false') }),
        response: { 200: NotificationList },
      },
    },
    async (request) =>
      listNotifications(db, requireViewer(request), request.query.unread === 'true'),
  );

  app.post(
    '/me/notifications/:id/read',
    { schema: { tags, summary: 'Mark one as read', params: z.strictObject({ id: z.uuid() }) } },
    async (request, reply) => {
      await markRead(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/me/notifications/read-all',
    { schema: { tags, summary: 'Mark all as read' } },
    async (request, reply) => {
      await markAllRead(db, requireViewer(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'How often I get e-mail',
        response: { 200: NotificationSettings },
      },
    },
    async (request) => getNotificationSettings(db, requireViewer(request)),
  );

  app.put(
    '/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Choose e-mail: immediately, a daily or weekly digest, or off',
        body: NotificationSettingsUpdate,
        response: { 200: NotificationSettings },
      },
    },
    async (request) =>
      setNotificationSettings(db, requireViewer(request), request.body.emailFrequency),
  );

  app.post(
    '/unsubscribe',
    {
      schema: {
        tags,
        summary: 'One-click unsubscribe with the token from an e-mail: all e-mail off',
        querystring: z.strictObject({ token: z.string().min(20).max(200) }),
      },
    },
    async (request, reply) => {
      await unsubscribe(db, request.query.token);
      return reply.status(204).send();
    },
  );
}
