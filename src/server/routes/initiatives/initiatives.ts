import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Facilitation,
  FacilitationCreate,
  FacilitationProfile,
  FacilitationStatusChange,
  Initiative,
  InitiativeCreate,
  InitiativeList,
  InitiativesQuery,
  InitiativeUpdate,
  JoinDecision,
  JoinRequestCreate,
  MilestoneCreate,
  MilestoneUpdate,
  NeedLink,
  OutcomeCreate,
  StakeholderAdd,
  UpdateCreate,
} from '../../../shared/initiatives.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  changeFacilitation,
  facilitationProfile,
  recordFacilitation,
} from '../../commands/facilitation.ts';
import {
  addMilestone,
  addOutcome,
  addStakeholder,
  createInitiative,
  decideJoinRequest,
  followInitiative,
  getInitiative,
  linkNeed,
  listInitiatives,
  postUpdate,
  publishInitiative,
  removeStakeholder,
  requestToJoin,
  setMilestoneDone,
  updateInitiative,
} from '../../commands/initiatives.ts';

const tags = ['initiatives'];
const IdParams = z.strictObject({ id: z.uuid() });
const StakeholderParams = z.strictObject({ id: z.uuid(), stakeholderId: z.uuid() });
const RequestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
const MilestoneParams = z.strictObject({ id: z.uuid(), milestoneId: z.uuid() });

export async function initiativeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const detail = { 200: Initiative };
  const created = { 201: Initiative };

  app.get(
    '/initiatives',
    {
      schema: {
        tags,
        summary: 'Initiatives, newest first, with search and filters',
        querystring: InitiativesQuery,
        response: { 200: InitiativeList },
      },
    },
    async (request) => listInitiatives(db, request.viewer, request.query),
  );

  app.post(
    '/initiatives',
    {
      schema: {
        tags,
        summary: 'Start an initiative (I become its owner)',
        body: InitiativeCreate,
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInitiative(db, requireViewer(request), request.body)),
  );

  app.get(
    '/initiatives/:id',
    {
      schema: {
        tags,
        summary: 'An initiative with everything recorded on it',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => getInitiative(db, request.viewer, request.params.id),
  );

  app.patch(
    '/initiatives/:id',
    {
      schema: {
        tags,
        summary: 'Change an initiative (owners)',
        params: IdParams,
        body: InitiativeUpdate,
        response: detail,
      },
    },
    async (request) =>
      updateInitiative(db, requireViewer(request), request.params.id, request.body),
  );

  app.post(
    '/initiatives/:id/stakeholders',
    {
      schema: {
        tags,
        summary: 'Add a person (by e-mail) or an organisation with a role (owners)',
        params: IdParams,
        body: StakeholderAdd,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addStakeholder(db, requireViewer(request), request.params.id, request.body)),
  );

  app.delete(
    '/initiatives/:id/stakeholders/:stakeholderId',
    {
      schema: {
        tags,
        summary: 'Remove a stakeholder (owners), or leave; never the last owner',
        params: StakeholderParams,
      },
    },
    async (request, reply) => {
      await removeStakeholder(
        db,
        requireViewer(request),
        request.params.id,
        request.params.stakeholderId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/initiatives/:id/join-requests',
    {
      schema: {
        tags,
        summary: 'Ask to join with a role',
        params: IdParams,
        body: JoinRequestCreate,
      },
    },
    async (request, reply) => {
      await requestToJoin(
        db,
        requireViewer(request),
        request.params.id,
        request.body.role,
        request.body.message,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/initiatives/:id/join-requests/:requestId',
    {
      schema: {
        tags,
        summary: 'Accept or decline a request to join (owners)',
        params: RequestParams,
        body: JoinDecision,
        response: detail,
      },
    },
    async (request) =>
      decideJoinRequest(
        db,
        requireViewer(request),
        request.params.id,
        request.params.requestId,
        request.body.accept,
      ),
  );

  app.post(
    '/initiatives/:id/follow',
    { schema: { tags, summary: 'Follow an initiative', params: IdParams } },
    async (request, reply) => {
      await followInitiative(db, requireViewer(request), request.params.id, true);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/initiatives/:id/follow',
    { schema: { tags, summary: 'Stop following an initiative', params: IdParams } },
    async (request, reply) => {
      await followInitiative(db, requireViewer(request), request.params.id, false);
      return reply.status(204).send();
    },
  );

  app.post(
    '/initiatives/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Add a milestone (owners)',
        params: IdParams,
        body: MilestoneCreate,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addMilestone(db, requireViewer(request), request.params.id, request.body)),
  );

  app.patch(
    '/initiatives/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: 'Mark a milestone done, or not (owners)',
        params: MilestoneParams,
        body: MilestoneUpdate,
        response: detail,
      },
    },
    async (request) =>
      setMilestoneDone(
        db,
        requireViewer(request),
        request.params.id,
        request.params.milestoneId,
        request.body.doneOn,
      ),
  );

  app.post(
    '/initiatives/:id/updates',
    {
      schema: {
        tags,
        summary: 'Post a progress update (stakeholders); followers hear of it',
        params: IdParams,
        body: UpdateCreate,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postUpdate(db, requireViewer(request), request.params.id, request.body.body)),
  );

  app.post(
    '/initiatives/:id/outcomes',
    {
      schema: {
        tags,
        summary: 'Record an outcome with its evidence (owners)',
        params: IdParams,
        body: OutcomeCreate,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addOutcome(db, requireViewer(request), request.params.id, request.body)),
  );

  app.post(
    '/initiatives/:id/needs',
    {
      schema: {
        tags,
        summary: 'Link a need the initiative addresses (owners)',
        params: IdParams,
        body: NeedLink,
        response: detail,
      },
    },
    async (request) => linkNeed(db, requireViewer(request), request.params.id, request.body.needId),
  );

  app.post(
    '/initiatives/:id/facilitation',
    {
      schema: {
        tags,
        summary:
          'Record facilitation by a public body (its members, or the initiative’s owners asking for it); 403 for other organisations',
        params: IdParams,
        body: FacilitationCreate,
        response: { 201: Facilitation },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordFacilitation(db, requireViewer(request), request.params.id, request.body),
        ),
  );

  app.post(
    '/facilitation/:id/status',
    {
      schema: {
        tags,
        summary: 'Commit, deliver or withdraw facilitation (members of the public body), in order',
        params: IdParams,
        body: FacilitationStatusChange,
        response: { 200: Facilitation },
      },
    },
    async (request) =>
      changeFacilitation(
        db,
        requireViewer(request),
        request.params.id,
        request.body.status,
        request.body.reason || null,
      ),
  );

  app.get(
    '/organisations/:id/facilitation',
    {
      schema: {
        tags,
        summary: 'What an organisation did to facilitate initiatives, by kind and status',
        params: IdParams,
        response: { 200: FacilitationProfile },
      },
    },
    async (request) => facilitationProfile(db, request.viewer, request.params.id),
  );

  app.post(
    '/initiatives/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish the initiative to the case library as a linked case, prefilled from it (owners)',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => publishInitiative(db, requireViewer(request), request.params.id),
  );
}
