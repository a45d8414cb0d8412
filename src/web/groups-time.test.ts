import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  formatTimeRange,
  isTimeZone,
  isoToZonedTime,
  localTimeFromNow,
  timeZoneChoices,
  zoneOffsetMinutes,
  zonedTimeToIso,
} from './groups-time.ts';

describe('zonedTimeToIso', () => {
  it('gives the offset the zone has on that day, in summer and in winter', () => {
    expect(zonedTimeToIso('2026-06-12T09:00', 'America/New_York')).toBe(
      '2026-06-12T09:00:00-04:00',
    );
    expect(zonedTimeToIso('2026-01-12T09:00', 'America/New_York')).toBe(
      '2026-01-12T09:00:00-05:00',
    );
    expect(zonedTimeToIso('2026-07-01T14:30', 'Europe/Amsterdam')).toBe(
      '2026-07-01T14:30:00+02:00',
    );
    expect(zonedTimeToIso('2026-12-01T14:30', 'Europe/Amsterdam')).toBe(
      '2026-12-01T14:30:00+01:00',
    );
    expect(zonedTimeToIso('2026-03-01T08:00', 'UTC')).toBe('2026-03-01T08:00:00+00:00');
  });

  it('handles zones with half-hour offsets and no daylight saving time', () => {
    expect(zonedTimeToIso('2026-06-12T09:00', 'Asia/Kolkata')).toBe('2026-06-12T09:00:00+05:30');
    expect(zonedTimeToIso('2026-06-12T09:00', 'America/St_Johns')).toBe(
      '2026-06-12T09:00:00-02:30',
    );
  });

  it('names the same instant as the zone it was planned in', () => {
    const iso = zonedTimeToIso('2026-06-12T09:00', 'America/New_York')!;
    expect(new Date(iso).toISOString()).toBe('2026-06-12T13:00:00.000Z');
  });

  it('moves a time that does not exist (clocks go forward) forward by the gap', () => {
    // Europe: 29 March 2026, 02:00 becomes 03:00.
    expect(zonedTimeToIso('2026-03-29T02:30', 'Europe/Amsterdam')).toBe(
      '2026-03-29T03:30:00+02:00',
    );
    expect(zonedTimeToIso('2026-03-29T01:59', 'Europe/Amsterdam')).toBe(
      '2026-03-29T01:59:00+01:00',
    );
    expect(zonedTimeToIso('2026-03-29T03:00', 'Europe/Amsterdam')).toBe(
      '2026-03-29T03:00:00+02:00',
    );
    // United States: 8 March 2026, 02:00 becomes 03:00.
    expect(zonedTimeToIso('2026-03-08T02:15', 'America/New_York')).toBe(
      '2026-03-08T03:15:00-04:00',
    );
  });

  it('takes the first of a time that occurs twice (clocks go back)', () => {
    // Europe: 25 October 2026, 03:00 becomes 02:00 again.
    const first = zonedTimeToIso('2026-10-25T02:30', 'Europe/Amsterdam')!;
    expect(first).toBe('2026-10-25T02:30:00+02:00');
    expect(new Date(first).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToIso('2026-10-25T03:00', 'Europe/Amsterdam')).toBe(
      '2026-10-25T03:00:00+01:00',
    );
    // United States: 1 November 2026, 02:00 becomes 01:00 again.
    expect(zonedTimeToIso('2026-11-01T01:30', 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
  });

  it('is null for a value that is not a date and time, or an unknown zone', () => {
    expect(zonedTimeToIso('', 'UTC')).toBeNull();
    expect(zonedTimeToIso('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedTimeToIso('2026-02-10T24:00', 'UTC')).toBeNull();
    expect(zonedTimeToIso('tomorrow', 'UTC')).toBeNull();
    expect(zonedTimeToIso('2026-02-10T10:00', 'Mars/Olympus_Mons')).toBeNull();
  });
});

describe('isoToZonedTime', () => {
  it('gives the wall-clock time in a zone, for a datetime-local input', () => {
    expect(isoToZonedTime('2026-06-12T13:00:00Z', 'America/New_York')).toBe('2026-06-12T09:00');
    expect(isoToZonedTime('2026-06-12T13:00:00Z', 'Europe/Amsterdam')).toBe('2026-06-12T15:00');
    expect(isoToZonedTime('2026-06-12T23:30:00Z', 'Asia/Tokyo')).toBe('2026-06-13T08:30');
    expect(isoToZonedTime('not a date', 'UTC')).toBe('');
  });

  it('goes back and forth without losing the time', () => {
    for (const local of ['2026-10-25T02:30', '2026-01-01T00:00', '2026-07-31T23:59']) {
      const iso = zonedTimeToIso(local, 'Europe/Amsterdam')!;
      expect(isoToZonedTime(iso, 'Europe/Amsterdam')).toBe(local);
    }
  });
});

describe('zones', () => {
  it('knows offsets and names', () => {
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Amsterdam')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('lists the zones to choose from, sorted, with UTC and the zones asked for', () => {
    const zones = timeZoneChoices(['Europe/Amsterdam', 'Not/A_Zone']);
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Amsterdam');
    expect(zones).not.toContain('Not/A_Zone');
    expect(zones).toEqual([...zones].sort((a, b) => a.localeCompare(b, 'en')));
    expect(new Set(zones).size).toBe(zones.length);
  });
});

describe('formatting', () => {
  it('writes a meeting in the zone given', () => {
    const range = formatTimeRange(
      '2026-06-12T13:00:00Z',
      '2026-06-12T14:30:00Z',
      'en-GB',
      'Europe/Amsterdam',
    );
    expect(range).toContain('15:00');
    expect(range).toContain('16:30');
    expect(range).toContain('12 June 2026');
    expect(formatInstant('2026-06-12T13:00:00Z', 'nl', 'America/New_York')).toContain('09:00');
  });

  it('starts a form an hour-rounded number of days ahead', () => {
    expect(localTimeFromNow(new Date('2026-06-01T10:20:00Z'), 7, 'UTC')).toBe('2026-06-08T10:00');
    expect(localTimeFromNow(new Date('2026-06-01T10:20:00Z'), 1, 'Europe/Amsterdam')).toBe(
      '2026-06-02T12:00',
    );
  });
});
