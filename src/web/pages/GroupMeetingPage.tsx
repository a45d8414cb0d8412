import { useParams } from 'react-router';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Group, Meeting } from '../../shared/groups.ts';
import { AppLink } from '../components/AppLink.tsx';
import { EditDetails } from '../components/EditDetails.tsx';
import { CalendarLink } from '../components/groups/CalendarLink.tsx';
import { useGroupMembers, useGroupsChanged, useMeeting } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { MeetingForm } from '../components/groups/MeetingForm.tsx';
import {
  ActionsSection,
  AgendaSection,
  CancelMeeting,
  MinutesSection,
  RsvpSection,
} from '../components/groups/MeetingSections.tsx';
import { MeetingTime } from '../components/groups/MeetingTime.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { safeHttpUrl } from '../format.ts';
import { useSession } from '../session.ts';

/**
 * A meeting: when (in my time zone, and in the one it was planned in), where or the online link,
 * the agenda, who comes (members answer), the minutes and the action items; conveners change,
 * cancel and minute it.
 */
export function GroupMeetingPage() {
  const { id = '', meetingId = '' } = useParams();
  const { t } = useGroupLabels();
  const meeting = useMeeting(meetingId);
  const found = meeting.data?.groupId === id ? meeting.data : undefined;
  return (
    <GroupShell groupId={id} heading={() => found?.title ?? t('meetings.meetingTitle')}>
      {(group) => (
        <>
          <Paragraph>
            <AppLink to={`/groups/${group.id}/meetings`}>{t('meetings.back')}</AppLink>
          </Paragraph>
          {found || !meeting.data ? (
            <HavensLoadState query={meeting} notFound={t('meetings.notFound')} />
          ) : (
            // Asked for under another group's address: it is not this group's.
            <Alert data-color="warning">
              <Paragraph>{t('meetings.notFound')}</Paragraph>
            </Alert>
          )}
          {found && <MeetingContent key={found.id} group={group} meeting={found} />}
        </>
      )}
    </GroupShell>
  );
}

function MeetingContent({ group, meeting }: { group: Group; meeting: Meeting }) {
  const { t } = useGroupLabels();
  const { user } = useSession();
  const changed = useGroupsChanged();
  const members = useGroupMembers(group.id);
  const onChanged = (updated: Meeting) => changed({ meeting: updated });
  const online = safeHttpUrl(meeting.onlineUrl);
  return (
    <>
      {meeting.cancelled && (
        <Alert data-color="warning">
          <Paragraph>{t('meetings.cancelledNotice')}</Paragraph>
        </Alert>
      )}
      <dl className="details-list">
        <dt>{t('meetings.when')}</dt>
        <dd>
          <MeetingTime meeting={meeting} />
        </dd>
        <dt>{t('meetings.location')}</dt>
        <dd>{meeting.location ?? <NotSet />}</dd>
        <dt>{t('meetings.onlineUrl')}</dt>
        <dd>
          {online ? (
            <Link href={online} rel="noopener noreferrer">
              {online}
            </Link>
          ) : (
            <NotSet />
          )}
        </dd>
      </dl>
      {meeting.description && (
        <section aria-labelledby="meeting-description-heading" className="stack">
          <Heading level={2} data-size="sm" id="meeting-description-heading">
            {t('meetings.description')}
          </Heading>
          <Paragraph className="prose">{meeting.description}</Paragraph>
        </section>
      )}
      <AgendaSection meeting={meeting} onChanged={onChanged} />
      <RsvpSection meeting={meeting} canAnswer={group.canTakePart} onChanged={onChanged} />
      <MinutesSection meeting={meeting} onChanged={onChanged} />
      <ActionsSection
        meeting={meeting}
        members={members.data ?? []}
        myId={user?.id ?? null}
        onChanged={onChanged}
      />
      <CalendarLink group={group} />
      {meeting.canManage && (
        <section aria-labelledby="meeting-manage-heading" className="stack section">
          <Heading level={2} data-size="sm" id="meeting-manage-heading">
            {t('manageMeeting.heading')}
          </Heading>
          <EditDetails<Meeting>
            summary={t('manageMeeting.edit')}
            changed={onChanged}
            form={(onSaved) => (
              <MeetingForm groupId={group.id} meeting={meeting} onSaved={onSaved} />
            )}
          />
          <CancelMeeting meeting={meeting} onChanged={onChanged} />
        </section>
      )}
    </>
  );
}
