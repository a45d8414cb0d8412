import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { CASE_SECTORS, CASE_STAGES } from '../../../shared/case-vocabulary.ts';
import type { Initiative } from '../../../shared/initiatives.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { useSession } from '../../session.ts';
import { AppLink } from '../AppLink.tsx';
import { HiddenNotice } from '../moderation/HiddenNotice.tsx';
import { NotSet } from '../NotSet.tsx';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { setInitiativeFollow, useInitiativeChanged } from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

/** What an initiative is for, where, its stage; hidden by a moderator (and why); follow it. */
export function InitiativeDetails({ initiative }: { initiative: Initiative }) {
  const { t, lang } = useInitiativesTranslation();
  const labels = useLabels();
  return (
    <>
      <HiddenNotice hidden={initiative.hidden} reason={initiative.hiddenReason} />
      <dl className="details-list">
        <dt>{t('fields.stage')}</dt>
        <dd>{labels.label(CASE_STAGES, initiative.stage)}</dd>
        <dt>{t('fields.place')}</dt>
        <dd>{initiative.place || <NotSet />}</dd>
        <dt>{t('fields.country')}</dt>
        <dd>{labels.country(initiative.country)}</dd>
        <dt>{t('fields.sector')}</dt>
        <dd>{initiative.sector ? labels.label(CASE_SECTORS, initiative.sector) : <NotSet />}</dd>
        <dt>{t('detail.startedOn')}</dt>
        <dd>{formatDate(initiative.createdAt, lang)}</dd>
      </dl>
      <section aria-labelledby="initiative-purpose-heading" className="stack">
        <Heading level={2} data-size="sm" id="initiative-purpose-heading">
          {t('fields.purpose')}
        </Heading>
        <Paragraph className="prose">{initiative.purpose || t('detail.noPurpose')}</Paragraph>
      </section>
      <FollowSection initiative={initiative} />
    </>
  );
}

function FollowSection({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const { user, isLoading } = useSession();
  const changed = useInitiativeChanged();
  const action = useAction();
  const following = initiative.followedByMe;

  async function toggle() {
    await action.run(
      () => setInitiativeFollow(initiative.id, !following),
      following ? t('follow.unfollowed') : t('follow.followed'),
    );
    await changed();
  }

  return (
    <section aria-labelledby="initiative-follow-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-follow-heading">
        {t('follow.heading')}
      </Heading>
      <Paragraph>
        {t('follow.counts', { count: initiative.followers })}{' '}
        {t('follow.stakeholders', { count: initiative.stakeholders })}
      </Paragraph>
      {user && (
        <div>
          <Button variant="secondary" loading={action.busy} onClick={() => void toggle()}>
            {following ? t('follow.unfollow') : t('follow.follow')}
          </Button>
        </div>
      )}
      {!user && !isLoading && (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(`/initiatives/${initiative.id}`)}`}>
            {t('follow.signIn')}
          </AppLink>
        </Paragraph>
      )}
      <ActionFeedback status={action.status} failure={action.failure} />
    </section>
  );
}
