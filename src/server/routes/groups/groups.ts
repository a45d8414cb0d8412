import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActionCreate,
  ActionUpdate,
  AgendaItemCreate,
  CalendarQuery,
  Decision,
  DecisionCreate,
  DecisionList,
  DecisionOutcome,
  Group,
  GroupCreate,
  GroupInvitationAnswer,
  GroupInvitationList,
  GroupInvite,
  GroupJoinDecision,
  GroupJoinRequestCreate,
  GroupJoinRequestList,
  GroupList,
  GroupMemberList,
  GroupMemberUpdate,
  GroupProfile,
  GroupUpdate,
  LibraryItemCreate,
  LibraryList,
  Meeting,
  MeetingCreate,
  MeetingList,
  MeetingUpdate,
  PostCreate,
  PostRevisionList,
  PostUpdate,
  RsvpSet,
  Thread,
  ThreadCreate,
  ThreadList,
  UploadQuery,
  VoteCast,
} from '../../../shared/groups.ts';
import { requireViewer } from '../../auth/plugin.ts';
import {
  castVote,
  closeDecision,
  createDecision,
  getDecision,
  listDecisions,
  recordOutcome,
} from '../../commands/group-decisions.ts';
import {
  addLibraryItem,
  downloadDocument,
  listLibrary,
  removeLibraryItem,
  uploadDocument,
} from '../../commands/group-library.ts';
import {
  addAction,
  addAgendaItem,
  createMeeting,
  getMeeting,
  groupCalendar,
  listMeetings,
  setActionDone,
  setRsvp,
  updateMeeting,
} from '../../commands/group-meetings.ts';
import {
  addPost,
  createThread,
  editPost,
  followThread,
  getThread,
  listThreads,
  postRevisions,
} from '../../commands/group-threads.ts';
import {
  answerGroupInvitation,
  createGroup,
  decideGroupJoinRequest,
  getGroup,
  groupProfile,
  inviteToGroup,
  listGroupInvitations,
  listGroupJoinRequests,
  listGroupMembers,
  listGroups,
  myGroupInvitations,
  removeGroupMember,
  requestToJoinGroup,
  revokeGroupInvitation,
  updateGroup,
  updateGroupMember,
} from '../../commands/groups.ts';
import { HttpError } from '../../errors.ts';
import { UPLOAD_LIMIT_BYTES } from '../../groups/uploads.ts';

const tags = ['groups'];
const IdParams = z.strictObject({ id: z.uuid() });
const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const RequestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
const InvitationParams = z.strictObject({ id: z.uuid(), invitationId: z.uuid() });

export async function groupRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  // Uploads arrive as the file's bytes; larger than the limit is a 413 before anything is read.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  // ---- groups and members ----
  app.get(
    '/groups',
    { schema: { tags, summary: 'Working groups I may see', response: { 200: GroupList } } },
    async (request) => listGroups(db, request.viewer),
  );
  app.post(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Open a working group (I become its convener)',
        body: GroupCreate,
        response: { 201: Group },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createGroup(db, requireViewer(request), request.body)),
  );
  app.get(
    '/groups/:id',
    { schema: { tags, summary: 'A working group', params: IdParams, response: { 200: Group } } },
    async (request) => getGroup(db, request.viewer, request.params.id),
  );
  app.patch(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Change a group (conveners)',
        params: IdParams,
        body: GroupUpdate,
        response: { 200: Group },
      },
    },
    async (request) => updateGroup(db, requireViewer(request), request.params.id, request.body),
  );
  app.get(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Members with affiliation and country',
        params: IdParams,
        response: { 200: GroupMemberList },
      },
    },
    async (request) => listGroupMembers(db, request.viewer, request.params.id),
  );
  app.patch(
    '/groups/:id/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (conveners) or one's own affiliation and country",
        params: MemberParams,
        body: GroupMemberUpdate,
        response: { 200: GroupMemberList },
      },
    },
    async (request) =>
      updateGroupMember(
        db,
        requireViewer(request),
        request.params.id,
        request.params.userId,
        request.body,
      ),
  );
  app.delete(
    '/groups/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (conveners), or leave; never the last convener',
        params: MemberParams,
      },
    },
    async (request, reply) => {
      await removeGroupMember(db, requireViewer(request), request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );
  app.post(
    '/groups/:id/join-requests',
    {
      schema: {
        tags,
        summary: 'Ask to join a public group',
        params: IdParams,
        body: GroupJoinRequestCreate,
      },
    },
    async (request, reply) => {
      await requestToJoinGroup(db, requireViewer(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/groups/:id/join-requests',
    {
      schema: {
        tags,
        summary: 'Pending requests to join (conveners)',
        params: IdParams,
        response: { 200: GroupJoinRequestList },
      },
    },
    async (request) => listGroupJoinRequests(db, requireViewer(request), request.params.id),
  );
  app.post(
    '/groups/:id/join-requests/:requestId',
    {
      schema: {
        tags,
        summary: 'Accept or decline a request to join (conveners)',
        params: RequestParams,
        body: GroupJoinDecision,
      },
    },
    async (request, reply) => {
      await decideGroupJoinRequest(
        db,
        requireViewer(request),
        request.params.id,
        request.params.requestId,
        request.body.accept,
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/groups/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by e-mail (conveners)',
        params: IdParams,
        body: GroupInvite,
      },
    },
    async (request, reply) => {
      await inviteToGroup(db, requireViewer(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/groups/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations (conveners)',
        params: IdParams,
        response: { 200: GroupInvitationList },
      },
    },
    async (request) => listGroupInvitations(db, requireViewer(request), request.params.id),
  );
  app.delete(
    '/groups/:id/invitations/:invitationId',
    { schema: { tags, summary: 'Revoke an invitation (conveners)', params: InvitationParams } },
    async (request, reply) => {
      await revokeGroupInvitation(
        db,
        requireViewer(request),
        request.params.id,
        request.params.invitationId,
      );
      return reply.status(204).send();
    },
  );
  app.get(
    '/me/group-invitations',
    {
      schema: {
        tags,
        summary: 'Invitations to working groups for my address',
        response: { 200: GroupInvitationList },
      },
    },
    async (request) => myGroupInvitations(db, requireViewer(request)),
  );
  app.post(
    '/me/group-invitations/:id',
    {
      schema: {
        tags,
        summary: 'Accept (saying my affiliation and country) or decline an invitation',
        params: IdParams,
        body: GroupInvitationAnswer,
      },
    },
    async (request, reply) => {
      await answerGroupInvitation(db, requireViewer(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/groups/:id/profile',
    {
      schema: {
        tags,
        summary: 'Members by country and affiliation, the policy–academia mix, activity by month',
        params: IdParams,
        response: { 200: GroupProfile },
      },
    },
    async (request) => groupProfile(db, request.viewer, request.params.id),
  );

  // ---- threads ----
  app.get(
    '/groups/:id/threads',
    {
      schema: {
        tags,
        summary: 'Threads, latest first',
        params: IdParams,
        response: { 200: ThreadList },
      },
    },
    async (request) => listThreads(db, request.viewer, request.params.id),
  );
  app.post(
    '/groups/:id/threads',
    {
      schema: {
        tags,
        summary: 'Start a thread (members)',
        params: IdParams,
        body: ThreadCreate,
        response: { 201: Thread },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createThread(db, requireViewer(request), request.params.id, request.body)),
  );
  app.get(
    '/threads/:id',
    {
      schema: {
        tags,
        summary: 'A thread with its posts',
        params: IdParams,
        response: { 200: Thread },
      },
    },
    async (request) => getThread(db, request.viewer, request.params.id),
  );
  app.post(
    '/threads/:id/posts',
    {
      schema: {
        tags,
        summary: 'Post or reply (members)',
        params: IdParams,
        body: PostCreate,
        response: { 201: Thread },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPost(db, requireViewer(request), request.params.id, request.body)),
  );
  app.patch(
    '/posts/:id',
    {
      schema: {
        tags,
        summary: 'Change my post (the earlier version is kept)',
        params: IdParams,
        body: PostUpdate,
        response: { 200: Thread },
      },
    },
    async (request) => editPost(db, requireViewer(request), request.params.id, request.body.body),
  );
  app.get(
    '/posts/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Earlier versions of a post',
        params: IdParams,
        response: { 200: PostRevisionList },
      },
    },
    async (request) => postRevisions(db, request.viewer, request.params.id),
  );
  app.put(
    '/threads/:id/follow',
    { schema: { tags, summary: 'Follow a thread (members)', params: IdParams } },
    async (request, reply) => {
      await followThread(db, requireViewer(request), request.params.id, true);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/threads/:id/follow',
    { schema: { tags, summary: 'Stop following a thread', params: IdParams } },
    async (request, reply) => {
      await followThread(db, requireViewer(request), request.params.id, false);
      return reply.status(204).send();
    },
  );

  // ---- decisions ----
  app.get(
    '/groups/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Proposals and polls',
        params: IdParams,
        response: { 200: DecisionList },
      },
    },
    async (request) => listDecisions(db, request.viewer, request.params.id),
  );
  app.post(
    '/groups/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Make a proposal or open a poll (members)',
        params: IdParams,
        body: DecisionCreate,
        response: { 201: Decision },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createDecision(db, requireViewer(request), request.params.id, request.body)),
  );
  app.get(
    '/decisions/:id',
    {
      schema: {
        tags,
        summary: 'A decision, with results if they are shown',
        params: IdParams,
        response: { 200: Decision },
      },
    },
    async (request) => getDecision(db, request.viewer, request.params.id),
  );
  app.put(
    '/decisions/:id/vote',
    {
      schema: {
        tags,
        summary: 'Take a stance or vote; changeable until it closes (members)',
        params: IdParams,
        body: VoteCast,
        response: { 200: Decision },
      },
    },
    async (request) => castVote(db, requireViewer(request), request.params.id, request.body),
  );
  app.post(
    '/decisions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close now (conveners, proposer)',
        params: IdParams,
        response: { 200: Decision },
      },
    },
    async (request) => closeDecision(db, requireViewer(request), request.params.id),
  );
  app.put(
    '/decisions/:id/outcome',
    {
      schema: {
        tags,
        summary: 'State the outcome once closed (conveners, proposer)',
        params: IdParams,
        body: DecisionOutcome,
        response: { 200: Decision },
      },
    },
    async (request) =>
      recordOutcome(db, requireViewer(request), request.params.id, request.body.outcome),
  );

  // ---- meetings ----
  app.get(
    '/groups/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings, latest first',
        params: IdParams,
        response: { 200: MeetingList },
      },
    },
    async (request) => listMeetings(db, request.viewer, request.params.id),
  );
  app.post(
    '/groups/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Plan a meeting with its agenda (conveners)',
        params: IdParams,
        body: MeetingCreate,
        response: { 201: Meeting },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createMeeting(db, requireViewer(request), request.params.id, request.body)),
  );
  app.get(
    '/groups/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: "The group's meetings as iCalendar (a private group's with a member's token)",
        params: IdParams,
        querystring: CalendarQuery,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const ics = await groupCalendar(
        db,
        request.viewer,
        request.params.id,
        request.query.token,
        app.config.publicUrl,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="meetings.ics"')
        .header('cache-control', 'private, no-store')
        .send(ics);
    },
  );
  app.get(
    '/meetings/:id',
    { schema: { tags, summary: 'A meeting', params: IdParams, response: { 200: Meeting } } },
    async (request) => getMeeting(db, request.viewer, request.params.id),
  );
  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change, cancel or write the minutes of a meeting (conveners)',
        params: IdParams,
        body: MeetingUpdate,
        response: { 200: Meeting },
      },
    },
    async (request) => updateMeeting(db, requireViewer(request), request.params.id, request.body),
  );
  app.post(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Add an agenda item (conveners)',
        params: IdParams,
        body: AgendaItemCreate,
        response: { 200: Meeting },
      },
    },
    async (request) => addAgendaItem(db, requireViewer(request), request.params.id, request.body),
  );
  app.put(
    '/meetings/:id/rsvp',
    {
      schema: {
        tags,
        summary: 'Say whether I attend (members)',
        params: IdParams,
        body: RsvpSet,
        response: { 200: Meeting },
      },
    },
    async (request) => setRsvp(db, requireViewer(request), request.params.id, request.body.answer),
  );
  app.post(
    '/meetings/:id/actions',
    {
      schema: {
        tags,
        summary: 'Record an action item (conveners)',
        params: IdParams,
        body: ActionCreate,
        response: { 200: Meeting },
      },
    },
    async (request) => addAction(db, requireViewer(request), request.params.id, request.body),
  );
  app.patch(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'Tick off an action item (conveners, its owner)',
        params: IdParams,
        body: ActionUpdate,
        response: { 200: Meeting },
      },
    },
    async (request) =>
      setActionDone(db, requireViewer(request), request.params.id, request.body.done),
  );

  // ---- library ----
  app.get(
    '/groups/:id/library',
    {
      schema: {
        tags,
        summary: 'Cases, analyses and documents, by collection',
        params: IdParams,
        response: { 200: LibraryList },
      },
    },
    async (request) => listLibrary(db, request.viewer, request.params.id),
  );
  app.post(
    '/groups/:id/library',
    {
      schema: {
        tags,
        summary: 'Add a published case or a saved QCA analysis (members)',
        params: IdParams,
        body: LibraryItemCreate,
        response: { 200: LibraryList },
      },
    },
    async (request) => addLibraryItem(db, requireViewer(request), request.params.id, request.body),
  );
  app.post(
    '/groups/:id/library/files',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'Upload a document (members): the body is the file (application/octet-stream), at most 10 MiB; PDF, office documents, PNG, JPEG or plain text, judged by content',
        params: IdParams,
        querystring: UploadQuery,
        response: { 200: LibraryList },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new HttpError(
          415,
          'unsupported_media_type',
          'Send the file itself as application/octet-stream.',
        );
      return uploadDocument(db, requireViewer(request), request.params.id, body, request.query);
    },
  );
  app.get(
    '/groups/files/:id',
    {
      schema: {
        tags,
        summary: 'Download a document',
        params: IdParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await downloadDocument(db, request.viewer, request.params.id);
      return reply
        .type(file.mime)
        .header(
          'content-disposition',
          `attachment; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${file.sha256}"`)
        .send(file.bytes);
    },
  );
  app.delete(
    '/library/:id',
    { schema: { tags, summary: 'Take an item out of the library', params: IdParams } },
    async (request, reply) => {
      await removeLibraryItem(db, requireViewer(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
