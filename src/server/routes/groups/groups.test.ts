import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  makeApp,
  rowCounts,
  setPlatformRole,
  signUp,
  succeed,
  type Agent,
  type TestApp,
} from '../../../../test/helpers.ts';
import type {
  Decision,
  Group,
  GroupMember,
  GroupProfile,
  LibraryItem,
  Meeting,
  Thread,
} from '../../../shared/groups.ts';
import type { NotificationList } from '../../../shared/notifications.ts';

let t: TestApp;
let convener: Agent; // a ministry official in the Netherlands
let professor: Agent; // an academic in Belgium
let official: Agent; // a policy maker in Estonia
let stranger: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await makeApp();
  convener = await signUp(t.app, { name: 'Connie Convener' });
  professor = await signUp(t.app, { name: 'Pieter Professor' });
  official = await signUp(t.app, { name: 'Olga Official' });
  stranger = await signUp(t.app, { name: 'Sam Stranger' });
  admin = await signUp(t.app, { name: 'Ada Admin' });
  await setPlatformRole(t.database, admin.id, 'admin');
});
afterAll(async () => {
  await t.close();
});

const call: ReturnType<typeof caller> = (...args) => caller(t.app)(...args);
const ok = <T>(...args: Parameters<typeof call>) => succeed<T>(t.app, ...args);

async function groupWith(visibility: 'public' | 'private', name = `Group ${Math.random()}`) {
  const g = await ok<Group>(convener, 'POST', '/api/groups', {
    name,
    purpose: 'Innovation in the public sector across borders.',
    visibility,
    affiliation: 'policy',
    country: 'NL',
  });
  // The professor joins by invitation, the official by request (public) or invitation (private).
  await ok(convener, 'POST', `/api/groups/${g.id}/invitations`, { email: professor.email });
  const inv = await ok<{ items: { id: string; group: { id: string } }[] }>(
    professor,
    'GET',
    '/api/me/group-invitations',
  );
  const mine = inv.items.find((i) => i.group.id === g.id)!;
  await ok(professor, 'POST', `/api/me/group-invitations/${mine.id}`, {
    accept: true,
    affiliation: 'academia',
    country: 'BE',
  });
  return g;
}

const inbox = async (who: Agent) =>
  (await ok<NotificationList>(who, 'GET', '/api/me/notifications')).items;

describe('groups and members', () => {
  it('refuses bad input with the field and stores nothing', async () => {
    const before = await rowCounts(t.database);
    for (const [body, field] of [
      [{ name: 'No', visibility: 'public', affiliation: 'policy', country: 'NL' }, 'name'],
      [
        { name: 'A group', visibility: 'secret', affiliation: 'policy', country: 'NL' },
        'visibility',
      ],
      [
        { name: 'A group', visibility: 'public', affiliation: 'wizardry', country: 'NL' },
        'affiliation',
      ],
      [{ name: 'A group', visibility: 'public', affiliation: 'policy', country: 'XX' }, 'country'],
    ] as const) {
      const res = await call(convener, 'POST', '/api/groups', body);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('keeps a private group invisible to everyone outside it, admins included', async () => {
    const g = await groupWith('private', 'Secret digital twins group');
    for (const who of [null, stranger, admin]) {
      for (const url of [
        `/api/groups/${g.id}`,
        `/api/groups/${g.id}/members`,
        `/api/groups/${g.id}/threads`,
        `/api/groups/${g.id}/decisions`,
        `/api/groups/${g.id}/meetings`,
        `/api/groups/${g.id}/library`,
        `/api/groups/${g.id}/profile`,
        `/api/groups/${g.id}/calendar.ics`,
      ])
        expect((await call(who, 'GET', url)).statusCode, url).toBe(404);
      const list = await call(who, 'GET', '/api/groups');
      expect(list.body).not.toContain('Secret digital twins group');
    }
    const seen = await ok<Group>(professor, 'GET', `/api/groups/${g.id}`);
    expect(seen).toMatchObject({ myRole: 'member', members: 2, countries: 2, canManage: false });
  });

  it('takes members by request and by invitation, and keeps its last convener', async () => {
    const g = await groupWith('public');
    await ok(official, 'POST', `/api/groups/${g.id}/join-requests`, {
      affiliation: 'policy',
      country: 'EE',
      message: 'I lead the digital state programme.',
    });
    expect(
      (
        await call(official, 'POST', `/api/groups/${g.id}/join-requests`, {
          affiliation: 'policy',
          country: 'EE',
        })
      ).statusCode,
    ).toBe(409);
    expect((await inbox(convener)).some((n) => n.text.includes('Olga Official asks to join'))).toBe(
      true,
    );
    expect((await call(professor, 'GET', `/api/groups/${g.id}/join-requests`)).statusCode).toBe(
      403,
    );
    const requests = await ok<{ items: { id: string }[] }>(
      convener,
      'GET',
      `/api/groups/${g.id}/join-requests`,
    );
    await ok(convener, 'POST', `/api/groups/${g.id}/join-requests/${requests.items[0]!.id}`, {
      accept: true,
    });
    const members = await ok<{ items: GroupMember[] }>(null, 'GET', `/api/groups/${g.id}/members`);
    expect(members.items.map((m) => [m.user.name, m.role, m.affiliation, m.country])).toEqual([
      ['Connie Convener', 'convener', 'policy', 'NL'],
      ['Olga Official', 'member', 'policy', 'EE'],
      ['Pieter Professor', 'member', 'academia', 'BE'],
    ]);
    const leave = await call(convener, 'DELETE', `/api/groups/${g.id}/members/${convener.id}`);
    expect(leave.statusCode).toBe(409);
    await ok(convener, 'PATCH', `/api/groups/${g.id}/members/${professor.id}`, {
      role: 'convener',
    });
    await ok(convener, 'DELETE', `/api/groups/${g.id}/members/${convener.id}`);
    expect((await ok<Group>(convener, 'GET', `/api/groups/${g.id}`)).myRole).toBeNull();
    expect(
      (await call(official, 'PATCH', `/api/groups/${g.id}`, { name: 'Taken over' })).statusCode,
    ).toBe(403);
  });

  it('hands a group whose only convener erases their account to its longest-standing member', async () => {
    const leaving = await signUp(t.app, { name: 'Lea Leaving' });
    const g = await ok<Group>(leaving, 'POST', '/api/groups', {
      name: 'A group about to lose its convener',
      visibility: 'private',
      affiliation: 'academia',
      country: 'DE',
    });
    await ok(leaving, 'POST', `/api/groups/${g.id}/invitations`, { email: official.email });
    await ok(leaving, 'POST', `/api/groups/${g.id}/invitations`, { email: 'nobody@example.org' });
    const inv = await ok<{ items: { id: string; group: { id: string } }[] }>(
      official,
      'GET',
      '/api/me/group-invitations',
    );
    await ok(
      official,
      'POST',
      `/api/me/group-invitations/${inv.items.find((i) => i.group.id === g.id)!.id}`,
      {
        accept: true,
        affiliation: 'policy',
        country: 'EE',
      },
    );
    await ok(leaving, 'POST', '/api/me/delete', { password: leaving.password });
    const members = await ok<{ items: GroupMember[] }>(
      official,
      'GET',
      `/api/groups/${g.id}/members`,
    );
    expect(members.items.map((m) => [m.user.name, m.role])).toEqual([
      ['Olga Official', 'convener'],
    ]);
  });

  it('ties the members of a public group in the collaboration network, never of a private one', async () => {
    const [a, b, c] = [
      await signUp(t.app, { name: 'Net A' }),
      await signUp(t.app, { name: 'Net B' }),
      await signUp(t.app, { name: 'Net C' }),
    ];
    const group = async (visibility: 'public' | 'private', members: Agent[]) => {
      const g = await ok<Group>(a, 'POST', '/api/groups', {
        name: `${visibility} network group`,
        visibility,
        affiliation: 'policy',
        country: 'NL',
      });
      for (const m of members) {
        await ok(a, 'POST', `/api/groups/${g.id}/invitations`, { email: m.email });
        const inv = await ok<{ items: { id: string; group: { id: string } }[] }>(
          m,
          'GET',
          '/api/me/group-invitations',
        );
        await ok(
          m,
          'POST',
          `/api/me/group-invitations/${inv.items.find((i) => i.group.id === g.id)!.id}`,
          {
            accept: true,
            affiliation: 'academia',
            country: 'BE',
          },
        );
      }
    };
    await group('public', [b]);
    await group('private', [b, c]);
    for (const who of [null, stranger, admin, a]) {
      const res = await call(who, 'GET', '/api/network?nodes=people&tie=group');
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json() as {
        edges: { source: string; target: string; weight: number; kinds: string[] }[];
      };
      const between = (x: Agent, y: Agent) =>
        view.edges.find(
          (e) => [e.source, e.target].sort().join() === [`u:${x.id}`, `u:${y.id}`].sort().join(),
        );
      // A and B share one public group (the private one does not count); C is in the private one only.
      expect(between(a, b)).toMatchObject({ weight: 1, kinds: ['group'] });
      expect(between(a, c)).toBeUndefined();
      expect(res.body).not.toContain('private network group');
    }
  });

  it('shows the cross-border mix', async () => {
    const g = await groupWith('public');
    const profile = await ok<GroupProfile>(null, 'GET', `/api/groups/${g.id}/profile`);
    expect(profile).toMatchObject({
      members: 2,
      byCountry: [
        { country: 'BE', members: 1 },
        { country: 'NL', members: 1 },
      ],
      policyAcademia: { policy: 1, academia: 1, share: 1 },
    });
  });
});

describe('threads', () => {
  it('renders hostile Markdown safely, notifies mentioned members only, and keeps edit history', async () => {
    const g = await groupWith('public');
    const hostile = [
      '<script>alert(1)</script>',
      '[click](javascript:alert(1))',
      '<img src=x onerror=alert(1)>',
      `Thanks @[Pieter Professor](user:${professor.id}) and @[Sam Stranger](user:${stranger.id})`,
    ].join('\n\n');
    const thread = await ok<Thread>(convener, 'POST', `/api/groups/${g.id}/threads`, {
      title: 'Sandboxes for AI in public services',
      body: hostile,
    });
    const html = thread.items[0]!.html;
    // Raw HTML stays text (escaped); no element, handler or script link gets through.
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="\s*javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('class="mention"');
    expect(
      (await inbox(professor)).some((n) => n.text.includes('mentioned you in “Sandboxes')),
    ).toBe(true);
    // The stranger is not a member: mentioning them tells them nothing about the group.
    expect((await inbox(stranger)).some((n) => n.text.includes('Sandboxes'))).toBe(false);
    expect(
      (await call(stranger, 'POST', `/api/threads/${thread.id}/posts`, { body: 'Hi' })).statusCode,
    ).toBe(403);

    const replied = await ok<Thread>(professor, 'POST', `/api/threads/${thread.id}/posts`, {
      body: 'We evaluated **three** sandboxes.',
      parentId: thread.items[0]!.id,
    });
    const reply = replied.items[1]!;
    expect(reply.html).toContain('<strong>three</strong>');
    expect((await inbox(convener)).some((n) => n.text.includes('Pieter Professor wrote in'))).toBe(
      true,
    );
    expect(
      (await call(convener, 'PATCH', `/api/posts/${reply.id}`, { body: 'Hijacked' })).statusCode,
    ).toBe(403);
    const edited = await ok<Thread>(professor, 'PATCH', `/api/posts/${reply.id}`, {
      body: 'We evaluated **four** sandboxes.',
    });
    expect(edited.items[1]).toMatchObject({
      revisions: 1,
      body: 'We evaluated **four** sandboxes.',
    });
    const history = await ok<{ items: { body: string }[] }>(
      null,
      'GET',
      `/api/posts/${reply.id}/revisions`,
    );
    expect(history.items.map((r) => r.body)).toEqual(['We evaluated **three** sandboxes.']);
  });
});

describe('decisions', () => {
  const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  it('takes one stance per member, changeable until closing, with a reason unless agreeing', async () => {
    const g = await groupWith('public');
    const d = await ok<Decision>(convener, 'POST', `/api/groups/${g.id}/decisions`, {
      kind: 'proposal',
      title: 'Publish a joint paper on sandboxes',
      closesAt: future(),
      resultsVisible: 'after',
    });
    expect(d.groupId).toBe(g.id);
    const bad = await call(professor, 'PUT', `/api/decisions/${d.id}/vote`, { stance: 'block' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('reason');
    await ok(professor, 'PUT', `/api/decisions/${d.id}/vote`, {
      stance: 'block',
      reason: 'Too early.',
    });
    const changed = await ok<Decision>(professor, 'PUT', `/api/decisions/${d.id}/vote`, {
      stance: 'agree',
    });
    expect(changed).toMatchObject({ votes: 1, myVote: { stance: 'agree' }, results: null });
    expect(
      (await call(stranger, 'PUT', `/api/decisions/${d.id}/vote`, { stance: 'agree' })).statusCode,
    ).toBe(403);
    await ok(convener, 'PUT', `/api/decisions/${d.id}/vote`, {
      stance: 'disagree',
      reason: 'Not yet.',
    });
    const closed = await ok<Decision>(convener, 'POST', `/api/decisions/${d.id}/close`);
    expect(closed.results!.stances.map((s) => [s.stance, s.count])).toEqual([
      ['agree', 1],
      ['abstain', 0],
      ['disagree', 1],
      ['block', 0],
    ]);
    expect(closed.results!.stances[2]!.reasons).toEqual([
      { name: 'Connie Convener', reason: 'Not yet.' },
    ]);
    expect(
      (
        await call(professor, 'PUT', `/api/decisions/${d.id}/vote`, {
          stance: 'abstain',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);
    const outcome = await ok<Decision>(convener, 'PUT', `/api/decisions/${d.id}/outcome`, {
      outcome: 'We write the paper after the summer.',
    });
    expect(outcome.outcome).toBe('We write the paper after the summer.');
  });

  it('counts a ranked-choice poll round by round, and refuses a ballot that repeats a choice', async () => {
    const g = await groupWith('public');
    for (const who of [official, admin]) {
      await ok(convener, 'POST', `/api/groups/${g.id}/invitations`, { email: who.email });
      const inv = await ok<{ items: { id: string; group: { id: string } }[] }>(
        who,
        'GET',
        '/api/me/group-invitations',
      );
      await ok(
        who,
        'POST',
        `/api/me/group-invitations/${inv.items.find((i) => i.group.id === g.id)!.id}`,
        {
          accept: true,
          affiliation: 'policy',
          country: 'EE',
        },
      );
    }
    const d = await ok<Decision>(convener, 'POST', `/api/groups/${g.id}/decisions`, {
      kind: 'ranked_choice',
      title: 'Where do we meet in spring?',
      options: [{ label: 'Tallinn' }, { label: 'Leuven' }, { label: 'Utrecht' }],
      closesAt: future(),
      resultsVisible: 'during',
    });
    const [tallinn, leuven, utrecht] = d.options.map((o) => o.id) as [string, string, string];
    const before = await rowCounts(t.database);
    const repeated = await call(official, 'PUT', `/api/decisions/${d.id}/vote`, {
      ranking: [tallinn, leuven, tallinn],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.message).toMatch(/repeat|ranked/i);
    expect(
      (await call(official, 'PUT', `/api/decisions/${d.id}/vote`, { ranking: ['nowhere'] }))
        .statusCode,
    ).toBe(400);
    expect(await rowCounts(t.database)).toEqual(before);
    // Round 1: Leuven 2, Tallinn 1, Utrecht 1, no majority of 4 → of the two last, Utrecht (listed
    // later) goes; round 2: the convener's vote moves to Leuven, 3 of 4.
    await ok(official, 'PUT', `/api/decisions/${d.id}/vote`, { ranking: [tallinn, leuven] });
    await ok(professor, 'PUT', `/api/decisions/${d.id}/vote`, { ranking: [leuven] });
    await ok(admin, 'PUT', `/api/decisions/${d.id}/vote`, { ranking: [leuven, tallinn] });
    const result = await ok<Decision>(convener, 'PUT', `/api/decisions/${d.id}/vote`, {
      ranking: [utrecht, leuven],
    });
    expect(result.results!.rounds.map((r) => r.eliminated)).toEqual([[utrecht], []]);
    expect(result.results!.winner).toBe(leuven);
    expect(result.results!.rounds[1]!.tallies).toEqual([
      { option: leuven, votes: 3 },
      { option: tallinn, votes: 1 },
    ]);
  });
});

describe('meetings', () => {
  it('refuses a meeting that ends before it starts, and serves an iCalendar feed calendars read', async () => {
    const g = await groupWith('private');
    const before = await rowCounts(t.database);
    const bad = await call(convener, 'POST', `/api/groups/${g.id}/meetings`, {
      title: 'Kick-off',
      startsAt: '2027-03-01T10:00:00+01:00',
      endsAt: '2027-03-01T09:00:00+01:00',
      timeZone: 'Europe/Brussels',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('endsAt');
    expect(
      (
        await call(convener, 'POST', `/api/groups/${g.id}/meetings`, {
          title: 'Kick-off',
          startsAt: '2027-03-01T10:00:00Z',
          endsAt: '2027-03-01T11:00:00Z',
          timeZone: 'Mars/Olympus',
        })
      ).statusCode,
    ).toBe(400);
    expect(await rowCounts(t.database)).toEqual(before);
    expect(
      (
        await call(professor, 'POST', `/api/groups/${g.id}/meetings`, {
          title: 'Mine',
          startsAt: '2027-03-01T10:00:00Z',
          endsAt: '2027-03-01T11:00:00Z',
          timeZone: 'UTC',
        })
      ).statusCode,
    ).toBe(403);

    const m = await ok<Meeting>(convener, 'POST', `/api/groups/${g.id}/meetings`, {
      title: 'Kick-off; sandboxes, budgets',
      description: 'Réunion de lancement\nwith the agenda below',
      startsAt: '2027-03-01T10:00:00+01:00',
      endsAt: '2027-03-01T12:30:00+01:00',
      timeZone: 'Europe/Brussels',
      onlineUrl: 'https://meet.example.org/kick-off',
      agenda: [{ title: 'Welcome' }, { title: 'Sandboxes in five countries' }],
    });
    expect(m.agenda.map((a) => [a.position, a.title])).toEqual([
      [1, 'Welcome'],
      [2, 'Sandboxes in five countries'],
    ]);
    const rsvp = await ok<Meeting>(professor, 'PUT', `/api/meetings/${m.id}/rsvp`, {
      answer: 'yes',
    });
    expect(rsvp.myRsvp).toBe('yes');
    const minutes = await ok<Meeting>(convener, 'PATCH', `/api/meetings/${m.id}`, {
      minutes: '## Decided\n\n- Write the paper',
    });
    expect(minutes.minutesHtml).toContain('<li>Write the paper</li>');
    const withAction = await ok<Meeting>(convener, 'POST', `/api/meetings/${m.id}/actions`, {
      title: 'Draft the outline',
      ownerId: professor.id,
      dueOn: '2027-03-15',
    });
    const action = withAction.actions[0]!;
    expect(
      (await call(stranger, 'PATCH', `/api/actions/${action.id}`, { done: true })).statusCode,
    ).toBe(404);
    expect(
      (await ok<Meeting>(professor, 'PATCH', `/api/actions/${action.id}`, { done: true }))
        .actions[0]!.done,
    ).toBe(true);

    // The feed of a private group: a member's own address works, without it nothing exists.
    const group = await ok<Group>(professor, 'GET', `/api/groups/${g.id}`);
    expect(group.calendarUrl).toMatch(/calendar\.ics\?token=/);
    expect((await call(null, 'GET', `/api/groups/${g.id}/calendar.ics`)).statusCode).toBe(404);
    expect(
      (await call(null, 'GET', `/api/groups/${g.id}/calendar.ics?token=${'x'.repeat(32)}`))
        .statusCode,
    ).toBe(404);
    const feed = await call(null, 'GET', group.calendarUrl!);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe('Kick-off; sandboxes, budgets');
    expect(events[0]!.uid).toBe(m.id);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2027-03-01T09:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2027-03-01T11:30:00.000Z');
  });
});

describe('library', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

  it('stores a document checked by content, and refuses forbidden types and oversize files', async () => {
    const g = await groupWith('public');
    const upload = (who: Agent, bytes: Buffer, name: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/groups/${g.id}/library/files?name=${encodeURIComponent(name)}&collection=Papers`,
        headers: { ...who.headers, 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    const before = await rowCounts(t.database);
    const html = await upload(
      professor,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'paper.pdf',
    );
    expect(html.statusCode).toBe(400);
    const exe = await upload(
      professor,
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
      'notes.txt',
    );
    expect(exe.statusCode).toBe(400);
    const big = await upload(professor, Buffer.alloc(10 * 1024 * 1024 + 1, 65), 'big.txt');
    expect(big.statusCode).toBe(413);
    expect((await upload(stranger, pdf, 'paper.pdf')).statusCode).toBe(403);
    expect(await rowCounts(t.database)).toEqual(before);

    const stored = await upload(professor, pdf, 'Sandbox evaluation.pdf');
    expect(stored.statusCode, stored.body).toBe(200);
    const item = (stored.json() as { items: LibraryItem[] }).items[0]!;
    expect(item).toMatchObject({
      kind: 'document',
      collection: 'Papers',
      file: { mime: 'application/pdf', size: pdf.length },
    });
    const download = await call(null, 'GET', item.href);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="Sandbox evaluation.pdf"/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });
});
