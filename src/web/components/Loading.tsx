import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading">
      <Spinner aria-label={t('layout.loading')} data-size="md" />
    </div>
  );
}
