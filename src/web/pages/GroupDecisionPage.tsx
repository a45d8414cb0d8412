import { useParams } from 'react-router';
import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Decision, Group } from '../../shared/groups.ts';
import { AppLink } from '../components/AppLink.tsx';
import { DecisionManage } from '../components/groups/DecisionManage.tsx';
import { DecisionResults } from '../components/groups/DecisionResults.tsx';
import { useDecision, useGroupsChanged } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { VoteSection } from '../components/groups/VoteSection.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { ordinal } from '../groups-ballot.ts';

/**
 * A proposal or poll: what it is about and until when, my vote (changeable while it is open),
 * the results as far as they are shown, and for conveners and the proposer closing it and
 * stating the outcome.
 */
export function GroupDecisionPage() {
  const { id = '', decisionId = '' } = useParams();
  const { t } = useGroupLabels();
  const decision = useDecision(decisionId);
  const found = decision.data?.groupId === id ? decision.data : undefined;
  return (
    <GroupShell groupId={id} heading={() => found?.title ?? t('decisions.decisionTitle')}>
      {(group) => (
        <>
          <Paragraph>
            <AppLink to={`/groups/${group.id}/decisions`}>{t('decisions.back')}</AppLink>
          </Paragraph>
          {found || !decision.data ? (
            <HavensLoadState query={decision} notFound={t('decisions.notFound')} />
          ) : (
            // Asked for under another group's address: it is not this group's.
            <Alert data-color="warning">
              <Paragraph>{t('decisions.notFound')}</Paragraph>
            </Alert>
          )}
          {found && <DecisionContent key={found.id} group={group} decision={found} />}
        </>
      )}
    </GroupShell>
  );
}

function DecisionContent({ group, decision }: { group: Group; decision: Decision }) {
  const { t, lang, instant, zone, decisionKind, resultsVisible, stance } = useGroupLabels();
  const changed = useGroupsChanged();
  const onChanged = (updated: Decision) => changed({ decision: updated });
  const label = (id: string) => decision.options.find((o) => o.id === id)?.label ?? id;
  const mine = decision.myVote;
  return (
    <>
      <ul className="tag-list" aria-label={t('decisions.about', { title: decision.title })}>
        <li>
          <Tag data-color="info">{decisionKind(decision.kind)}</Tag>
        </li>
        <li>
          <Tag data-color={decision.closed ? 'neutral' : 'success'}>
            {decision.closed ? t('decisions.closed') : t('decisions.open')}
          </Tag>
        </li>
      </ul>
      <dl className="details-list">
        <dt>{decision.closed ? t('decisions.closedAtLabel') : t('decisions.closesAtLabel')}</dt>
        <dd>{t('decisions.inZone', { date: instant(decision.closesAt), zone })}</dd>
        <dt>{t('decisions.resultsVisible')}</dt>
        <dd>{resultsVisible(decision.resultsVisible)}</dd>
        {decision.kind !== 'proposal' && (
          <>
            <dt>{t('decisions.options')}</dt>
            <dd>{decision.options.map((o) => o.label).join(', ')}</dd>
          </>
        )}
        <dt>{t('decisions.yourVote')}</dt>
        <dd>
          {!mine
            ? t('decisions.notVoted')
            : decision.kind === 'proposal'
              ? mine.reason
                ? t('decisions.myStanceReason', {
                    stance: stance(mine.stance ?? ''),
                    reason: mine.reason,
                  })
                : stance(mine.stance ?? '')
              : mine.ranking
                  .map((o, i) =>
                    decision.kind === 'ranked_choice'
                      ? t('decisions.rankedChoice', {
                          ordinal: ordinal(i + 1, lang),
                          option: label(o),
                        })
                      : label(o),
                  )
                  .join(', ')}
        </dd>
      </dl>
      {decision.description && (
        <section aria-labelledby="decision-description-heading" className="stack">
          <Heading level={2} data-size="sm" id="decision-description-heading">
            {t('decisions.description')}
          </Heading>
          <Paragraph className="prose">{decision.description}</Paragraph>
        </section>
      )}
      {decision.outcome && (
        <section aria-labelledby="decision-outcome-heading" className="stack">
          <Heading level={2} data-size="sm" id="decision-outcome-heading">
            {t('decisions.outcome')}
          </Heading>
          <Paragraph className="prose">{decision.outcome}</Paragraph>
        </section>
      )}
      {decision.canVote && <VoteSection decision={decision} onVoted={onChanged} />}
      {!decision.canVote && !decision.closed && !group.canTakePart && (
        <Paragraph>{t('decisions.membersOnlyVote')}</Paragraph>
      )}
      <DecisionResults decision={decision} />
      {decision.canManage && <DecisionManage decision={decision} onChanged={onChanged} />}
    </>
  );
}
