import { Paragraph } from '@digdir/designsystemet-react';
import { EmailSettings } from '../components/notifications/EmailSettings.tsx';
import { Inbox } from '../components/notifications/Inbox.tsx';
import { useNotificationsTranslation } from '../components/notifications/notifications-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { usePageTitle } from '../pageTitle.ts';

/** My inbox, and how often I get e-mail about it. */
export function NotificationsPage() {
  const { t } = useNotificationsTranslation();
  usePageTitle(t('title'));
  return (
    <div className="stack">
      <PageHeading>{t('title')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <Paragraph>{t('lead')}</Paragraph>
            <Inbox />
            <EmailSettings />
          </>
        )}
      </RequireUser>
    </div>
  );
}
