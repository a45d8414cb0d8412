import { useNavigate, useParams } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Group } from '../../shared/groups.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useGroupMembers, useGroupsChanged, useThreads } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { ThreadForm } from '../components/groups/ThreadForm.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { flashState } from '../flash.ts';
import { useSession } from '../session.ts';

/** A working group's discussions, latest first; members start a new one. */
export function GroupThreadsPage() {
  const { id = '' } = useParams();
  const { t } = useGroupLabels();
  return (
    <GroupShell
      groupId={id}
      heading={(group) => (group ? t('threads.title', { name: group.name }) : t('group.title'))}
    >
      {(group) => <Threads group={group} />}
    </GroupShell>
  );
}

function Threads({ group }: { group: Group }) {
  const { t, instant, person } = useGroupLabels();
  const navigate = useNavigate();
  const changed = useGroupsChanged();
  const { user } = useSession();
  const threads = useThreads(group.id);
  const members = useGroupMembers(group.id);
  const others = (members.data ?? []).filter((m) => m.user.id !== user?.id);
  return (
    <>
      <section aria-labelledby="threads-list-heading" className="stack">
        <Heading level={2} data-size="sm" id="threads-list-heading">
          {t('threads.listHeading')}
        </Heading>
        {threads.isPending && <Loading />}
        {threads.isError && (
          <LoadError error={threads.error} onRetry={() => void threads.refetch()} />
        )}
        {threads.data && threads.data.length === 0 && <Paragraph>{t('threads.none')}</Paragraph>}
        {threads.data && threads.data.length > 0 && (
          <ul className="case-hits" aria-labelledby="threads-list-heading">
            {threads.data.map((thread) => (
              <li key={thread.id} className="case-hit">
                <Heading level={3} data-size="xs">
                  <AppLink to={`/groups/${group.id}/threads/${thread.id}`}>{thread.title}</AppLink>
                </Heading>
                <Paragraph data-size="sm">
                  {t('threads.summary', {
                    posts: t('threads.posts', { count: thread.posts }),
                    by: person(thread.createdBy),
                    last: instant(thread.lastPostAt),
                  })}
                </Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="thread-new-heading" className="stack section">
        <Heading level={2} data-size="sm" id="thread-new-heading">
          {t('threads.newHeading')}
        </Heading>
        {group.canTakePart ? (
          <ThreadForm
            groupId={group.id}
            members={others}
            onSaved={async (thread) => {
              await changed({ thread });
              await navigate(`/groups/${group.id}/threads/${thread.id}`, {
                state: flashState('groupsFlash.threadStarted'),
              });
            }}
          />
        ) : (
          <Paragraph>{t('threads.membersOnly')}</Paragraph>
        )}
      </section>
    </>
  );
}
