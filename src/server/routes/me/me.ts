import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccountDelete,
  Me,
  MembershipList,
  PasswordChange,
  PersonalDataExport,
  ProfileUpdate,
} from '../../../shared/accounts.ts';
import { clearSessionCookie, requireViewer } from '../../auth/plugin.ts';
import {
  changePassword,
  eraseAccount,
  exportPersonalData,
  myMemberships,
  updateProfile,
} from '../../commands/accounts.ts';
import { presentMe } from '../../presenters/user.ts';

export async function meRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  app.get(
    '/me',
    { schema: { tags: ['accounts'], summary: 'My profile', response: { 200: Me } } },
    async (request) => presentMe(requireViewer(request).user),
  );

  app.get(
    '/me/organisations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The organisations I belong to, with my role',
        response: { 200: MembershipList },
      },
    },
    async (request) => ({ items: await myMemberships(db, requireViewer(request).user.id) }),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Edit my profile',
        body: ProfileUpdate,
        response: { 200: Me },
      },
    },
    async (request) => presentMe(await updateProfile(db, requireViewer(request), request.body)),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change my password (ends my other sessions)',
        body: PasswordChange,
      },
    },
    async (request, reply) => {
      await changePassword(db, requireViewer(request), request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me/export',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Download all my personal data (GDPR)',
        response: { 200: PersonalDataExport },
      },
    },
    async (request, reply) => {
      const data = await exportPersonalData(db, requireViewer(request));
      reply.header('content-disposition', 'attachment; filename="connective-my-data.json"');
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.post(
    '/me/delete',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Erase my account (GDPR): personal data deleted, contributions kept under a pseudonym',
        body: AccountDelete,
      },
    },
    async (request, reply) => {
      await eraseAccount(db, requireViewer(request), request.body.password);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );
}
