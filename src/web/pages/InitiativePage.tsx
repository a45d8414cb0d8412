import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { Initiative } from '../../shared/initiatives.ts';
import { AppLink } from '../components/AppLink.tsx';
import { LedgerSection } from '../components/exchange/LedgerSection.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { FacilitationSection } from '../components/initiatives/FacilitationSection.tsx';
import { InitiativeDetails } from '../components/initiatives/InitiativeDetails.tsx';
import { useInitiative } from '../components/initiatives/initiatives-api.ts';
import { useInitiativesTranslation } from '../components/initiatives/initiatives-i18n.ts';
import { LinkedNeeds } from '../components/initiatives/LinkedNeeds.tsx';
import {
  MilestonesSection,
  OutcomesSection,
  UpdatesSection,
} from '../components/initiatives/ProgressSections.tsx';
import { PublishSection } from '../components/initiatives/PublishSection.tsx';
import { StakeholdersSection } from '../components/initiatives/StakeholdersSection.tsx';
import { ReportControl } from '../components/moderation/ReportControl.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';

/**
 * An initiative: its purpose, stakeholders and their roles, the needs it addresses, milestones,
 * updates, outcomes, what public bodies do to facilitate it, the resources it received through the
 * exchange, and its publication as a case.
 */
export function InitiativePage() {
  const { id = '' } = useParams();
  const { t } = useInitiativesTranslation();
  const query = useInitiative(id);
  const initiative = query.data;
  usePageTitle(initiative?.title ?? t('detail.title'));

  return (
    <div className="stack">
      <PageHeading>{initiative?.title ?? t('detail.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/initiatives">{t('detail.back')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('detail.notFound')} />
      {initiative && <InitiativeContent key={initiative.id} initiative={initiative} />}
    </div>
  );
}

function InitiativeContent({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  return (
    <>
      <InitiativeDetails initiative={initiative} />
      <ReportControl
        targetType="initiative"
        targetId={initiative.id}
        label={t('detail.report', { title: initiative.title })}
      />
      <StakeholdersSection initiative={initiative} />
      <LinkedNeeds initiative={initiative} />
      <FacilitationSection initiative={initiative} />
      <LedgerSection initiative={initiative} />
      <MilestonesSection initiative={initiative} />
      <UpdatesSection initiative={initiative} />
      <OutcomesSection initiative={initiative} />
      <PublishSection initiative={initiative} />
    </>
  );
}
