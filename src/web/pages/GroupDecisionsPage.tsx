import { useNavigate, useParams } from 'react-router';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Decision, Group } from '../../shared/groups.ts';
import { AppLink } from '../components/AppLink.tsx';
import { DecisionForm } from '../components/groups/DecisionForm.tsx';
import { useDecisions, useGroupsChanged } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { flashState } from '../flash.ts';

/** A working group's proposals and polls, open ones first; members make a new one. */
export function GroupDecisionsPage() {
  const { id = '' } = useParams();
  const { t } = useGroupLabels();
  return (
    <GroupShell
      groupId={id}
      heading={(group) => (group ? t('decisions.title', { name: group.name }) : t('group.title'))}
    >
      {(group) => <Decisions group={group} />}
    </GroupShell>
  );
}

function Decisions({ group }: { group: Group }) {
  const { t } = useGroupLabels();
  const navigate = useNavigate();
  const changed = useGroupsChanged();
  const decisions = useDecisions(group.id);
  const open = (decisions.data ?? []).filter((d) => !d.closed);
  const closed = (decisions.data ?? []).filter((d) => d.closed);
  return (
    <>
      {decisions.isPending && <Loading />}
      {decisions.isError && (
        <LoadError error={decisions.error} onRetry={() => void decisions.refetch()} />
      )}
      {decisions.data && (
        <>
          <DecisionList
            id="decisions-open-heading"
            heading={t('decisions.openHeading')}
            empty={t('decisions.noneOpen')}
            group={group}
            decisions={open}
          />
          <DecisionList
            id="decisions-closed-heading"
            heading={t('decisions.closedHeading')}
            empty={t('decisions.noneClosed')}
            group={group}
            decisions={closed}
          />
        </>
      )}
      <section aria-labelledby="decision-new-heading" className="stack section">
        <Heading level={2} data-size="sm" id="decision-new-heading">
          {t('decisions.newHeading')}
        </Heading>
        {group.canTakePart ? (
          <DecisionForm
            groupId={group.id}
            onSaved={async (decision) => {
              await changed({ decision });
              await navigate(`/groups/${group.id}/decisions/${decision.id}`, {
                state: flashState('groupsFlash.decisionOpened'),
              });
            }}
          />
        ) : (
          <Paragraph>{t('decisions.membersOnly')}</Paragraph>
        )}
      </section>
    </>
  );
}

function DecisionList({
  id,
  heading,
  empty,
  group,
  decisions,
}: {
  id: string;
  heading: string;
  empty: string;
  group: Group;
  decisions: Decision[];
}) {
  const { t, instant, decisionKind } = useGroupLabels();
  return (
    <section aria-labelledby={id} className="stack section">
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {decisions.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ul className="case-hits" aria-labelledby={id}>
          {decisions.map((d) => (
            <li key={d.id} className="case-hit">
              <Heading level={3} data-size="xs">
                <AppLink to={`/groups/${group.id}/decisions/${d.id}`}>{d.title}</AppLink>
              </Heading>
              <ul className="tag-list" aria-label={t('decisions.about', { title: d.title })}>
                <li>
                  <Tag data-size="sm" data-color="info">
                    {decisionKind(d.kind)}
                  </Tag>
                </li>
                {d.myVote && (
                  <li>
                    <Tag data-size="sm" data-color="success">
                      {t('decisions.youVoted')}
                    </Tag>
                  </li>
                )}
              </ul>
              <Paragraph data-size="sm">
                {d.closed
                  ? t('decisions.closedOn', { date: instant(d.closesAt) })
                  : t('decisions.openUntil', { date: instant(d.closesAt) })}
                {' · '}
                {t('results.votes', { count: d.votes })}
              </Paragraph>
              {d.outcome && (
                <Paragraph data-size="sm" className="prose">
                  {t('decisions.outcomeLine', { outcome: d.outcome })}
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
