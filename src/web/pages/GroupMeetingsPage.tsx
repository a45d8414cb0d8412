import { useNavigate, useParams } from 'react-router';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Group, Meeting } from '../../shared/groups.ts';
import { AppLink } from '../components/AppLink.tsx';
import { CalendarLink } from '../components/groups/CalendarLink.tsx';
import { useGroupsChanged, useMeetings } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { MeetingForm } from '../components/groups/MeetingForm.tsx';
import { MeetingTime } from '../components/groups/MeetingTime.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { flashState } from '../flash.ts';

/**
 * A working group's meetings, coming ones first (in the viewer's time zone), the calendar feed,
 * and for conveners a form to plan a meeting with its agenda.
 */
export function GroupMeetingsPage() {
  const { id = '' } = useParams();
  const { t } = useGroupLabels();
  return (
    <GroupShell
      groupId={id}
      heading={(group) => (group ? t('meetings.title', { name: group.name }) : t('group.title'))}
    >
      {(group) => <Meetings group={group} />}
    </GroupShell>
  );
}

function Meetings({ group }: { group: Group }) {
  const { t } = useGroupLabels();
  const navigate = useNavigate();
  const changed = useGroupsChanged();
  const meetings = useMeetings(group.id);
  const now = Date.now();
  const all = meetings.data ?? [];
  const coming = all
    .filter((m) => new Date(m.endsAt).getTime() >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = all.filter((m) => new Date(m.endsAt).getTime() < now);
  return (
    <>
      {meetings.isPending && <Loading />}
      {meetings.isError && (
        <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} />
      )}
      {meetings.data && (
        <>
          <MeetingList
            id="meetings-coming-heading"
            heading={t('meetings.coming')}
            empty={t('meetings.noneComing')}
            group={group}
            meetings={coming}
          />
          <MeetingList
            id="meetings-past-heading"
            heading={t('meetings.past')}
            empty={t('meetings.nonePast')}
            group={group}
            meetings={past}
          />
        </>
      )}
      <CalendarLink group={group} />
      {group.canManage && (
        <section aria-labelledby="meeting-new-heading" className="stack section">
          <Heading level={2} data-size="sm" id="meeting-new-heading">
            {t('meetings.newHeading')}
          </Heading>
          <MeetingForm
            groupId={group.id}
            onSaved={async (meeting) => {
              await changed({ meeting });
              await navigate(`/groups/${group.id}/meetings/${meeting.id}`, {
                state: flashState('groupsFlash.meetingPlanned'),
              });
            }}
          />
        </section>
      )}
    </>
  );
}

function MeetingList({
  id,
  heading,
  empty,
  group,
  meetings,
}: {
  id: string;
  heading: string;
  empty: string;
  group: Group;
  meetings: Meeting[];
}) {
  const { t } = useGroupLabels();
  return (
    <section aria-labelledby={id} className="stack section">
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {meetings.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ul className="case-hits" aria-labelledby={id}>
          {meetings.map((m) => (
            <li key={m.id} className="case-hit">
              <Heading level={3} data-size="xs">
                <AppLink to={`/groups/${group.id}/meetings/${m.id}`}>{m.title}</AppLink>
              </Heading>
              {m.cancelled && (
                <div>
                  <Tag data-color="danger" data-size="sm">
                    {t('meetings.cancelledTag')}
                  </Tag>
                </div>
              )}
              <Paragraph data-size="sm">
                <MeetingTime meeting={m} />
              </Paragraph>
              {(m.location || m.onlineUrl) && (
                <Paragraph data-size="sm">
                  {[m.location, m.onlineUrl ? t('meetings.online') : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
