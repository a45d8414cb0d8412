import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Me } from '../shared/accounts.ts';
import type { Organisation } from '../shared/organisations.ts';
import type { DiffusionUnit } from '../shared/diffusion.ts';
import { getCase, myOrganisations, getOrganisation, listJoinRequests, listMembers } from './api.ts';
import { getNetwork } from './components/network/network-api.ts';
import {
  adoptionSuggestions,
  getDiffusion,
  listAdoptions,
  runEha,
} from './components/diffusion/diffusion-api.ts';
import {
  diffusionApiPath,
  ehaApiPath,
  type EhaSettings,
  type Innovation,
} from './diffusion-view.ts';
import { filterParams, type NetworkFilters } from './network-view.ts';

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

/** The collaboration network for a set of filters (keyed by its canonical query string). */
export const networkKey = (filters: NetworkFilters) =>
  ['network', filterParams(filters).toString()] as const;

/** The network; the previous one stays on screen while the next loads. */
export function useNetwork(filters: NetworkFilters) {
  return useQuery({
    queryKey: networkKey(filters),
    queryFn: ({ signal }) => getNetwork(filters, signal),
    placeholderData: keepPreviousData,
    // A network is cached on the server per data version; a minute here avoids asking again.
    staleTime: 60_000,
  });
}

/** Everything about diffusion (views, analyses, adoption records, suggestions): one prefix, so
 * recording or removing an adoption refreshes it all. */
export const diffusionKey = ['diffusion'] as const;

export function useDiffusion(innovation: Innovation, unit: DiffusionUnit) {
  return useQuery({
    queryKey: [...diffusionKey, 'view', diffusionApiPath(innovation, unit)],
    queryFn: ({ signal }) => getDiffusion(innovation, unit, signal),
    placeholderData: keepPreviousData,
  });
}

/** The event-history analysis, once it has been asked for (`eha` not null). */
export function useEha(innovation: Innovation, eha: EhaSettings | null) {
  return useQuery({
    queryKey: [...diffusionKey, 'eha', eha ? ehaApiPath(innovation, eha) : ''],
    queryFn: ({ signal }) => runEha(innovation, eha!, signal),
    enabled: eha !== null,
  });
}

export function useAdoptions(filter: { case?: string; tag?: string; organisation?: string }) {
  return useQuery({
    queryKey: [
      ...diffusionKey,
      'adoptions',
      filter.case ?? '',
      filter.tag ?? '',
      filter.organisation ?? '',
    ],
    queryFn: () => listAdoptions(filter),
  });
}

export function useAdoptionSuggestions(organisationId: string) {
  return useQuery({
    queryKey: [...diffusionKey, 'suggestions', organisationId],
    queryFn: () => adoptionSuggestions(organisationId),
  });
}

/**
 * The organisations the signed-in person belongs to. /api/me does not list them; the personal
 * data export does (a lighter `GET /api/me/organisations` would serve this better).
 */
export const myOrganisationsKey = ['me', 'organisations'] as const;

export function useMyOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: myOrganisationsKey,
    queryFn: async () =>
      (await myOrganisations()).map((m) => ({ id: m.organisationId, name: m.organisationName })),
    enabled,
    staleTime: 60_000,
  });
}
