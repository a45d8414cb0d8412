/**
 * Times of working-group meetings and decisions: a wall-clock time in a named IANA zone (what a
 * `datetime-local` input and a zone select give) turned into an ISO 8601 instant with its offset,
 * and instants shown back in the viewer's own zone. Only `Intl` is used, so every zone the
 * browser knows works, with its daylight-saving rules.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timeZone`, as if they were UTC (milliseconds). */
function wallClock(instant: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
}

/**
 * The offset of `timeZone` from UTC at `instant`, in minutes (east of Greenwich is positive).
 *
 * @example
 * zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Amsterdam'); // 120
 * zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'America/New_York'); // -300
 */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  // Whole seconds: the wall clock has no milliseconds.
  const at = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClock(at, timeZone) - at) / MINUTE);
}

/** True when the runtime knows `timeZone` (an IANA name such as Europe/Brussels). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function isoWithOffset(instant: number, offset: number): string {
  const wall = new Date(instant + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/**
 * A wall-clock time (`YYYY-MM-DDTHH:mm`, as a `datetime-local` input gives it) in `timeZone`, as
 * an ISO 8601 string with that zone's offset at that moment; null for a value that is not a
 * date and time or a zone the runtime does not know.
 *
 * Around daylight saving time it does what calendars do (and what Temporal calls "compatible"):
 * a time that occurs twice, when the clocks go back, is the first of the two; a time that does
 * not exist, when the clocks go forward, is moved forward by the length of the gap.
 *
 * @example
 * zonedTimeToIso('2026-06-12T09:00', 'America/New_York'); // '2026-06-12T09:00:00-04:00'
 * zonedTimeToIso('2026-03-29T02:30', 'Europe/Amsterdam'); // '2026-03-29T03:30:00+02:00' (gap)
 * zonedTimeToIso('2026-10-25T02:30', 'Europe/Amsterdam'); // '2026-10-25T02:30:00+02:00' (twice)
 */
export function zonedTimeToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  // No 30 February, no 24:00.
  if (
    year < 1 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return null;
  // The offsets in force a day before and a day after: the instant uses one of them.
  const before = zoneOffsetMinutes(new Date(wall - DAY), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + DAY), timeZone);
  const fits = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => zoneOffsetMinutes(new Date(instant), timeZone) * MINUTE === wall - instant)
    .sort((a, b) => a - b);
  // In a gap no offset fits: the offset from before the change moves the time forward.
  const instant = fits[0] ?? wall - before * MINUTE;
  return isoWithOffset(instant, zoneOffsetMinutes(new Date(instant), timeZone));
}

/**
 * An instant as the wall-clock time in `timeZone`, in the form a `datetime-local` input takes
 * (`YYYY-MM-DDTHH:mm`); '' for a value that is not a date.
 *
 * @example
 * isoToZonedTime('2026-06-12T13:00:00Z', 'America/New_York'); // '2026-06-12T09:00'
 */
export function isoToZonedTime(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return '';
  return isoWithOffset(instant, zoneOffsetMinutes(new Date(instant), timeZone)).slice(0, 16);
}

/** The viewer's own time zone, as the browser reports it (UTC when it says nothing). */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/**
 * The time zones to choose from, sorted, with `include` (the browser's zone, the zone a meeting
 * was planned in) added when the runtime's list lacks them (it may leave out UTC or aliases).
 */
export function timeZoneChoices(include: readonly string[] = []): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set([...known, 'UTC', ...include.filter(isTimeZone)]);
  return [...all].sort((a, b) => a.localeCompare(b, 'en'));
}

/**
 * From `start` to `end` in the language and zone given, as one range ("Friday 12 June 2026,
 * 15:00–16:30"); the zone's name is for the caller to say.
 */
export function formatTimeRange(
  start: string,
  end: string,
  lang: string,
  timeZone: string,
): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  const format = new Intl.DateTimeFormat(lang, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  });
  return format.formatRange(from, to);
}

/** One instant in the language and zone given ("12 June 2026, 15:00"). */
export function formatInstant(iso: string, lang: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    at,
  );
}

/**
 * The local time `days` from `now` in `timeZone`, rounded to the hour, for a form's first value.
 *
 * @example
 * localTimeFromNow(new Date('2026-06-01T10:20:00Z'), 7, 'UTC'); // '2026-06-08T10:00'
 */
export function localTimeFromNow(now: Date, days: number, timeZone: string): string {
  const later = new Date(now.getTime() + days * DAY);
  return `${isoToZonedTime(later.toISOString(), timeZone).slice(0, 13)}:00`;
}
