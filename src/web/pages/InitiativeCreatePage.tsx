import { useNavigate } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/AppLink.tsx';
import { InitiativeForm } from '../components/initiatives/InitiativeForm.tsx';
import { useInitiativeChanged } from '../components/initiatives/initiatives-api.ts';
import { useInitiativesTranslation } from '../components/initiatives/initiatives-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';

/** Start an initiative (signed in): the one who starts it becomes its owner. */
export function InitiativeCreatePage() {
  const { t } = useInitiativesTranslation();
  usePageTitle(t('form.createTitle'));
  const navigate = useNavigate();
  const changed = useInitiativeChanged();
  return (
    <div className="stack">
      <PageHeading>{t('form.createTitle')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <Paragraph className="prose">{t('form.createLead')}</Paragraph>
            <Paragraph>
              <AppLink to="/initiatives">{t('detail.back')}</AppLink>
            </Paragraph>
            <InitiativeForm
              onSaved={async (initiative) => {
                await changed(initiative);
                await navigate(`/initiatives/${initiative.id}`, {
                  state: flashState('initiativesFlash.started'),
                });
              }}
            />
          </>
        )}
      </RequireUser>
    </div>
  );
}
