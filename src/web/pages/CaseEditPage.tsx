import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { updateCase } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { CaseForm } from '../components/CaseForm.tsx';
import { CaseLoadState } from '../components/CaseLoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';
import { caseKey, casesKey, useCase } from '../queries.ts';

export function CaseEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useCase(id);
  const detail = query.data;
  const title = detail ? t('caseForm.editTitle', { title: detail.title }) : t('case.edit');
  usePageTitle(title);

  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <RequireUser>
        {() => {
          if (!query.data) return <CaseLoadState query={query} />;
          const loaded = query.data;
          return (
            <>
              <Paragraph>
                <AppLink to={`/cases/${loaded.id}`}>
                  {t('caseForm.backToCase', { title: loaded.title })}
                </AppLink>
              </Paragraph>
              {loaded.canEdit ? (
                <CaseForm
                  key={loaded.updatedAt}
                  detail={loaded}
                  submitLabel={t('caseForm.submitEdit')}
                  onSubmit={async (data) => {
                    const updated = await updateCase(loaded.id, data);
                    queryClient.setQueryData(caseKey(updated.id), updated);
                    await queryClient.invalidateQueries({ queryKey: casesKey });
                    await navigate(`/cases/${updated.id}`, {
                      state: flashState('caseForm.updated'),
                    });
                  }}
                />
              ) : (
                <Alert data-color="warning">
                  <Paragraph>{t('caseForm.notYours')}</Paragraph>
                </Alert>
              )}
            </>
          );
        }}
      </RequireUser>
    </div>
  );
}
