import type { ReactNode } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';
import { Link } from '@digdir/designsystemet-react';

type Props = Omit<RouterLinkProps, 'children'> & { children: ReactNode };

/** A Designsystemet link that navigates inside the single-page app. */
export function AppLink({ children, ...rest }: Props) {
  return (
    <Link asChild>
      <RouterLink {...rest}>{children}</RouterLink>
    </Link>
  );
}
