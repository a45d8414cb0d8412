import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { updateOrganisation } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { OrganisationForm } from '../components/OrganisationForm.tsx';
import { OrganisationLoadState } from '../components/OrganisationLoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';
import { canManage, organisationKey, useOrganisation } from '../queries.ts';

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useOrganisation(id);
  const org = query.data;
  const title = org ? t('organisationForm.editTitle', { name: org.name }) : t('organisation.edit');
  usePageTitle(title);

  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <RequireUser>
        {(user) => {
          if (!query.data) return <OrganisationLoadState query={query} />;
          const loaded = query.data;
          return (
            <>
              <Paragraph>
                <AppLink to={`/organisations/${loaded.id}`}>
                  {t('common.backToOrganisation', { name: loaded.name })}
                </AppLink>
              </Paragraph>
              {canManage(loaded, user) ? (
                <OrganisationForm
                  key={loaded.updatedAt}
                  organisation={loaded}
                  submitLabel={t('organisationForm.submitEdit')}
                  onSubmit={async (data) => {
                    const updated = await updateOrganisation(loaded.id, data);
                    queryClient.setQueryData(organisationKey(updated.id), updated);
                    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
                    await navigate(`/organisations/${updated.id}`, {
                      state: flashState('organisationForm.updated'),
                    });
                  }}
                />
              ) : (
                <Alert data-color="warning">
                  <Paragraph>{t('errors.forbidden')}</Paragraph>
                </Alert>
              )}
            </>
          );
        }}
      </RequireUser>
    </div>
  );
}
