import { useQuery } from '@tanstack/react-query';
import type { Me } from '../shared/accounts.ts';
import type { Organisation } from '../shared/organisations.ts';
import { getCase, getOrganisation, listJoinRequests, listMembers } from './api.ts';

export const organisationKey = (id: string) => ['organisation', id] as const;
export const membersKey = (id: string) => ['organisation', id, 'members'] as const;
export const joinRequestsKey = (id: string) => ['organisation', id, 'join-requests'] as const;

export function useOrganisation(id: string) {
  return useQuery({ queryKey: organisationKey(id), queryFn: () => getOrganisation(id) });
}

export function useMembers(id: string, enabled = true) {
  return useQuery({ queryKey: membersKey(id), queryFn: () => listMembers(id), enabled });
}

export function useJoinRequests(id: string, enabled: boolean) {
  return useQuery({ queryKey: joinRequestsKey(id), queryFn: () => listJoinRequests(id), enabled });
}

/** Owners and admins of the organisation, and platform admins, manage it. */
export function canManage(org: Organisation | undefined, user: Me | null): boolean {
  if (!org || !user) return false;
  return org.myRole === 'owner' || org.myRole === 'admin' || user.platformRole === 'admin';
}

export const caseKey = (id: string) => ['case', id] as const;
/** Everything derived from the set of cases (search, comparison, my cases, coders). */
export const casesKey = ['cases'] as const;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => getCase(id) });
}

/** My saved QCA analyses, and one saved analysis. */
export const analysesKey = ['qca', 'analyses'] as const;
export const analysisKey = (id: string) => ['qca', 'analysis', id] as const;
