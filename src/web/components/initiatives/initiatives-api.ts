import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Facilitation,
  FacilitationProfile,
  Initiative,
  InitiativeList,
  type FacilitationCreate,
  type InitiativeCreate,
  type StakeholderAdd,
  type StakeholderRole,
} from '../../../shared/initiatives.ts';
import type { EvidenceLevel, OutcomeDimension } from '../../../shared/case-vocabulary.ts';
import { json, noContent } from '../../api.ts';
import { initiativesApiPath, type InitiativesSearch } from '../../initiatives-search.ts';

/*
 * The initiatives and facilitation endpoints. Every answer is checked against the schema shared
 * with the server; requests go through src/web/api.ts (CSRF token, error shape).
 */

const enc = encodeURIComponent;
const path = (id: string) => `/api/initiatives/${enc(id)}`;

export function listInitiatives(search: InitiativesSearch, signal?: AbortSignal) {
  return json(InitiativeList, 'GET', initiativesApiPath(search), undefined, signal);
}

export function getInitiative(id: string): Promise<Initiative> {
  return json(Initiative, 'GET', path(id));
}

export function createInitiative(input: InitiativeCreate): Promise<Initiative> {
  return json(Initiative, 'POST', '/api/initiatives', input);
}

/** Add a person (by e-mail) or an organisation (409 `already_stakeholder`). */
export function addStakeholder(id: string, input: StakeholderAdd): Promise<Initiative> {
  return json(Initiative, 'POST', `${path(id)}/stakeholders`, input);
}

/** Remove a stakeholder, or leave (409 `last_owner` for the last owner). */
export function removeStakeholder(id: string, stakeholderId: string): Promise<void> {
  return noContent('DELETE', `${path(id)}/stakeholders/${enc(stakeholderId)}`);
}

export function requestToJoinInitiative(
  id: string,
  role: StakeholderRole,
  message: string,
): Promise<void> {
  return noContent('POST', `${path(id)}/join-requests`, { role, message });
}

export function decideInitiativeJoin(
  id: string,
  requestId: string,
  accept: boolean,
): Promise<Initiative> {
  return json(Initiative, 'POST', `${path(id)}/join-requests/${enc(requestId)}`, { accept });
}

export function setInitiativeFollow(id: string, follow: boolean): Promise<void> {
  return noContent(follow ? 'POST' : 'DELETE', `${path(id)}/follow`);
}

export function addMilestone(
  id: string,
  input: { title: string; plannedOn: string | null; doneOn: string | null },
): Promise<void> {
  return noContent('POST', `${path(id)}/milestones`, input);
}

export function setMilestoneDone(
  id: string,
  milestoneId: string,
  doneOn: string | null,
): Promise<void> {
  return noContent('PATCH', `${path(id)}/milestones/${enc(milestoneId)}`, { doneOn });
}

export function postUpdate(id: string, body: string): Promise<void> {
  return noContent('POST', `${path(id)}/updates`, { body });
}

export function addOutcome(
  id: string,
  input: { dimension: OutcomeDimension; evidence: EvidenceLevel; description: string },
): Promise<void> {
  return noContent('POST', `${path(id)}/outcomes`, input);
}

export function linkNeed(id: string, needId: string): Promise<void> {
  return noContent('POST', `${path(id)}/needs`, { needId });
}

export function recordFacilitation(id: string, input: FacilitationCreate): Promise<Facilitation> {
  return json(Facilitation, 'POST', `${path(id)}/facilitation`, input);
}

/** Commit, deliver or withdraw (with a reason), in order (409 otherwise). */
export function changeFacilitationStatus(
  facilitationId: string,
  status: 'committed' | 'delivered' | 'withdrawn',
  reason?: string,
): Promise<Facilitation> {
  return json(Facilitation, 'POST', `/api/facilitation/${enc(facilitationId)}/status`, {
    status,
    reason,
  });
}

export function getFacilitationProfile(organisationId: string) {
  return json(FacilitationProfile, 'GET', `/api/organisations/${enc(organisationId)}/facilitation`);
}

/** Publish to the case library (owners; 409 `published` once done). */
export function publishInitiative(id: string): Promise<Initiative> {
  return json(Initiative, 'POST', `${path(id)}/publish`);
}

// --- Queries ----------------------------------------------------------------------------

export const initiativesKey = ['initiatives'] as const;
export const initiativeKey = (id: string) => [...initiativesKey, 'initiative', id] as const;

export function useInitiatives(search: InitiativesSearch) {
  return useQuery({
    queryKey: [...initiativesKey, 'list', initiativesApiPath(search)],
    queryFn: ({ signal }) => listInitiatives(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInitiative(id: string) {
  return useQuery({ queryKey: initiativeKey(id), queryFn: () => getInitiative(id) });
}

/**
 * After a change: show the initiative the server sent back, and refresh everything else about
 * initiatives (and needs, whose pages list the initiatives addressing them).
 */
export function useInitiativeChanged(): (initiative?: Initiative) => Promise<void> {
  const queryClient = useQueryClient();
  return async (initiative) => {
    if (initiative) queryClient.setQueryData(initiativeKey(initiative.id), initiative);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: initiativesKey,
        predicate: (query) => !initiative || query.queryKey[2] !== initiative.id,
      }),
      queryClient.invalidateQueries({ queryKey: ['needs'] }),
    ]);
  };
}
