import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { useCase } from '../queries.ts';
import { LoadError } from './LoadError.tsx';
import { Loading } from './Loading.tsx';

/** While a case loads, or when it cannot: a spinner, "not found", or the error with a retry. */
export function CaseLoadState({ query }: { query: ReturnType<typeof useCase> }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (!query.isError) return null;
  return query.error instanceof ApiError && query.error.status === 404 ? (
    <Alert data-color="warning">
      <Paragraph>{t('case.notFound')}</Paragraph>
    </Alert>
  ) : (
    <LoadError error={query.error} onRetry={() => void query.refetch()} />
  );
}
