import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { createCase } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { CaseForm } from '../components/CaseForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';
import { caseKey, casesKey } from '../queries.ts';

export function CaseCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('caseForm.createTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="stack">
      <PageHeading>{t('caseForm.createTitle')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <Paragraph>{t('caseForm.createLead')}</Paragraph>
            <Paragraph>
              <AppLink to="/cases">{t('case.backToLibrary')}</AppLink>
            </Paragraph>
            <CaseForm
              submitLabel={t('caseForm.submitCreate')}
              onSubmit={async (data) => {
                const created = await createCase(data);
                queryClient.setQueryData(caseKey(created.id), created);
                await queryClient.invalidateQueries({ queryKey: casesKey });
                await navigate(`/cases/${created.id}`, { state: flashState('caseForm.created') });
              }}
            />
          </>
        )}
      </RequireUser>
    </div>
  );
}
