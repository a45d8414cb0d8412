import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../../api.ts';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';

interface Query {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * While a space, experiment or lesson loads, or when it cannot: a spinner, "not found" (also for
 * what the viewer may not see: the API answers 404 then, so nobody learns it exists), or the
 * error with a retry. Nothing once loaded.
 */
export function HavensLoadState({ query, notFound }: { query: Query; notFound: string }) {
  if (query.isPending) return <Loading />;
  if (!query.isError) return null;
  return query.error instanceof ApiError && query.error.status === 404 ? (
    <Alert data-color="warning">
      <Paragraph>{notFound}</Paragraph>
    </Alert>
  ) : (
    <LoadError error={query.error} onRetry={() => void query.refetch()} />
  );
}
