import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingsCalendar, PRODUCT_ID, type CalendarMeeting } from './ics.ts';

const group = {
  id: 'a1f5d7c2-3b4e-4f60-8a71-9c2d3e4f5a6b',
  name: 'Digital twins, cities; Europe\\Asia',
  url: 'https://connective.example/groups/digital-twins',
};
const now = new Date('2026-11-27T10:15:30.250Z');

function meeting(overrides: Partial<CalendarMeeting> = {}): CalendarMeeting {
  return {
    id: '5e0c6a9b-1d2f-4e3a-8b7c-6d5e4f3a2b1c',
    title: 'Kick-off',
    description: 'Agenda to follow.',
    startsAt: new Date('2026-12-03T08:30:00Z'),
    endsAt: new Date('2026-12-03T10:00:00Z'),
    timeZone: 'Europe/Brussels',
    location: 'Rue de la Loi 200, Brussels',
    onlineUrl: null,
    url: 'https://connective.example/groups/digital-twins/meetings/1',
    updatedAt: new Date('2026-11-20T12:00:00Z'),
    cancelled: false,
    ...overrides,
  };
}

/** Parses the feed with ical.js, an independent implementation of RFC 5545. */
function parse(ics: string): { calendar: ICAL.Component; events: ICAL.Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function value(component: ICAL.Component, name: string): unknown {
  return component.getFirstPropertyValue(name);
}

function instant(component: ICAL.Component, name: string): Date {
  const time = value(component, name);
  expect(time).toBeInstanceOf(ICAL.Time);
  expect((time as ICAL.Time).zone?.tzid).toBe('UTC');
  return (time as ICAL.Time).toJSDate();
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('meetingsCalendar', () => {
  it('describes the calendar: version, product, method and the group name', () => {
    const { calendar } = parse(meetingsCalendar(group, [], now));
    expect(calendar.name).toBe('vcalendar');
    expect(value(calendar, 'version')).toBe('2.0');
    expect(value(calendar, 'prodid')).toBe(PRODUCT_ID);
    expect(value(calendar, 'prodid')).toBe('-//Connective//Working groups//EN');
    expect(value(calendar, 'method')).toBe('PUBLISH');
    // ical.js does not know these two, so it leaves them raw; they are TEXT (RFC 5545 §3.8.8.2,
    // RFC 7986 §5.1), decoded here with ical.js's own TEXT decoder.
    const decodeText = (raw: unknown): string => ICAL.design.icalendar.value.text.fromICAL(raw);
    expect(decodeText(value(calendar, 'x-wr-calname'))).toBe(group.name);
    expect(decodeText(value(calendar, 'name'))).toBe(group.name);
    expect(value(calendar, 'url')).toBe(group.url);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('writes every field of every meeting so that it parses back the same', () => {
    const first = meeting();
    const second = meeting({
      id: '9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
      title: 'Pilot review',
      description: '',
      startsAt: new Date('2027-01-15T14:00:00Z'),
      endsAt: new Date('2027-01-15T15:30:00Z'),
      location: null,
      onlineUrl: 'https://meet.example/abc-def?pwd=1,2;3',
      updatedAt: new Date('2027-01-02T09:08:07.654Z'),
    });
    const { events } = parse(meetingsCalendar(group, [first, second], now));
    expect(events).toHaveLength(2);
    const [a, b] = events as [ICAL.Component, ICAL.Component];

    expect(value(a, 'uid')).toBe(first.id);
    expect(instant(a, 'dtstamp')).toEqual(new Date('2026-11-27T10:15:30Z'));
    expect(instant(a, 'dtstart')).toEqual(first.startsAt);
    expect(instant(a, 'dtend')).toEqual(first.endsAt);
    expect(value(a, 'summary')).toBe('Kick-off');
    expect(value(a, 'description')).toBe('Agenda to follow.');
    expect(value(a, 'location')).toBe('Rue de la Loi 200, Brussels');
    expect(value(a, 'url')).toBe(first.url);
    expect(value(a, 'status')).toBe('CONFIRMED');
    expect(a.getFirstProperty('conference')).toBeNull();
    expect(instant(a, 'last-modified')).toEqual(first.updatedAt);

    expect(value(b, 'uid')).toBe(second.id);
    expect(instant(b, 'dtstart')).toEqual(second.startsAt);
    expect(instant(b, 'dtend')).toEqual(second.endsAt);
    expect(value(b, 'summary')).toBe('Pilot review');
    expect(b.getFirstProperty('description')).toBeNull();
    // Online only: the link is the location, and the conference.
    expect(value(b, 'location')).toBe(second.onlineUrl);
    expect(value(b, 'conference')).toBe(second.onlineUrl);
    expect(b.getFirstProperty('conference')!.getParameter('feature')).toBe('VIDEO');
    expect(instant(b, 'last-modified')).toEqual(new Date('2027-01-02T09:08:07Z'));

    // SEQUENCE grows with the last change.
    expect(value(a, 'sequence')).toBeGreaterThan(0);
    expect(value(b, 'sequence')).toBeGreaterThan(value(a, 'sequence') as number);
  });

  it('round-trips commas, semicolons, backslashes, line breaks and non-ASCII text', () => {
    const title = 'Réunion; budget, plan\\nnext\nΣύνοδος, 会议 🇪🇺';
    const description = 'Line one\r\nLine two; a, b\rLine three \\ end\n';
    const location = 'Salle 3; bâtiment B, 2e étage';
    const { events } = parse(
      meetingsCalendar(group, [meeting({ title, description, location })], now),
    );
    const event = events[0]!;
    expect(value(event, 'summary')).toBe(title);
    // Every kind of line break becomes \n.
    expect(value(event, 'description')).toBe('Line one\nLine two; a, b\nLine three \\ end\n');
    expect(value(event, 'location')).toBe(location);
  });

  it('escapes text exactly as RFC 5545 says', () => {
    const ics = meetingsCalendar(group, [meeting({ title: 'a;b,c\\d\ne' })], now);
    expect(ics).toContain('\r\nSUMMARY:a\\;b\\,c\\\\d\\ne\r\n');
    expect(ics).toContain('\r\nX-WR-CALNAME:Digital twins\\, cities\\; Europe\\\\Asia\r\n');
  });

  it('drops control characters that would break or corrupt a line', () => {
    const { events } = parse(
      meetingsCalendar(
        group,
        [
          meeting({
            title: 'a\u0000b\u0007c\u001bd',
            url: 'https://e.example/x\r\nSTATUS:CANCELLED',
          }),
        ],
        now,
      ),
    );
    expect(value(events[0]!, 'summary')).toBe('abcd');
    expect(value(events[0]!, 'status')).toBe('CONFIRMED');
  });

  it('folds long lines at 75 octets without splitting a character, and ends lines in CRLF', () => {
    const description = `${'Long agenda item, with details; '.repeat(40)}\n${'é€😀あ'.repeat(120)}`;
    const title = 'Ü'.repeat(100);
    const ics = meetingsCalendar(group, [meeting({ title, description })], now);

    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(octets(line)).toBeLessThanOrEqual(75);
      // No broken character: the line is well-formed UTF-16 (and so encodes to valid UTF-8).
      expect(line).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    }
    const continuations = lines.filter((line) => line.startsWith(' '));
    expect(continuations.length).toBeGreaterThan(20);
    // Lines are filled: a folded line is cut only where the next character would not fit.
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (next?.startsWith(' ')) {
        const [nextChar] = next.slice(1);
        expect(octets(line) + octets(nextChar!)).toBeGreaterThan(75);
      }
    });

    const { events } = parse(ics);
    expect(value(events[0]!, 'summary')).toBe(title);
    expect(value(events[0]!, 'description')).toBe(description);
  });

  it('marks a cancelled meeting as CANCELLED and keeps it in the feed', () => {
    const updatedAt = new Date('2026-11-26T08:00:00Z');
    const before = parse(meetingsCalendar(group, [meeting()], now)).events[0]!;
    const after = parse(meetingsCalendar(group, [meeting({ cancelled: true, updatedAt })], now))
      .events[0]!;
    expect(value(after, 'status')).toBe('CANCELLED');
    expect(value(after, 'uid')).toBe(value(before, 'uid'));
    expect(value(after, 'sequence')).toBeGreaterThan(value(before, 'sequence') as number);
  });

  it('adds the online link to the description when there is also a place', () => {
    const onlineUrl = 'https://meet.example/room';
    const { events } = parse(meetingsCalendar(group, [meeting({ onlineUrl })], now));
    const event = events[0]!;
    expect(value(event, 'location')).toBe('Rue de la Loi 200, Brussels');
    expect(value(event, 'conference')).toBe(onlineUrl);
    expect(value(event, 'description')).toBe(`Agenda to follow.\n\nOnline: ${onlineUrl}`);
    const noText = parse(meetingsCalendar(group, [meeting({ onlineUrl, description: '' })], now));
    expect(value(noText.events[0]!, 'description')).toBe(`Online: ${onlineUrl}`);
  });

  it('writes UTC times with a Z and a fixed layout', () => {
    const ics = meetingsCalendar(group, [meeting()], now);
    expect(ics).toMatch(
      /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/Connective\/\/Working groups\/\/EN\r\n/,
    );
    expect(ics).toContain('\r\nDTSTAMP:20261127T101530Z\r\n');
    expect(ics).toContain('\r\nDTSTART:20261203T083000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261203T100000Z\r\n');
    expect(ics).toMatch(/\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n$/);
  });

  it('refuses invalid dates and a meeting that ends before it starts', () => {
    expect(() => meetingsCalendar(group, [meeting({ startsAt: new Date('nope') })], now)).toThrow(
      RangeError,
    );
    expect(() =>
      meetingsCalendar(group, [meeting({ endsAt: new Date('2026-12-03T08:00:00Z') })], now),
    ).toThrow('ends before it starts');
    expect(() => meetingsCalendar(group, [], new Date(NaN))).toThrow(RangeError);
  });
});
