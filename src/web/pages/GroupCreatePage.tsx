import { useNavigate } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/AppLink.tsx';
import { useGroupsChanged } from '../components/groups/groups-api.ts';
import { useGroupsTranslation } from '../components/groups/groups-i18n.ts';
import { GroupForm } from '../components/groups/GroupForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';

/** Open a working group (signed in); its opener becomes its convener. */
export function GroupCreatePage() {
  const { t } = useGroupsTranslation();
  usePageTitle(t('form.createTitle'));
  const navigate = useNavigate();
  const changed = useGroupsChanged();
  return (
    <div className="stack">
      <PageHeading>{t('form.createTitle')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <Paragraph className="prose">{t('form.createLead')}</Paragraph>
            <Paragraph>
              <AppLink to="/groups">{t('group.backToGroups')}</AppLink>
            </Paragraph>
            <GroupForm
              onSaved={async (group) => {
                await changed({ group });
                await navigate(`/groups/${group.id}`, { state: flashState('groupsFlash.created') });
              }}
            />
          </>
        )}
      </RequireUser>
    </div>
  );
}
