/**
 * The iCalendar feed of a working group's meetings (RFC 5545, with the calendar name and
 * conference properties of RFC 7986), for people to subscribe to in their own calendar.
 *
 * Written by hand rather than with the npm `ics` package: `ics` folds lines at 75 characters,
 * not 75 octets (RFC 5545 §3.1), so a line of accented or non-Latin text comes out too long.
 * The format needed here is small: text escaping (§3.3.11), CRLF line ends and folding.
 *
 * Times are written in UTC (`DTSTART:20261127T090000Z`), which every client shows in its own time
 * zone; the meeting's IANA zone is not needed for one-off events (it would be for recurrence).
 */

export interface CalendarGroup {
  readonly id: string;
  readonly name: string;
  /** The group's page. */
  readonly url: string;
}

export interface CalendarMeeting {
  /** Stable and globally unique (a UUID): it is the event's UID. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** IANA zone the meeting was planned in, e.g. Europe/Brussels (not needed in UTC output). */
  readonly timeZone: string;
  /** Where people meet in person, if they do. */
  readonly location: string | null;
  /** Where people join online, if they can. */
  readonly onlineUrl: string | null;
  /** The meeting's page. */
  readonly url: string;
  readonly updatedAt: Date;
  readonly cancelled: boolean;
}

export const PRODUCT_ID = '-//Connective//Working groups//EN';

/** SEQUENCE counts seconds from here: it must grow with each change (RFC 5545 §3.8.7.4). */
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

const MAX_LINE_OCTETS = 75;

/**
 * The calendar of a group's meetings as an iCalendar document (CRLF line ends, lines folded at
 * 75 octets). Each meeting is a VEVENT with its id as UID, `now` as DTSTAMP, SUMMARY,
 * DESCRIPTION, LOCATION (the place, or the online link when there is no place), URL (the
 * meeting's page), CONFERENCE (the online link), STATUS (CONFIRMED or CANCELLED) and SEQUENCE
 * (seconds from 2024 to the last change, so it grows with every change). When a meeting has both
 * a place and an online link, the link is also added to the description, for clients that do
 * not show CONFERENCE. Throws a RangeError for an invalid date or a meeting that ends before it
 * starts.
 *
 * @example
 * meetingsCalendar({ id: 'g1', name: 'Digital twins', url: 'https://connective.example/groups/g1' },
 *   meetings, new Date());
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Connective//Working groups//EN\r\n…'
 */
export function meetingsCalendar(
  group: CalendarGroup,
  meetings: readonly CalendarMeeting[],
  now: Date,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${text(group.name)}`,
    `X-WR-CALNAME:${text(group.name)}`,
    `URL:${uri(group.url)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const stamp = utc(now, 'now');
  for (const meeting of meetings) {
    const what = `meeting ${meeting.id}`;
    const start = utc(meeting.startsAt, `${what}: startsAt`);
    const end = utc(meeting.endsAt, `${what}: endsAt`);
    if (meeting.endsAt.getTime() < meeting.startsAt.getTime())
      throw new RangeError(`${what} ends before it starts`);
    let description = meeting.description;
    if (meeting.location !== null && meeting.onlineUrl !== null) {
      const online = `Online: ${meeting.onlineUrl}`;
      description = description === '' ? online : `${description}\n\n${online}`;
    }
    const place = meeting.location ?? meeting.onlineUrl;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(meeting.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${start}`,
      `DTEND:${end}`,
      `SUMMARY:${text(meeting.title)}`,
    );
    if (description !== '') lines.push(`DESCRIPTION:${text(description)}`);
    if (place !== null) lines.push(`LOCATION:${text(place)}`);
    lines.push(`URL:${uri(meeting.url)}`);
    if (meeting.onlineUrl !== null)
      lines.push(`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${uri(meeting.onlineUrl)}`);
    lines.push(
      `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `SEQUENCE:${sequence(meeting.updatedAt, what)}`,
      `LAST-MODIFIED:${utc(meeting.updatedAt, `${what}: updatedAt`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every kind of line
 * break as `\n`, and other control characters (which TEXT may not hold) dropped.
 */
function text(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/** A URI value: not escaped (§3.3.13), but it must not break the line. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

/** A UTC DATE-TIME (§3.3.5, form 2), e.g. 20261127T090000Z. */
function utc(date: Date, what: string): string {
  const time = date.getTime();
  if (!Number.isFinite(time) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999)
    throw new RangeError(`${what} is not a valid date`);
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function sequence(updatedAt: Date, what: string): number {
  const time = updatedAt.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`${what}: updatedAt is not a valid date`);
  return Math.max(0, Math.floor((time - SEQUENCE_EPOCH) / 1000));
}

const encoder = new TextEncoder();

/**
 * Folds a content line into lines of at most 75 octets (§3.1): each continuation line starts
 * with a space, and a line is only broken between characters, never inside a UTF-8 sequence.
 */
function fold(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
