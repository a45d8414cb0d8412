import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SessionInfo } from '../shared/accounts.ts';
import { getSession } from './api.ts';

export const sessionKey = ['session'] as const;

export function useSession(): { user: Me | null; isLoading: boolean } {
  const query = useQuery({ queryKey: sessionKey, queryFn: getSession, staleTime: 60_000 });
  return { user: query.data?.user ?? null, isLoading: query.isPending };
}

/**
 * Start using a new session (after sign-in or sign-up): everything cached for the
 * previous visitor (such as "my role") is dropped.
 */
export function useSetSession(): (info: SessionInfo) => void {
  const queryClient = useQueryClient();
  return (info) => {
    queryClient.clear();
    queryClient.setQueryData(sessionKey, info);
  };
}

export function useSetUser(): (user: Me) => void {
  const queryClient = useQueryClient();
  return (user) => {
    queryClient.setQueryData<SessionInfo>(sessionKey, (old) =>
      old ? { ...old, user } : { user, csrfToken: null },
    );
  };
}

export function isPlatformAdmin(user: Me | null): boolean {
  return user?.platformRole === 'admin';
}

/** Moderators (and platform admins, who may do all a moderator does) see the moderation queue. */
export function isModerator(user: Me | null): boolean {
  return user?.platformRole === 'moderator' || user?.platformRole === 'admin';
}

/** Where to go after signing in: only paths inside this app. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** A sign-in or sign-up address that keeps where to go afterwards. */
export function withNext(path: string, next: string | null): string {
  const target = safeNext(next);
  return target === '/' ? path : `${path}?next=${encodeURIComponent(target)}`;
}
