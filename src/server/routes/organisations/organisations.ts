import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  JoinRequest,
  JoinRequestCreate,
  JoinRequestDecision,
  JoinRequestList,
  Member,
  MemberAdd,
  MemberList,
  MemberRoleChange,
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationUpdate,
} from '../../../shared/organisations.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  addMember,
  canSeeMemberEmails,
  changeMemberRole,
  createJoinRequest,
  createOrganisation,
  decideJoinRequest,
  listJoinRequests,
  listMembers,
  listOrganisations,
  organisationDetail,
  removeMember,
  updateOrganisation,
} from '../../commands/organisations.ts';
import {
  presentJoinRequest,
  presentMember,
  presentOrganisation,
  presentOrganisationSummary,
} from '../../presenters/organisation.ts';

const IdParams = z.strictObject({ id: z.uuid() });
const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const RequestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
const tags = ['organisations'];

export async function organisationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Search and list organisations (name order, cursor paging)',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationPage },
      },
    },
    async (request) => {
      const page = await listOrganisations(db, request.query);
      return { items: page.items.map(presentOrganisationSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation (you become its owner)',
        body: OrganisationCreate,
        response: { 201: Organisation },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const row = await createOrganisation(db, viewer, request.body);
      return reply.status(201).send(
        presentOrganisation(row, {
          memberCount: 1,
          myRole: 'owner',
          myJoinRequestPending: false,
        }),
      );
    },
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation',
        params: IdParams,
        response: { 200: Organisation },
      },
    },
    async (request) => {
      const d = await organisationDetail(db, request.params.id, request.viewer);
      return presentOrganisation(d.row, d);
    },
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Edit an organisation (owners and admins)',
        params: IdParams,
        body: OrganisationUpdate,
        response: { 200: Organisation },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await updateOrganisation(db, viewer, request.params.id, request.body);
      const d = await organisationDetail(db, request.params.id, viewer);
      return presentOrganisation(d.row, d);
    },
  );

  app.get(
    '/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'Members (signed-in people; e-mail addresses only for owners and admins)',
        params: IdParams,
        response: { 200: MemberList },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const rows = await listMembers(db, request.params.id);
      const showEmail = await canSeeMemberEmails(db, request.params.id, viewer);
      return { items: rows.map((m) => presentMember(m, showEmail)) };
    },
  );

  app.post(
    '/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member by e-mail address (owners and admins)',
        params: IdParams,
        body: MemberAdd,
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const m = await addMember(db, requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(presentMember(m, true));
    },
  );

  app.patch(
    '/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a member’s role (owners and admins)',
        params: MemberParams,
        body: MemberRoleChange,
        response: { 200: Member },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      const m = await changeMemberRole(db, requireViewer(request), id, userId, request.body.role);
      return presentMember(m, true);
    },
  );

  app.delete(
    '/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member, or leave (an organisation keeps at least one owner)',
        params: MemberParams,
      },
    },
    async (request, reply) => {
      await removeMember(db, requireViewer(request), request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/organisations/:id/join-requests',
    {
      schema: {
        tags,
        summary: 'Ask to join an organisation',
        params: IdParams,
        body: JoinRequestCreate,
        response: { 201: JoinRequest },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const row = await createJoinRequest(db, viewer, request.params.id, request.body);
      return reply.status(201).send(presentJoinRequest(row, viewer.user.name));
    },
  );

  app.get(
    '/organisations/:id/join-requests',
    {
      schema: {
        tags,
        summary: 'Pending join requests (owners and admins)',
        params: IdParams,
        response: { 200: JoinRequestList },
      },
    },
    async (request) => {
      const rows = await listJoinRequests(db, requireViewer(request), request.params.id);
      return { items: rows.map(({ r, name }) => presentJoinRequest(r, name)) };
    },
  );

  app.post(
    '/organisations/:id/join-requests/:requestId/decision',
    {
      schema: {
        tags,
        summary: 'Accept or decline a join request (owners and admins)',
        params: RequestParams,
        body: JoinRequestDecision,
        response: { 200: JoinRequest },
      },
    },
    async (request) => {
      const { id, requestId } = request.params;
      const { r, name } = await decideJoinRequest(
        db,
        requireViewer(request),
        id,
        requestId,
        request.body,
      );
      return presentJoinRequest(r, name);
    },
  );
}
