import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createOrganisation } from '../api.ts';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';
import { organisationKey } from '../queries.ts';

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('organisationForm.createTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="stack">
      <PageHeading>{t('organisationForm.createTitle')}</PageHeading>
      <RequireUser>
        {() => (
          <OrganisationForm
            submitLabel={t('organisationForm.submitCreate')}
            onSubmit={async (data) => {
              const org = await createOrganisation(data);
              queryClient.setQueryData(organisationKey(org.id), org);
              await queryClient.invalidateQueries({ queryKey: ['organisations'] });
              await navigate(`/organisations/${org.id}`, {
                state: flashState('organisationForm.created'),
              });
            }}
          />
        )}
      </RequireUser>
    </div>
  );
}
