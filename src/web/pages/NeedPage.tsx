import { useParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Need } from '../../shared/needs.ts';
import { AppLink } from '../components/AppLink.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { AnswerSection } from '../components/needs/AnswerSection.tsx';
import { EditSection } from '../components/needs/EditSection.tsx';
import { MergeSection } from '../components/needs/MergeSection.tsx';
import { NeedComments } from '../components/needs/NeedComments.tsx';
import { NeedDetails } from '../components/needs/NeedDetails.tsx';
import { NeedTimeline } from '../components/needs/NeedTimeline.tsx';
import { useNeed } from '../components/needs/needs-api.ts';
import { useNeedsTranslation } from '../components/needs/needs-i18n.ts';
import { SupportFollow } from '../components/needs/SupportFollow.tsx';
import { HiddenNotice } from '../components/moderation/HiddenNotice.tsx';
import { ReportControl } from '../components/moderation/ReportControl.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';

/**
 * A need: what it is, its supporters and followers, the responsible organisation's answers on a
 * public timeline, and comments. Its organisation answers it here; moderators merge duplicates.
 */
export function NeedPage() {
  const { id = '' } = useParams();
  const { t } = useNeedsTranslation();
  const query = useNeed(id);
  const need = query.data;
  usePageTitle(need?.title ?? t('need.title'));

  return (
    <div className="stack">
      <PageHeading>{need?.title ?? t('need.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/needs">{t('need.backToNeeds')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('need.notFound')} />
      {/* A fresh start for each need (the merge notice links to another). */}
      {need && <NeedContent key={need.id} need={need} />}
    </div>
  );
}

function NeedContent({ need }: { need: Need }) {
  const { t } = useNeedsTranslation();
  return (
    <>
      {need.mergedInto && (
        <Alert data-color="warning">
          <Paragraph>
            {t('need.mergedInto')}{' '}
            <AppLink to={`/needs/${need.mergedInto.id}`}>{need.mergedInto.title}</AppLink>
          </Paragraph>
          <Paragraph>{t('need.mergedIntoHint')}</Paragraph>
        </Alert>
      )}
      <HiddenNotice
        hidden={need.hidden}
        reason={need.hiddenReason}
        awaitingApproval={need.awaitingApproval}
      />
      <NeedDetails need={need} />
      <ReportControl
        targetType="need"
        targetId={need.id}
        label={t('need.report', { title: need.title })}
      />
      {need.initiatives.length > 0 && (
        <section aria-labelledby="need-initiatives-heading" className="stack section">
          <Heading level={2} data-size="sm" id="need-initiatives-heading">
            {t('need.initiativesHeading')}
          </Heading>
          <ul className="plain-list stack" aria-labelledby="need-initiatives-heading">
            {need.initiatives.map((i) => (
              <li key={i.id}>
                <AppLink to={`/initiatives/${i.id}`}>{i.title}</AppLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      {need.canEdit && <EditSection need={need} />}
      {!need.mergedInto && <SupportFollow need={need} />}
      {need.canAnswer && !need.mergedInto && <AnswerSection need={need} />}
      <NeedTimeline events={need.timeline} />
      <NeedComments need={need} />
      {need.canMerge && !need.mergedInto && <MergeSection need={need} />}
    </>
  );
}
