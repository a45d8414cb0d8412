import { useNavigate } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/AppLink.tsx';
import { NeedForm } from '../components/needs/NeedForm.tsx';
import { useNeedChanged } from '../components/needs/needs-api.ts';
import { useNeedsTranslation } from '../components/needs/needs-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';

/** Post a need (signed in): similar needs already posted show while the title is typed. */
export function NeedCreatePage() {
  const { t } = useNeedsTranslation();
  usePageTitle(t('form.createTitle'));
  const navigate = useNavigate();
  const changed = useNeedChanged();
  return (
    <div className="stack">
      <PageHeading>{t('form.createTitle')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <Paragraph className="prose">{t('form.createLead')}</Paragraph>
            <Paragraph>
              <AppLink to="/needs">{t('need.backToNeeds')}</AppLink>
            </Paragraph>
            <NeedForm
              onSaved={async (need) => {
                await changed(need);
                await navigate(`/needs/${need.id}`, { state: flashState('needsFlash.posted') });
              }}
            />
          </>
        )}
      </RequireUser>
    </div>
  );
}
