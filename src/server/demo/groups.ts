/**
 * An illustrative working group for the demo: policy makers and academics from four countries
 * on public-sector innovation, with a discussion, a decided proposal, an open ranked-choice poll,
 * a past meeting with minutes and action items, an upcoming one, and a small library. Nothing
 * here describes real events.
 */
import { sql } from 'drizzle-orm';
import { DecisionCreate, GroupCreate, MeetingCreate } from '../../shared/groups.ts';
import type { ActiveSession, SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import {
  castVote,
  closeDecision,
  createDecision,
  recordOutcome,
} from '../commands/group-decisions.ts';
import { addLibraryItem } from '../commands/group-library.ts';
import {
  addAction,
  createMeeting,
  setActionDone,
  setRsvp,
  updateMeeting,
} from '../commands/group-meetings.ts';
import { addPost, createThread } from '../commands/group-threads.ts';
import {
  answerGroupInvitation,
  createGroup,
  inviteToGroup,
  myGroupInvitations,
} from '../commands/groups.ts';

const session = (user: SessionUser): ActiveSession => ({ tokenHash: '', csrfToken: '', user });
const day = 86_400_000;

export async function seedDemoGroups(
  db: Db,
  people: { anna: SessionUser; jonas: SessionUser; marie: SessionUser; fatima: SessionUser },
) {
  const as = {
    anna: session(people.anna),
    jonas: session(people.jonas),
    marie: session(people.marie),
    fatima: session(people.fatima),
  };
  const group = await createGroup(
    db,
    as.anna,
    GroupCreate.parse({
      name: 'Co-creation in public services across Europe',
      purpose:
        'Policy makers and researchers compare how governments support citizens’ own initiatives, share evidence and plan joint pilots.',
      visibility: 'public',
      affiliation: 'policy',
      country: 'NL',
    }),
  );
  const join = async (
    who: ActiveSession,
    affiliation: 'policy' | 'academia' | 'civil_society',
    country: string,
  ) => {
    await inviteToGroup(db, as.anna, group.id, { email: who.user.email!, role: 'member' });
    const [invitation] = (await myGroupInvitations(db, who)).items;
    await answerGroupInvitation(db, who, invitation!.id, { accept: true, affiliation, country });
  };
  await join(as.jonas, 'policy', 'DE');
  await join(as.marie, 'academia', 'FR');
  await join(as.fatima, 'civil_society', 'NL');

  const thread = await createThread(db, as.anna, group.id, {
    title: 'What makes a council a good partner for residents’ initiatives?',
    body: `In Rotterdam-Zuid the neighbourhood company got a building and a bookkeeper, but waited
**four months** for an answer on insurance.\n\n@[Marie Dubois](user:${people.marie.id}), does the
French research say anything about response times?`,
  });
  await addPost(db, as.marie, thread.id, {
    body: 'Yes: initiatives that get an answer within a month survive twice as often in our sample. I will put the paper in the library.',
    parentId: thread.items[0]!.id,
  });
  await addPost(db, as.fatima, thread.id, {
    body: 'From the residents’ side: one contact person at the council matters more than money.',
    parentId: null,
  });

  const proposal = await createDecision(
    db,
    as.anna,
    group.id,
    DecisionCreate.parse({
      kind: 'proposal',
      title: 'Write a joint guide on facilitating citizens’ initiatives',
      description: 'Each country contributes one case and one lesson learned.',
      closesAt: new Date(Date.now() + 7 * day).toISOString(),
      resultsVisible: 'during',
    }),
  );
  await castVote(db, as.jonas, proposal.id, { stance: 'agree', reason: '' });
  await castVote(db, as.marie, proposal.id, {
    stance: 'agree',
    reason: 'With the evidence chapter.',
  });
  await castVote(db, as.fatima, proposal.id, {
    stance: 'abstain',
    reason: 'Happy to review a draft.',
  });
  await closeDecision(db, as.anna, proposal.id);
  await recordOutcome(db, as.anna, proposal.id, 'Agreed: a first draft by the spring meeting.');

  const poll = await createDecision(
    db,
    as.anna,
    group.id,
    DecisionCreate.parse({
      kind: 'ranked_choice',
      title: 'Where do we meet in spring?',
      options: [{ label: 'Rotterdam' }, { label: 'Leipzig' }, { label: 'Lyon' }],
      closesAt: new Date(Date.now() + 14 * day).toISOString(),
      resultsVisible: 'during',
    }),
  );
  const [rotterdam, leipzig, lyon] = poll.options.map((o) => o.id) as [string, string, string];
  await castVote(db, as.jonas, poll.id, { ranking: [leipzig, rotterdam], reason: '' });
  await castVote(db, as.marie, poll.id, { ranking: [lyon, leipzig], reason: '' });
  await castVote(db, as.fatima, poll.id, { ranking: [rotterdam, lyon], reason: '' });

  const past = await createMeeting(
    db,
    as.anna,
    group.id,
    MeetingCreate.parse({
      title: 'Kick-off',
      description: 'Introductions and the plan for the year.',
      startsAt: new Date(Date.now() - 30 * day).toISOString(),
      endsAt: new Date(Date.now() - 30 * day + 2 * 3_600_000).toISOString(),
      timeZone: 'Europe/Amsterdam',
      onlineUrl: 'https://meet.example.org/co-creation-kick-off',
      agenda: [{ title: 'Introductions' }, { title: 'Cases each country brings' }],
    }),
  );
  await updateMeeting(db, as.anna, past.id, {
    minutes: '## Agreed\n\n- Each country brings one case.\n- Next meeting in two months.',
  });
  const withAction = await addAction(db, as.anna, past.id, {
    title: 'Share the French evaluation paper',
    ownerId: people.marie.id,
    dueOn: null,
  });
  await setActionDone(db, as.marie, withAction.actions[0]!.id, true);
  const next = await createMeeting(
    db,
    as.anna,
    group.id,
    MeetingCreate.parse({
      title: 'Drafting the guide',
      startsAt: new Date(Date.now() + 21 * day).toISOString(),
      endsAt: new Date(Date.now() + 21 * day + 90 * 60_000).toISOString(),
      timeZone: 'Europe/Berlin',
      location: 'Stadt Leipzig, Neues Rathaus',
      onlineUrl: 'https://meet.example.org/co-creation-guide',
      agenda: [{ title: 'Outline' }, { title: 'Who writes which chapter' }],
    }),
  );
  await setRsvp(db, as.jonas, next.id, 'yes');
  await setRsvp(db, as.marie, next.id, 'maybe');

  const cases = await rows<{ id: string }>(
    db,
    sql`select id from cases where status = 'published' and title ilike '%co-design%' order by title limit 2`,
  );
  for (const c of cases)
    await addLibraryItem(db, as.anna, group.id, {
      collection: 'Cases',
      kind: 'case',
      caseId: c.id,
      note: 'A co-design case to compare.',
    });
}
