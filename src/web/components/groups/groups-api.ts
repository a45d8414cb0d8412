import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiErrorBody, FieldIssue } from '../../../shared/errors.ts';
import {
  Decision,
  DecisionList,
  Group,
  GroupInvitationList,
  GroupJoinRequestList,
  GroupList,
  GroupMemberList,
  GroupProfile,
  LibraryList,
  Meeting,
  MeetingList,
  PostRevisionList,
  Thread,
  ThreadList,
  type Affiliation,
  type DecisionCreate,
  type GroupCreate,
  type GroupMember,
  type GroupSummary,
  type LibraryItem,
  type GroupRole,
  type GroupUpdate,
  type MeetingCreate,
  type MeetingUpdate,
  type Rsvp,
  type VoteCast,
} from '../../../shared/groups.ts';
import { ApiError, getSession, json, noContent } from '../../api.ts';

/*
 * The working-group endpoints. Every answer is checked against the schema shared with the
 * server; requests go through src/web/api.ts (CSRF token, error shape), except the upload, which
 * sends the file's bytes rather than JSON.
 */

const enc = encodeURIComponent;
const groupPath = (id: string) => `/api/groups/${enc(id)}`;

export type GroupInvitation = z.infer<typeof GroupInvitationList>['items'][number];
export type GroupJoinRequest = z.infer<typeof GroupJoinRequestList>['items'][number];
export type ThreadSummary = z.infer<typeof ThreadList>['items'][number];

// --- Groups and members -----------------------------------------------------------------

export async function listGroups(): Promise<GroupSummary[]> {
  return (await json(GroupList, 'GET', '/api/groups')).items;
}

export function getGroup(id: string): Promise<Group> {
  return json(Group, 'GET', groupPath(id));
}

export function createGroup(input: GroupCreate): Promise<Group> {
  return json(Group, 'POST', '/api/groups', input);
}

export function updateGroup(id: string, input: GroupUpdate): Promise<Group> {
  return json(Group, 'PATCH', groupPath(id), input);
}

export async function listGroupMembers(id: string): Promise<GroupMember[]> {
  return (await json(GroupMemberList, 'GET', `${groupPath(id)}/members`)).items;
}

/** A convener changes a role; a member changes their own affiliation and country. */
export async function updateGroupMember(
  id: string,
  userId: string,
  patch: { role?: GroupRole; affiliation?: Affiliation; country?: string },
): Promise<GroupMember[]> {
  return (await json(GroupMemberList, 'PATCH', `${groupPath(id)}/members/${enc(userId)}`, patch))
    .items;
}

/** Remove a member, or leave (409 `last_convener`). */
export function removeGroupMember(id: string, userId: string): Promise<void> {
  return noContent('DELETE', `${groupPath(id)}/members/${enc(userId)}`);
}

/** Ask to join a public group (409 `already_requested`, `already_member`). */
export function requestToJoinGroup(
  id: string,
  input: { affiliation: Affiliation; country: string; message: string },
): Promise<void> {
  return noContent('POST', `${groupPath(id)}/join-requests`, input);
}

export async function listGroupJoinRequests(id: string): Promise<GroupJoinRequest[]> {
  return (await json(GroupJoinRequestList, 'GET', `${groupPath(id)}/join-requests`)).items;
}

export function decideGroupJoinRequest(
  id: string,
  requestId: string,
  accept: boolean,
): Promise<void> {
  return noContent('POST', `${groupPath(id)}/join-requests/${enc(requestId)}`, { accept });
}

/** Invite an address (409 `already_member`, `already_invited`). */
export function inviteToGroup(id: string, input: { email: string; role: GroupRole }) {
  return noContent('POST', `${groupPath(id)}/invitations`, input);
}

export async function listGroupInvitations(id: string): Promise<GroupInvitation[]> {
  return (await json(GroupInvitationList, 'GET', `${groupPath(id)}/invitations`)).items;
}

export function revokeGroupInvitation(id: string, invitationId: string): Promise<void> {
  return noContent('DELETE', `${groupPath(id)}/invitations/${enc(invitationId)}`);
}

export async function myGroupInvitations(): Promise<GroupInvitation[]> {
  return (await json(GroupInvitationList, 'GET', '/api/me/group-invitations')).items;
}

/** Accept (with affiliation and country, 400 without) or decline an invitation. */
export function answerGroupInvitation(
  invitationId: string,
  answer: { accept: boolean; affiliation?: Affiliation; country?: string },
): Promise<void> {
  return noContent('POST', `/api/me/group-invitations/${enc(invitationId)}`, answer);
}

export function getGroupProfile(id: string): Promise<GroupProfile> {
  return json(GroupProfile, 'GET', `${groupPath(id)}/profile`);
}

// --- Threads ----------------------------------------------------------------------------

export async function listThreads(groupId: string): Promise<ThreadSummary[]> {
  return (await json(ThreadList, 'GET', `${groupPath(groupId)}/threads`)).items;
}

export function createThread(groupId: string, input: { title: string; body: string }) {
  return json(Thread, 'POST', `${groupPath(groupId)}/threads`, input);
}

export function getThread(id: string): Promise<Thread> {
  return json(Thread, 'GET', `/api/threads/${enc(id)}`);
}

export function addPost(threadId: string, input: { body: string; parentId: string | null }) {
  return json(Thread, 'POST', `/api/threads/${enc(threadId)}/posts`, input);
}

export function editPost(postId: string, body: string): Promise<Thread> {
  return json(Thread, 'PATCH', `/api/posts/${enc(postId)}`, { body });
}

export async function postRevisions(postId: string) {
  return (await json(PostRevisionList, 'GET', `/api/posts/${enc(postId)}/revisions`)).items;
}

export function followThread(threadId: string, follow: boolean): Promise<void> {
  return noContent(follow ? 'PUT' : 'DELETE', `/api/threads/${enc(threadId)}/follow`);
}

// --- Decisions --------------------------------------------------------------------------

export async function listDecisions(groupId: string): Promise<Decision[]> {
  return (await json(DecisionList, 'GET', `${groupPath(groupId)}/decisions`)).items;
}

export function createDecision(groupId: string, input: DecisionCreate): Promise<Decision> {
  return json(Decision, 'POST', `${groupPath(groupId)}/decisions`, input);
}

export function getDecision(id: string): Promise<Decision> {
  return json(Decision, 'GET', `/api/decisions/${enc(id)}`);
}

/** A stance or a ballot (400 with `ranking` for a ballot that repeats a choice). */
export function castVote(id: string, vote: VoteCast): Promise<Decision> {
  return json(Decision, 'PUT', `/api/decisions/${enc(id)}/vote`, vote);
}

export function closeDecision(id: string): Promise<Decision> {
  return json(Decision, 'POST', `/api/decisions/${enc(id)}/close`);
}

export function setDecisionOutcome(id: string, outcome: string): Promise<Decision> {
  return json(Decision, 'PUT', `/api/decisions/${enc(id)}/outcome`, { outcome });
}

// --- Meetings ---------------------------------------------------------------------------

export async function listMeetings(groupId: string): Promise<Meeting[]> {
  return (await json(MeetingList, 'GET', `${groupPath(groupId)}/meetings`)).items;
}

export function createMeeting(groupId: string, input: MeetingCreate): Promise<Meeting> {
  return json(Meeting, 'POST', `${groupPath(groupId)}/meetings`, input);
}

export function getMeeting(id: string): Promise<Meeting> {
  return json(Meeting, 'GET', `/api/meetings/${enc(id)}`);
}

export function updateMeeting(id: string, patch: MeetingUpdate): Promise<Meeting> {
  return json(Meeting, 'PATCH', `/api/meetings/${enc(id)}`, patch);
}

export function addAgendaItem(id: string, item: { title: string; notes: string }) {
  return json(Meeting, 'POST', `/api/meetings/${enc(id)}/agenda`, item);
}

export function setRsvp(id: string, answer: Rsvp): Promise<Meeting> {
  return json(Meeting, 'PUT', `/api/meetings/${enc(id)}/rsvp`, { answer });
}

export function addAction(
  id: string,
  action: { title: string; ownerId: string | null; dueOn: string | null },
): Promise<Meeting> {
  return json(Meeting, 'POST', `/api/meetings/${enc(id)}/actions`, action);
}

export function setActionDone(actionId: string, done: boolean): Promise<Meeting> {
  return json(Meeting, 'PATCH', `/api/actions/${enc(actionId)}`, { done });
}

// --- Library ----------------------------------------------------------------------------

export async function getLibrary(groupId: string): Promise<LibraryItem[]> {
  return (await json(LibraryList, 'GET', `${groupPath(groupId)}/library`)).items;
}

export async function addLibraryItem(
  groupId: string,
  input:
    | { kind: 'case'; caseId: string; collection: string; note: string }
    | { kind: 'analysis'; analysisId: string; collection: string; note: string },
): Promise<LibraryItem[]> {
  return (await json(LibraryList, 'POST', `${groupPath(groupId)}/library`, input)).items;
}

export function removeLibraryItem(id: string): Promise<void> {
  return noContent('DELETE', `/api/library/${enc(id)}`);
}

const FieldIssues = z.array(FieldIssue);

/** The API's error shape from a failed answer (as api.ts reads it). */
async function errorFrom(response: Response): Promise<ApiError> {
  let raw: unknown = null;
  try {
    raw = await response.json();
  } catch {
    // Not JSON (a proxy's page).
  }
  const parsed = ApiErrorBody.safeParse(raw);
  if (!parsed.success)
    return new ApiError(response.status, 'unknown', response.statusText || 'Request failed');
  const { code, message, details } = parsed.data.error;
  const issues = FieldIssues.safeParse(details);
  return new ApiError(response.status, code, message, issues.success ? issues.data : []);
}

/**
 * Upload a document: the file's bytes are the body (not JSON), the rest goes in the address.
 * 413 over the limit, 400 (`file`) for a type that is not allowed.
 */
export async function uploadDocument(
  groupId: string,
  file: File,
  meta: { title: string; collection: string; note: string },
): Promise<LibraryItem[]> {
  const params = new URLSearchParams({ name: file.name, collection: meta.collection });
  if (meta.title !== '') params.set('title', meta.title);
  if (meta.note !== '') params.set('note', meta.note);
  // The session answer carries the CSRF token that every write needs.
  const { csrfToken } = await getSession();
  let response: Response;
  try {
    response = await fetch(`${groupPath(groupId)}/library/files?${params.toString()}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'x-csrf-token': csrfToken ?? '',
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!response.ok) throw await errorFrom(response);
  const parsed = LibraryList.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError(response.status, 'bad_response', 'The server sent an unexpected answer.');
  return parsed.data.items;
}

// --- Queries ----------------------------------------------------------------------------

/** Everything about working groups: one prefix, so a change refreshes every view of it. */
export const groupsKey = ['groups'] as const;
export const groupKey = (id: string) => [...groupsKey, 'group', id] as const;
export const threadKey = (id: string) => [...groupsKey, 'thread', id] as const;
export const decisionKey = (id: string) => [...groupsKey, 'decision', id] as const;
export const meetingKey = (id: string) => [...groupsKey, 'meeting', id] as const;
export const myGroupInvitationsKey = [...groupsKey, 'my-invitations'] as const;

export function useGroups() {
  return useQuery({ queryKey: [...groupsKey, 'list'], queryFn: listGroups });
}

export function useGroup(id: string) {
  return useQuery({ queryKey: groupKey(id), queryFn: () => getGroup(id) });
}

export function useGroupMembers(id: string) {
  return useQuery({ queryKey: [...groupKey(id), 'members'], queryFn: () => listGroupMembers(id) });
}

export function useGroupProfile(id: string) {
  return useQuery({ queryKey: [...groupKey(id), 'profile'], queryFn: () => getGroupProfile(id) });
}

export function useGroupJoinRequests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...groupKey(id), 'join-requests'],
    queryFn: () => listGroupJoinRequests(id),
    enabled,
  });
}

export function useGroupInvitations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...groupKey(id), 'invitations'],
    queryFn: () => listGroupInvitations(id),
    enabled,
  });
}

export function useMyGroupInvitations(enabled: boolean) {
  return useQuery({ queryKey: myGroupInvitationsKey, queryFn: myGroupInvitations, enabled });
}

export function useThreads(groupId: string) {
  return useQuery({
    queryKey: [...groupKey(groupId), 'threads'],
    queryFn: () => listThreads(groupId),
  });
}

export function useThread(id: string) {
  return useQuery({ queryKey: threadKey(id), queryFn: () => getThread(id) });
}

export function usePostRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...groupsKey, 'revisions', postId],
    queryFn: () => postRevisions(postId),
    enabled,
  });
}

export function useDecisions(groupId: string) {
  return useQuery({
    queryKey: [...groupKey(groupId), 'decisions'],
    queryFn: () => listDecisions(groupId),
  });
}

export function useDecision(id: string) {
  return useQuery({ queryKey: decisionKey(id), queryFn: () => getDecision(id) });
}

export function useMeetings(groupId: string) {
  return useQuery({
    queryKey: [...groupKey(groupId), 'meetings'],
    queryFn: () => listMeetings(groupId),
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKey(id), queryFn: () => getMeeting(id) });
}

export function useLibrary(groupId: string) {
  return useQuery({
    queryKey: [...groupKey(groupId), 'library'],
    queryFn: () => getLibrary(groupId),
  });
}

/**
 * After a change: put what the server sent back in its place (a group, thread, decision or
 * meeting), then refresh everything else about working groups.
 */
export function useGroupsChanged(): (
  changed?: { group: Group } | { thread: Thread } | { decision: Decision } | { meeting: Meeting },
) => Promise<void> {
  const queryClient = useQueryClient();
  return async (changed) => {
    let key: readonly string[] | null = null;
    if (changed && 'group' in changed) {
      key = groupKey(changed.group.id);
      queryClient.setQueryData(key, changed.group);
    } else if (changed && 'thread' in changed) {
      key = threadKey(changed.thread.id);
      queryClient.setQueryData(key, changed.thread);
    } else if (changed && 'decision' in changed) {
      key = decisionKey(changed.decision.id);
      queryClient.setQueryData(key, changed.decision);
    } else if (changed && 'meeting' in changed) {
      key = meetingKey(changed.meeting.id);
      queryClient.setQueryData(key, changed.meeting);
    }
    const skip = key?.join('/');
    await queryClient.invalidateQueries({
      queryKey: groupsKey,
      predicate: (query) => query.queryKey.join('/') !== skip,
    });
  };
}
