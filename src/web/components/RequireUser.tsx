import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../shared/accounts.ts';
import { flashState } from '../flash.ts';
import { useSession } from '../session.ts';
import { Loading } from './Loading.tsx';

/** Renders its children for a signed-in person; sends others to the sign-in page. */
export function RequireUser({ children }: { children: (user: Me) => ReactNode }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace state={flashState('auth.required')} />;
  }
  return <>{children(user)}</>;
}
