import type { Meeting } from '../../../shared/groups.ts';
import { formatTimeRange } from '../../groups-time.ts';
import { useGroupLabels } from './groups-labels.ts';

/**
 * When a meeting is, in the viewer's own time zone (named), and in the zone it was planned in
 * when that is another one.
 */
export function MeetingTime({ meeting }: { meeting: Meeting }) {
  const { t, lang, zone } = useGroupLabels();
  return (
    <>
      <span className="meeting-time">
        {t('meetings.timeInZone', {
          time: formatTimeRange(meeting.startsAt, meeting.endsAt, lang, zone),
          zone,
        })}
      </span>
      {meeting.timeZone !== zone && (
        <span className="cell-note">
          {t('meetings.plannedIn', {
            time: formatTimeRange(meeting.startsAt, meeting.endsAt, lang, meeting.timeZone),
            zone: meeting.timeZone,
          })}
        </span>
      )}
    </>
  );
}
