import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import type { useOrganisation } from '../queries.ts';
import { LoadError } from './LoadError.tsx';
import { Loading } from './Loading.tsx';

/** While an organisation loads, or when it cannot: a spinner, "not found", or the error with a retry. Nothing once loaded. */
export function OrganisationLoadState({ query }: { query: ReturnType<typeof useOrganisation> }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (!query.isError) return null;
  return query.error instanceof ApiError && query.error.status === 404 ? (
    <Alert data-color="warning">
      <Paragraph>{t('organisation.notFound')}</Paragraph>
    </Alert>
  ) : (
    <LoadError error={query.error} onRetry={() => void query.refetch()} />
  );
}
