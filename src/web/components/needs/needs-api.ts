import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Need,
  NeedComment,
  NeedList,
  NeedSummary,
  Responsiveness,
  ResponsivenessRanking,
  type NeedCreate,
  type NeedStatus,
  type NeedUpdate,
} from '../../../shared/needs.ts';
import { json, noContent } from '../../api.ts';
import { needsApiPath, type NeedsSearch } from '../../needs-search.ts';

/*
 * The needs endpoints and the responsiveness figures. Every answer is checked against the schema
 * shared with the server; requests go through src/web/api.ts (CSRF token, error shape).
 */

const enc = encodeURIComponent;
const needPath = (id: string) => `/api/needs/${enc(id)}`;
const SimilarNeeds = z.object({ items: z.array(NeedSummary) });

export function listNeeds(search: NeedsSearch, signal?: AbortSignal): Promise<NeedList> {
  return json(NeedList, 'GET', needsApiPath(search), undefined, signal);
}

/** Needs resembling a title being typed (at least 3 characters). */
export async function similarNeeds(title: string, signal?: AbortSignal): Promise<NeedSummary[]> {
  const path = `/api/needs/similar?title=${enc(title)}`;
  return (await json(SimilarNeeds, 'GET', path, undefined, signal)).items;
}

export function getNeed(id: string): Promise<Need> {
  return json(Need, 'GET', needPath(id));
}

export function createNeed(input: NeedCreate): Promise<Need> {
  return json(Need, 'POST', '/api/needs', input);
}

export function updateNeed(id: string, input: NeedUpdate): Promise<Need> {
  return json(Need, 'PATCH', needPath(id), input);
}

/** Support a need (once: a second time is a 409 `already_supported`), or withdraw it. */
export function setSupport(id: string, support: boolean): Promise<void> {
  return noContent(support ? 'POST' : 'DELETE', `${needPath(id)}/support`);
}

export function setFollow(id: string, follow: boolean): Promise<void> {
  return noContent(follow ? 'POST' : 'DELETE', `${needPath(id)}/follow`);
}

export function addComment(id: string, body: string): Promise<NeedComment> {
  return json(NeedComment, 'POST', `${needPath(id)}/comments`, { body });
}

/** The responsible organisation's answer: the next status, with a reason (needed to decline). */
export function changeStatus(id: string, status: NeedStatus, reason?: string): Promise<Need> {
  return json(Need, 'POST', `${needPath(id)}/status`, { status, reason });
}

export function reopenNeed(id: string, reason: string): Promise<Need> {
  return json(Need, 'POST', `${needPath(id)}/reopen`, { reason });
}

/** Merge a duplicate into another need (moderators); the answer is that other need. */
export function mergeNeed(id: string, into: string): Promise<Need> {
  return json(Need, 'POST', `${needPath(id)}/merge`, { into });
}

export function getResponsiveness(): Promise<ResponsivenessRanking> {
  return json(ResponsivenessRanking, 'GET', '/api/responsiveness');
}

export function getOrganisationResponsiveness(id: string): Promise<Responsiveness> {
  return json(Responsiveness, 'GET', `/api/organisations/${enc(id)}/responsiveness`);
}

// --- Queries ----------------------------------------------------------------------------

/** Everything about needs: one prefix, so a change refreshes the lists that show it. */
export const needsKey = ['needs'] as const;
export const needKey = (id: string) => [...needsKey, 'need', id] as const;
/** The figures change with every answer. */
export const responsivenessKey = ['responsiveness'] as const;

export function useNeeds(search: NeedsSearch) {
  return useQuery({
    queryKey: [...needsKey, 'list', needsApiPath(search)],
    queryFn: ({ signal }) => listNeeds(search, signal),
    placeholderData: keepPreviousData,
  });
}

/** Similar needs for a title (nothing is asked below 3 characters). */
export function useSimilarNeeds(title: string) {
  const q = title.trim();
  return useQuery({
    queryKey: [...needsKey, 'similar', q],
    queryFn: ({ signal }) => similarNeeds(q, signal),
    enabled: q.length >= 3,
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string) {
  return useQuery({ queryKey: needKey(id), queryFn: () => getNeed(id) });
}

export function useResponsiveness() {
  return useQuery({ queryKey: responsivenessKey, queryFn: getResponsiveness });
}

export function useOrganisationResponsiveness(id: string) {
  return useQuery({
    queryKey: [...responsivenessKey, id],
    queryFn: () => getOrganisationResponsiveness(id),
  });
}

/**
 * After a change: show the need the server sent back, and refresh everything else about needs
 * (the lists, a need fetched again when the server sent none) and the responsiveness figures.
 */
export function useNeedChanged(): (need?: Need) => Promise<void> {
  const queryClient = useQueryClient();
  return async (need) => {
    if (need) queryClient.setQueryData(needKey(need.id), need);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: needsKey,
        predicate: (query) => !need || query.queryKey[2] !== need.id,
      }),
      queryClient.invalidateQueries({ queryKey: responsivenessKey }),
    ]);
  };
}
