import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Set document.title to "<page> – Connective" (in the interface language). */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
