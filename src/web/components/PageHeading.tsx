import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

/** The page's h1. Focusable by script so focus can move here after navigation. */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
