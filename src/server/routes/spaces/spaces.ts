import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessLog,
  InvitationCreate,
  InvitationList,
  Space,
  SpaceCreate,
  SpaceList,
  SpaceMember,
  SpaceMemberAdd,
  SpaceMemberList,
  SpaceUpdate,
} from '../../../shared/havens.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  addSpaceMember,
  createSpace,
  getSpace,
  listSpaceMembers,
  listSpaces,
  removeSpaceMember,
  spaceAccessLogOf,
  updateSpace,
} from '../../commands/spaces.ts';
import {
  acceptInvitation,
  declineInvitation,
  inviteToSpace,
  myInvitations,
  revokeInvitation,
  spaceInvitationsOf,
} from '../../commands/space-invitations.ts';

const tags = ['spaces'];
const IdParams = z.strictObject({ id: z.uuid() });
const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const InvitationParams = z.strictObject({ id: z.uuid(), invitationId: z.uuid() });

export async function spaceRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  app.get(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Spaces I may see: public and transparent ones, and private ones I belong to',
        response: { 200: SpaceList },
      },
    },
    async (request) => ({ items: await listSpaces(db, request.viewer) }),
  );

  app.post(
    '/spaces',
    {
      schema: {
        tags,
        summary: 'Open a space (I become its owner)',
        body: SpaceCreate,
        response: { 201: Space },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSpace(db, requireViewer(request), request.body)),
  );

  app.get(
    '/spaces/:id',
    {
      schema: {
        tags,
        summary: 'A space (a private one only for its members: 404 for everyone else)',
        params: IdParams,
        response: { 200: Space },
      },
    },
    async (request) => getSpace(db, request.viewer, request.params.id),
  );

  app.patch(
    '/spaces/:id',
    {
      schema: {
        tags,
        summary: 'Change a space (owners)',
        params: IdParams,
        body: SpaceUpdate,
        response: { 200: Space },
      },
    },
    async (request) => updateSpace(db, requireViewer(request), request.params.id, request.body),
  );

  app.get(
    '/spaces/:id/members',
    {
      schema: {
        tags,
        summary: 'The members of a space and their roles',
        params: IdParams,
        response: { 200: SpaceMemberList },
      },
    },
    async (request) => ({ items: await listSpaceMembers(db, request.viewer, request.params.id) }),
  );

  app.post(
    '/spaces/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a person with an account by e-mail address (owners)',
        params: IdParams,
        body: SpaceMemberAdd,
        response: { 201: SpaceMember },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addSpaceMember(db, requireViewer(request), request.params.id, request.body)),
  );

  app.delete(
    '/spaces/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (owners), or leave (anyone); never the last owner',
        params: MemberParams,
      },
    },
    async (request, reply) => {
      await removeSpaceMember(db, requireViewer(request), request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/spaces/:id/access-log',
    {
      schema: {
        tags,
        summary: 'Who viewed and changed what in the space, newest first (owners)',
        params: IdParams,
        response: { 200: AccessLog },
      },
    },
    async (request) => ({
      items: await spaceAccessLogOf(db, requireViewer(request), request.params.id),
    }),
  );

  app.get(
    '/spaces/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations to a space (owners)',
        params: IdParams,
        response: { 200: InvitationList },
      },
    },
    async (request) => ({
      items: await spaceInvitationsOf(db, requireViewer(request), request.params.id),
    }),
  );

  app.post(
    '/spaces/:id/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite an e-mail address, or every member of an organisation I belong to (owners); answers the invitations made',
        params: IdParams,
        body: InvitationCreate,
        response: { 201: InvitationList },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        items: await inviteToSpace(db, requireViewer(request), request.params.id, request.body),
      }),
  );

  app.delete(
    '/spaces/:id/invitations/:invitationId',
    {
      schema: { tags, summary: 'Revoke a pending invitation (owners)', params: InvitationParams },
    },
    async (request, reply) => {
      await revokeInvitation(
        db,
        requireViewer(request),
        request.params.id,
        request.params.invitationId,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/me/invitations',
    {
      schema: {
        tags,
        summary: 'My pending invitations to spaces (to my e-mail address)',
        response: { 200: InvitationList },
      },
    },
    async (request) => ({ items: await myInvitations(db, requireViewer(request)) }),
  );

  app.post(
    '/me/invitations/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: I join the space with the role it offers',
        params: IdParams,
        response: { 200: Space },
      },
    },
    async (request) => acceptInvitation(db, requireViewer(request), request.params.id),
  );

  app.post(
    '/me/invitations/:id/decline',
    { schema: { tags, summary: 'Decline an invitation', params: IdParams } },
    async (request, reply) => {
      await declineInvitation(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
