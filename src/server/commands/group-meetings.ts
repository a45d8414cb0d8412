/**
 * A working group's meetings: time (stored in UTC, with the zone it was planned in), place or
 * online link, agenda, RSVPs, minutes in Markdown with action items, and the group's iCalendar
 * feed — public for a public group, behind each member's own token for a private one.
 */
import { sql } from 'drizzle-orm';
import type { Meeting, MeetingCreate, MeetingUpdate, Rsvp } from '../../shared/groups.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { groupActions, groupAgendaItems, groupMeetings, groupRsvps } from '../db/schema/index.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { meetingsCalendar } from '../groups/ics.ts';
import { renderMarkdown } from '../groups/markdown.ts';
import { notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { convenedGroup, groupOf, visibleGroup, type GroupAccess } from './groups.ts';

type Viewer = ActiveSession | null;
type MeetingRow = typeof groupMeetings.$inferSelect;
const iso = (d: string | Date) => new Date(d).toISOString();

async function visibleMeeting(db: Db | Tx, viewer: Viewer, id: string, what = 'Meeting') {
  const [m] = await db
    .select()
    .from(groupMeetings)
    .where(sql`${groupMeetings.id} = ${id}`);
  if (!m) throw notFound(what);
  return { meeting: m, group: await groupOf(db, viewer, m.groupId, what) };
}

async function present(
  db: Db | Tx,
  viewer: Viewer,
  m: MeetingRow,
  group: GroupAccess,
): Promise<Meeting> {
  const agenda = await rows<{ id: string; position: number; title: string; notes: string }>(
    db,
    sql`select id, position, title, notes from group_agenda_items where meeting_id = ${m.id} order by position, id`,
  );
  const rsvps = await rows<{ answer: Rsvp; n: number }>(
    db,
    sql`select answer, count(*)::int as n from group_rsvps where meeting_id = ${m.id} group by answer`,
  );
  const [mine] = await rows<{ answer: Rsvp }>(
    db,
    sql`select answer from group_rsvps where meeting_id = ${m.id} and user_id = ${viewer?.user.id ?? null}`,
  );
  const actions = await rows<{
    id: string;
    title: string;
    owner_id: string | null;
    name: string | null;
    due_on: string | null;
    done: boolean;
  }>(
    db,
    sql`select a.id, a.title, a.owner_id, case when u.erased_at is null then u.name end as name,
               a.due_on::text, a.done
        from group_actions a left join users u on u.id = a.owner_id
        where a.meeting_id = ${m.id} order by a.created_at, a.id`,
  );
  return {
    id: m.id,
    groupId: m.groupId,
    title: m.title,
    description: m.description,
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    timeZone: m.timeZone,
    location: m.location,
    onlineUrl: m.onlineUrl,
    cancelled: m.cancelled,
    minutes: m.minutes,
    minutesHtml: renderMarkdown(m.minutes),
    agenda,
    rsvps: (['yes', 'maybe', 'no'] as const).map((answer) => ({
      answer,
      count: rsvps.find((r) => r.answer === answer)?.n ?? 0,
    })),
    myRsvp: mine?.answer ?? null,
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner_id && a.name ? { id: a.owner_id, name: a.name } : null,
      dueOn: a.due_on,
      done: a.done,
    })),
    canManage: group.canManage,
  } satisfies Meeting;
}

export async function listMeetings(db: Db, viewer: Viewer, groupId: string) {
  const group = await visibleGroup(db, viewer, groupId);
  const found = await db
    .select()
    .from(groupMeetings)
    .where(sql`${groupMeetings.groupId} = ${groupId}`)
    .orderBy(sql`${groupMeetings.startsAt} desc, ${groupMeetings.id}`)
    .limit(200);
  return { items: await Promise.all(found.map((m) => present(db, viewer, m, group))) };
}

export async function getMeeting(db: Db, viewer: Viewer, id: string) {
  const { meeting, group } = await visibleMeeting(db, viewer, id);
  return present(db, viewer, meeting, group);
}

export async function createMeeting(
  db: Db,
  viewer: ActiveSession,
  groupId: string,
  input: MeetingCreate,
): Promise<Meeting> {
  const group = await convenedGroup(db, viewer, groupId);
  const id = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(groupMeetings)
      .values({
        groupId,
        title: input.title,
        description: input.description,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        timeZone: input.timeZone,
        location: input.location,
        onlineUrl: input.onlineUrl,
        createdBy: viewer.user.id,
      })
      .returning({ id: groupMeetings.id });
    if (input.agenda.length)
      await tx
        .insert(groupAgendaItems)
        .values(input.agenda.map((a, i) => ({ meetingId: made!.id, position: i + 1, ...a })));
    const members = await rows<{ user_id: string }>(
      tx,
      sql`select user_id from group_members where group_id = ${groupId} and user_id <> ${viewer.user.id}`,
    );
    await notifyAll(
      tx,
      members.map((m) => m.user_id),
      {
        kind: 'group.meeting',
        params: {
          group: group.name,
          title: input.title,
          date: `${new Date(input.startsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        },
        link: `/groups/${groupId}/meetings/${made!.id}`,
      },
    );
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.meeting.create',
      targetType: 'group',
      targetId: groupId,
    });
    return made!.id;
  });
  return getMeeting(db, viewer, id);
}

/** Conveners change a meeting, cancel it, or write its minutes. */
export async function updateMeeting(
  db: Db,
  viewer: ActiveSession,
  id: string,
  patch: MeetingUpdate,
): Promise<Meeting> {
  const { meeting, group } = await visibleMeeting(db, viewer, id);
  if (!group.canManage) throw forbidden('Only the conveners may change a meeting.');
  const startsAt = patch.startsAt ? new Date(patch.startsAt) : meeting.startsAt;
  const endsAt = patch.endsAt ? new Date(patch.endsAt) : meeting.endsAt;
  if (endsAt <= startsAt)
    throw badRequest('The meeting ends before it starts.', [
      { path: 'endsAt', message: 'the meeting ends before it starts' },
    ]);
  await db.transaction(async (tx) => {
    await tx
      .update(groupMeetings)
      .set({ ...patch, startsAt, endsAt, updatedAt: new Date() })
      .where(sql`${groupMeetings.id} = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.meeting.update',
      targetType: 'group',
      targetId: group.id,
      details: { fields: Object.keys(patch) },
    });
  });
  return getMeeting(db, viewer, id);
}

export async function addAgendaItem(
  db: Db,
  viewer: ActiveSession,
  id: string,
  item: { title: string; notes: string },
) {
  const { group } = await visibleMeeting(db, viewer, id);
  if (!group.canManage) throw forbidden('Only the conveners may change the agenda.');
  await db.transaction(async (tx) => {
    const [last] = await rows<{ n: number }>(
      tx,
      sql`select coalesce(max(position), 0)::int as n from group_agenda_items where meeting_id = ${id}`,
    );
    await tx.insert(groupAgendaItems).values({ meetingId: id, position: last!.n + 1, ...item });
    await tx
      .update(groupMeetings)
      .set({ updatedAt: new Date() })
      .where(sql`${groupMeetings.id} = ${id}`);
  });
  return getMeeting(db, viewer, id);
}

export async function setRsvp(db: Db, viewer: ActiveSession, id: string, answer: Rsvp) {
  const { group } = await visibleMeeting(db, viewer, id);
  if (!group.canTakePart) throw forbidden('Only members of the group may answer.');
  await db
    .insert(groupRsvps)
    .values({ meetingId: id, userId: viewer.user.id, answer })
    .onConflictDoUpdate({
      target: [groupRsvps.meetingId, groupRsvps.userId],
      set: { answer, updatedAt: new Date() },
    });
  return getMeeting(db, viewer, id);
}

export async function addAction(
  db: Db,
  viewer: ActiveSession,
  id: string,
  action: { title: string; ownerId: string | null; dueOn: string | null },
) {
  const { group } = await visibleMeeting(db, viewer, id);
  if (!group.canManage) throw forbidden('Only the conveners may record action items.');
  if (action.ownerId) {
    const [member] = await rows<{ ok: boolean }>(
      db,
      sql`select true as ok from group_members where group_id = ${group.id} and user_id = ${action.ownerId}`,
    );
    if (!member)
      throw badRequest('An action belongs to a member of the group.', [
        { path: 'ownerId', message: 'is not a member of the group' },
      ]);
  }
  await db.insert(groupActions).values({ meetingId: id, ...action });
  return getMeeting(db, viewer, id);
}

/** Conveners and the action's owner tick it off (or not). */
export async function setActionDone(
  db: Db,
  viewer: ActiveSession,
  actionId: string,
  done: boolean,
) {
  const [a] = await rows<{ meeting_id: string; owner_id: string | null }>(
    db,
    sql`select meeting_id, owner_id from group_actions where id = ${actionId}`,
  );
  if (!a) throw notFound('Action');
  const { group } = await visibleMeeting(db, viewer, a.meeting_id, 'Action');
  if (!group.canManage && a.owner_id !== viewer.user.id)
    throw forbidden('Only the conveners and its owner may tick off an action.');
  await db
    .update(groupActions)
    .set({ done })
    .where(sql`${groupActions.id} = ${actionId}`);
  return getMeeting(db, viewer, a.meeting_id);
}

/**
 * The group's meetings as iCalendar. A public group's feed is open to all; a private group's
 * needs the calendar token of one of its members (calendar programs send no cookies), and
 * anything else is a 404, as the group does not exist for them.
 */
export async function groupCalendar(
  db: Db,
  viewer: Viewer,
  groupId: string,
  token: string | undefined,
  publicUrl: string,
): Promise<string> {
  const [g] = await rows<{ id: string; name: string; visibility: string; by_token: boolean }>(
    db,
    sql`select g.id, g.name, g.visibility,
               exists (select 1 from group_members m where m.group_id = g.id and m.calendar_token = ${token ?? ''}) as by_token
        from groups g where g.id = ${groupId}`,
  );
  if (!g) throw notFound('Group');
  if (g.visibility === 'private' && !g.by_token) await visibleGroup(db, viewer, groupId);
  const meetings = await db
    .select()
    .from(groupMeetings)
    .where(sql`${groupMeetings.groupId} = ${groupId}`)
    .orderBy(sql`${groupMeetings.startsAt}`)
    .limit(1000);
  return meetingsCalendar(
    { id: g.id, name: g.name, url: `${publicUrl}/groups/${g.id}` },
    meetings.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      timeZone: m.timeZone,
      location: m.location,
      onlineUrl: m.onlineUrl,
      url: `${publicUrl}/groups/${g.id}/meetings/${m.id}`,
      updatedAt: m.updatedAt,
      cancelled: m.cancelled,
    })),
    new Date(),
  );
}
