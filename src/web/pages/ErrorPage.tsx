import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../components/AppLink.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';

/** Shown when rendering a page failed unexpectedly. */
export function ErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.loadFailed'));
  return (
    <div className="stack">
      <PageHeading>{t('errors.loadFailed')}</PageHeading>
      <Alert data-color="danger">
        <Paragraph>{t('errors.unknown')}</Paragraph>
      </Alert>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </div>
  );
}
