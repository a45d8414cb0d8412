import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CapacityProfile,
  ExchangeItem,
  ExchangeList,
  InitiativeLedger,
  MatchList,
  Pledge,
  PledgeList,
  type ExchangeItemCreate,
  type ExchangeItemUpdate,
  type ItemStatus,
  type PledgeCreate,
  type PledgeStatus,
} from '../../../shared/exchange.ts';
import { json } from '../../api.ts';
import { exchangeApiPath, type ExchangeSearch } from '../../exchange-search.ts';

/*
 * The resource exchange endpoints. Every answer is checked against the schema shared with the
 * server; requests go through src/web/api.ts (CSRF token, error shape).
 */

const enc = encodeURIComponent;
const itemPath = (id: string) => `/api/exchange/items/${enc(id)}`;
const pledgePath = (id: string) => `/api/exchange/pledges/${enc(id)}`;

export function listItems(search: ExchangeSearch, signal?: AbortSignal): Promise<ExchangeList> {
  return json(ExchangeList, 'GET', exchangeApiPath(search), undefined, signal);
}

export function getItem(id: string): Promise<ExchangeItem> {
  return json(ExchangeItem, 'GET', itemPath(id));
}

export function createItem(input: ExchangeItemCreate): Promise<ExchangeItem> {
  return json(ExchangeItem, 'POST', '/api/exchange/items', input);
}

export function updateItem(id: string, input: ExchangeItemUpdate): Promise<ExchangeItem> {
  return json(ExchangeItem, 'PATCH', itemPath(id), input);
}

/** Close, withdraw or reopen (409 `same_status`, or `withdrawn` for anything but reopening). */
export function changeItemStatus(id: string, status: ItemStatus): Promise<ExchangeItem> {
  return json(ExchangeItem, 'POST', `${itemPath(id)}/status`, { status });
}

export function getMatches(id: string, limit = 10): Promise<MatchList> {
  return json(MatchList, 'GET', `${itemPath(id)}/matches?limit=${limit}`);
}

export async function itemPledges(id: string): Promise<Pledge[]> {
  return (await json(PledgeList, 'GET', `${itemPath(id)}/pledges`)).pledges;
}

/** Propose a pledge (409 `same_party`, `kinds_differ`, `item_not_open`). */
export function createPledge(input: PledgeCreate): Promise<Pledge> {
  return json(Pledge, 'POST', '/api/exchange/pledges', input);
}

export function getPledge(id: string): Promise<Pledge> {
  return json(Pledge, 'GET', pledgePath(id));
}

/** Move a pledge on (409 `illegal_transition`, 403 for the wrong party). */
export function changePledge(id: string, status: PledgeStatus, note: string): Promise<Pledge> {
  return json(Pledge, 'POST', `${pledgePath(id)}/status`, { status, note });
}

export async function myPledges(): Promise<Pledge[]> {
  return (await json(PledgeList, 'GET', '/api/me/pledges')).pledges;
}

export function getLedger(initiativeId: string): Promise<InitiativeLedger> {
  return json(InitiativeLedger, 'GET', `/api/initiatives/${enc(initiativeId)}/ledger`);
}

export function getCapacity(organisationId: string): Promise<CapacityProfile> {
  return json(CapacityProfile, 'GET', `/api/organisations/${enc(organisationId)}/capacity`);
}

// --- Queries ----------------------------------------------------------------------------

/** Everything about the exchange: one prefix, so a change refreshes every list that shows it. */
export const exchangeKey = ['exchange'] as const;
export const itemKey = (id: string) => [...exchangeKey, 'item', id] as const;
export const pledgeKey = (id: string) => [...exchangeKey, 'pledge', id] as const;

export function useItems(search: ExchangeSearch) {
  return useQuery({
    queryKey: [...exchangeKey, 'list', exchangeApiPath(search)],
    queryFn: ({ signal }) => listItems(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useItem(id: string) {
  return useQuery({ queryKey: itemKey(id), queryFn: () => getItem(id) });
}

export function useMatches(id: string) {
  return useQuery({ queryKey: [...itemKey(id), 'matches'], queryFn: () => getMatches(id) });
}

export function useItemPledges(id: string) {
  return useQuery({ queryKey: [...itemKey(id), 'pledges'], queryFn: () => itemPledges(id) });
}

export function usePledge(id: string) {
  return useQuery({ queryKey: pledgeKey(id), queryFn: () => getPledge(id) });
}

export function useMyPledges(enabled: boolean) {
  return useQuery({ queryKey: [...exchangeKey, 'my-pledges'], queryFn: myPledges, enabled });
}

export function useLedger(initiativeId: string) {
  return useQuery({
    queryKey: [...exchangeKey, 'ledger', initiativeId],
    queryFn: () => getLedger(initiativeId),
  });
}

export function useCapacity(organisationId: string) {
  return useQuery({
    queryKey: [...exchangeKey, 'capacity', organisationId],
    queryFn: () => getCapacity(organisationId),
  });
}

/**
 * After a change: show the item or pledge the server sent back, and refresh everything else about
 * the exchange (lists, matches, pledges, ledgers and capacity profiles).
 */
export function useExchangeChanged(): (changed?: ExchangeItem | Pledge) => Promise<void> {
  const queryClient = useQueryClient();
  return async (changed) => {
    let key: readonly string[] | null = null;
    if (changed && 'side' in changed) key = itemKey(changed.id);
    else if (changed) key = pledgeKey(changed.id);
    if (key) queryClient.setQueryData(key, changed);
    await queryClient.invalidateQueries({
      queryKey: exchangeKey,
      predicate: (query) => !key || query.queryKey.join('/') !== key.join('/'),
    });
  };
}
