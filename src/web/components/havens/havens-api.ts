import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AccessLog,
  Decision,
  Experiment,
  ExperimentList,
  InvitationList,
  Lesson,
  LessonList,
  PublicationPreview,
  Space,
  SpaceList,
  SpaceMember,
  SpaceMemberList,
  type AllocationRequest,
  type ExperimentCreate,
  type ExperimentResult,
  type ExperimentSummary,
  type ExperimentUpdate,
  type Invitation,
  type InvitationCreate,
  type SpaceCreate,
  type SpaceMemberAdd,
} from '../../../shared/havens.ts';
import { json, noContent } from '../../api.ts';
import { lessonsApiPath, type LessonsSearch } from '../../havens-lessons.ts';

type AccessLogEntry = z.infer<typeof AccessLog>['items'][number];
export type SpaceMemberEntry = z.infer<typeof SpaceMember>;

/*
 * The safe-haven endpoints (spaces, invitations, experiments, the lessons library). Every answer
 * is checked against the schema shared with the server; requests go through src/web/api.ts
 * (CSRF token, error shape).
 */

const enc = encodeURIComponent;
const spacePath = (id: string) => `/api/spaces/${enc(id)}`;
const experimentPath = (id: string) => `/api/experiments/${enc(id)}`;

// --- Spaces -----------------------------------------------------------------------------

export async function listSpaces(): Promise<Space[]> {
  return (await json(SpaceList, 'GET', '/api/spaces')).items;
}

export function getSpace(id: string): Promise<Space> {
  return json(Space, 'GET', spacePath(id));
}

export function createSpace(input: SpaceCreate): Promise<Space> {
  return json(Space, 'POST', '/api/spaces', input);
}

export async function listSpaceMembers(id: string): Promise<SpaceMemberEntry[]> {
  return (await json(SpaceMemberList, 'GET', `${spacePath(id)}/members`)).items;
}

export function addSpaceMember(id: string, input: SpaceMemberAdd): Promise<SpaceMemberEntry> {
  return json(SpaceMember, 'POST', `${spacePath(id)}/members`, input);
}

/** Remove a member (owners), or leave the space (one's own id). */
export function removeSpaceMember(id: string, userId: string): Promise<void> {
  return noContent('DELETE', `${spacePath(id)}/members/${enc(userId)}`);
}

export async function spaceAccessLog(id: string): Promise<AccessLogEntry[]> {
  return (await json(AccessLog, 'GET', `${spacePath(id)}/access-log`)).items;
}

// --- Invitations ------------------------------------------------------------------------

export async function inviteToSpace(id: string, input: InvitationCreate): Promise<Invitation[]> {
  return (await json(InvitationList, 'POST', `${spacePath(id)}/invitations`, input)).items;
}

export async function listSpaceInvitations(id: string): Promise<Invitation[]> {
  return (await json(InvitationList, 'GET', `${spacePath(id)}/invitations`)).items;
}

export function revokeInvitation(id: string, invitationId: string): Promise<void> {
  return noContent('DELETE', `${spacePath(id)}/invitations/${enc(invitationId)}`);
}

export async function myInvitations(): Promise<Invitation[]> {
  return (await json(InvitationList, 'GET', '/api/me/invitations')).items;
}

export function acceptInvitation(id: string): Promise<Space> {
  return json(Space, 'POST', `/api/me/invitations/${enc(id)}/accept`);
}

export function declineInvitation(id: string): Promise<void> {
  return noContent('POST', `/api/me/invitations/${enc(id)}/decline`);
}

// --- Experiments ------------------------------------------------------------------------

export async function listExperiments(spaceId: string): Promise<ExperimentSummary[]> {
  return (await json(ExperimentList, 'GET', `${spacePath(spaceId)}/experiments`)).items;
}

export function createExperiment(spaceId: string, input: ExperimentCreate): Promise<Experiment> {
  return json(Experiment, 'POST', `${spacePath(spaceId)}/experiments`, input);
}

export function getExperiment(id: string): Promise<Experiment> {
  return json(Experiment, 'GET', experimentPath(id));
}

export function updateExperiment(id: string, input: ExperimentUpdate): Promise<Experiment> {
  return json(Experiment, 'PATCH', experimentPath(id), input);
}

export function startExperiment(id: string): Promise<Experiment> {
  return json(Experiment, 'POST', `${experimentPath(id)}/start`);
}

export function stopExperiment(id: string, reason: string): Promise<Experiment> {
  return json(Experiment, 'POST', `${experimentPath(id)}/stop`, { reason });
}

export function completeExperiment(id: string, result: ExperimentResult): Promise<Experiment> {
  return json(Experiment, 'POST', `${experimentPath(id)}/complete`, { result });
}

export function allocate(id: string, input: AllocationRequest): Promise<Experiment> {
  return json(Experiment, 'POST', `${experimentPath(id)}/allocation`, input);
}

export const allocationCsvPath = (id: string) => `${experimentPath(id)}/allocation.csv`;

export function uploadOutcomes(id: string, csv: string): Promise<Experiment> {
  return json(Experiment, 'POST', `${experimentPath(id)}/outcomes`, { csv });
}

export function addDecision(id: string, text: string): Promise<Decision> {
  return json(Decision, 'POST', `${experimentPath(id)}/decisions`, { text });
}

export async function previewPublication(id: string, anonymise: boolean): Promise<Lesson> {
  const path = `${experimentPath(id)}/publication?anonymise=${String(anonymise)}`;
  return (await json(PublicationPreview, 'GET', path)).lesson;
}

export function publish(id: string, anonymise: boolean): Promise<Lesson> {
  return json(Lesson, 'POST', `${experimentPath(id)}/publication`, { anonymise, confirm: true });
}

export function withdraw(id: string): Promise<void> {
  return noContent('DELETE', `${experimentPath(id)}/publication`);
}

// --- Lessons ----------------------------------------------------------------------------

export function searchLessons(search: LessonsSearch, signal?: AbortSignal): Promise<LessonList> {
  return json(LessonList, 'GET', lessonsApiPath(search), undefined, signal);
}

export function getLesson(id: string): Promise<Lesson> {
  return json(Lesson, 'GET', `/api/lessons/${enc(id)}`);
}

// --- Queries ----------------------------------------------------------------------------

/** Everything about spaces and experiments: one prefix, so a change refreshes what shows it. */
export const havensKey = ['havens'] as const;
export const spacesKey = [...havensKey, 'spaces'] as const;
export const spaceKey = (id: string) => [...havensKey, 'space', id] as const;
export const experimentKey = (id: string) => [...havensKey, 'experiment', id] as const;
export const myInvitationsKey = [...havensKey, 'my-invitations'] as const;
/** The public library: changes when a lesson is published or withdrawn. */
export const lessonsKey = ['lessons'] as const;

export function useSpaces(enabled = true) {
  return useQuery({ queryKey: spacesKey, queryFn: listSpaces, enabled });
}

export function useSpace(id: string) {
  return useQuery({ queryKey: spaceKey(id), queryFn: () => getSpace(id) });
}

export function useSpaceMembers(id: string) {
  return useQuery({ queryKey: [...spaceKey(id), 'members'], queryFn: () => listSpaceMembers(id) });
}

export function useSpaceInvitations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...spaceKey(id), 'invitations'],
    queryFn: () => listSpaceInvitations(id),
    enabled,
  });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...spaceKey(id), 'access-log'],
    queryFn: () => spaceAccessLog(id),
    enabled,
  });
}

export function useExperiments(spaceId: string) {
  return useQuery({
    queryKey: [...spaceKey(spaceId), 'experiments'],
    queryFn: () => listExperiments(spaceId),
  });
}

export function useExperiment(id: string) {
  return useQuery({ queryKey: experimentKey(id), queryFn: () => getExperiment(id) });
}

export function useMyInvitations(enabled: boolean) {
  return useQuery({ queryKey: myInvitationsKey, queryFn: myInvitations, enabled });
}

export function useLessons(search: LessonsSearch) {
  return useQuery({
    queryKey: [...lessonsKey, 'search', lessonsApiPath(search)],
    queryFn: ({ signal }) => searchLessons(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLesson(id: string) {
  return useQuery({ queryKey: [...lessonsKey, id], queryFn: () => getLesson(id) });
}

/**
 * Show an experiment the server sent back after a change, and refresh what lists it (the
 * space's experiments; the library when `lessons` changed).
 */
export function useExperimentSaved(): (
  experiment: Experiment,
  options?: { lessons?: boolean },
) => Promise<void> {
  const queryClient = useQueryClient();
  return async (experiment, { lessons = false } = {}) => {
    queryClient.setQueryData(experimentKey(experiment.id), experiment);
    await queryClient.invalidateQueries({ queryKey: spaceKey(experiment.space.id) });
    if (lessons) await queryClient.invalidateQueries({ queryKey: lessonsKey });
  };
}
