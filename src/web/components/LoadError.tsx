import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../validation.ts';

/** Shown when data for a page could not be loaded. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('errors.loadFailed')}
      </Heading>
      <Paragraph>{errorMessage(t, error)}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
