import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, setPlatformRole, signUp, type TestApp } from './helpers.ts';
import {
  ACTORS,
  MATRIX,
  NOT_IN_MATRIX,
  qcaExample,
  type Actor,
  type World,
} from './permission-matrix.ts';
import { createSession } from '../src/server/auth/sessions.ts';
import { insertCase, insertCode } from '../src/server/commands/case-store.ts';
import { CaseCreate } from '../src/shared/cases.ts';
import {
  joinRequests,
  organisationMembers,
  organisations,
  qcaAnalyses,
  adoptions,
  spaces,
  spaceMembers,
  spaceInvitations,
  experiments,
  notifications,
  needs,
  needSupports,
  initiatives,
  initiativeStakeholders,
  initiativeJoinRequests,
  initiativeMilestones,
  facilitationActions,
  exchangeItems,
  exchangePledges,
  exchangePledgeEvents,
  groups,
  groupMembers,
  groupJoinRequests,
  groupInvitations,
  groupThreads,
  groupPosts,
  groupDecisions,
  groupMeetings,
  groupActions,
  groupFiles,
  groupLibraryItems,
  users,
} from '../src/server/db/schema/index.ts';
import { ensureSettings } from '../src/server/notifications/notify.ts';
import { publishExperiment } from '../src/server/commands/lessons.ts';
import { assignArms } from '../src/core/experiments/index.ts';
import { eq } from 'drizzle-orm';
import { QcaDataSet, QcaParams } from '../src/shared/qca.ts';

let t: TestApp;
const people: Partial<Record<Actor, { id: string; email: string }>> = {};

beforeAll(async () => {
  t = await makeApp();
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue;
    const p = await signUp(t.app, {
      name: `Matrix ${actor}`,
      email: `matrix-${actor}@example.org`,
    });
    people[actor] = { id: p.id, email: p.email };
  }
  await setPlatformRole(t.database, people.moderator!.id, 'moderator');
  await setPlatformRole(t.database, people.platformAdmin!.id, 'admin');
}, 120_000);
afterAll(async () => {
  await t.close();
});

let worlds = 0;
/** A fresh organisation with owner, admin, member, a target member and a pending request. */
async function makeWorld(): Promise<World> {
  const { db } = t.database;
  worlds += 1;
  const [org] = await db
    .insert(organisations)
    .values({ name: `Matrix world ${worlds}`, kind: 'public_body', country: 'NL', level: 'local' })
    .returning();
  const extra = await db
    .insert(users)
    .values([
      { name: 'Target', email: `target-${worlds}@example.org` },
      { name: 'Requester', email: `requester-${worlds}@example.org` },
      { name: 'Outsider', email: `outsider-${worlds}@example.org` },
    ])
    .returning();
  const [target, requester, outsider] = extra;
  await db.insert(organisationMembers).values([
    { organisationId: org!.id, userId: people.owner!.id, role: 'owner' },
    { organisationId: org!.id, userId: people.orgAdmin!.id, role: 'admin' },
    { organisationId: org!.id, userId: people.member!.id, role: 'member' },
    { organisationId: org!.id, userId: target!.id, role: 'member' },
  ]);
  const [req] = await db
    .insert(joinRequests)
    .values({ organisationId: org!.id, userId: requester!.id })
    .returning();
  const draftTitle = `Matrix draft ${worlds} ${Math.random().toString(36).slice(2)}`;
  const draftCoder = `Draft coder ${worlds}`;
  const draftPartner = `Draft partner ${worlds} ${Math.random().toString(36).slice(2)}`;
  const lead = [{ name: org!.name, organisationId: org!.id, role: 'lead' }];
  const made = await db.transaction(async (tx) => {
    const published = await insertCase(
      tx,
      CaseCreate.parse({
        title: `Matrix case ${worlds}`,
        summary: 'A published case of the world.',
        status: 'published',
        countries: ['NL'],
        partners: lead,
      }),
      { authorId: people.owner!.id },
    );
    const draft = await insertCase(
      tx,
      CaseCreate.parse({
        title: draftTitle,
        summary: 'Private until published.',
        partners: [...lead, { name: draftPartner, organisationId: null, role: 'partner' }],
      }),
      { authorId: people.owner!.id },
    );
    const code = await insertCode(tx, published.id, {
      factor: 'org.culture',
      direction: 'barrier',
      evidence: 'Matrix',
      coderId: people.member!.id,
      coderName: 'Matrix member',
    });
    await insertCode(tx, draft.id, {
      factor: 'org.culture',
      direction: 'driver',
      evidence: 'Only in the draft',
      coderId: null,
      coderName: draftCoder,
    });
    const [analysis] = await tx
      .insert(qcaAnalyses)
      .values({
        title: `Matrix analysis ${worlds}`,
        data: QcaDataSet.parse(qcaExample.data),
        params: QcaParams.parse(qcaExample.params),
        ownerId: people.owner!.id,
      })
      .returning();
    const [adoption] = await tx
      .insert(adoptions)
      .values({
        organisationId: org!.id,
        caseId: published.id,
        adoptedOn: '2021-03-01',
        mechanism: 'learning',
        recordedBy: people.owner!.id,
      })
      .returning();
    const spaceName = `Matrix space ${worlds} ${Math.random().toString(36).slice(2)}`;
    const [space] = await tx
      .insert(spaces)
      .values({ name: spaceName, visibility: 'private', createdBy: people.owner!.id })
      .returning();
    await tx.insert(spaceMembers).values([
      { spaceId: space!.id, userId: people.owner!.id, role: 'owner' },
      { spaceId: space!.id, userId: people.member!.id, role: 'member' },
      { spaceId: space!.id, userId: people.observer!.id, role: 'observer' },
      { spaceId: space!.id, userId: target!.id, role: 'member' },
    ]);
    const tag = `${worlds} ${Math.random().toString(36).slice(2)}`;
    const plan = {
      spaceId: space!.id,
      design: 'pilot',
      hypothesis: 'Letters help',
      successCriterion: 'Five points more',
      arms: ['control', 'treatment'],
      outcomeKind: 'binary' as const,
      createdBy: people.owner!.id,
    };
    const made = await tx
      .insert(experiments)
      .values([
        { ...plan, title: `Planned experiment ${tag}` },
        { ...plan, title: `Running experiment ${tag}`, status: 'running', startedAt: new Date() },
        {
          ...plan,
          title: `Ended experiment ${tag}`,
          status: 'completed',
          result: 'not_supported',
          startedAt: new Date(),
          endedAt: new Date(),
        },
        {
          ...plan,
          title: `Published experiment ${tag}`,
          status: 'stopped',
          stopReason: 'Budget cut',
          startedAt: new Date(),
          endedAt: new Date(),
        },
      ])
      .returning();
    const [planned, running, ended, publishedExperiment] = made;
    await tx
      .update(experiments)
      .set({
        allocation: assignArms({
          units: [{ id: 'u1' }, { id: 'u2' }],
          arms: ['control', 'treatment'],
          seed: 1,
          method: 'simple',
        }),
        allocatedAt: new Date(),
      })
      .where(eq(experiments.id, running!.id));
    const invited = await tx
      .insert(spaceInvitations)
      .values([
        {
          spaceId: space!.id,
          email: `invited-${tag.replace(' ', '-')}@example.org`,
          role: 'member',
        },
        { spaceId: space!.id, email: people.stranger!.email, role: 'observer' },
      ])
      .returning();
    return {
      plannedExperimentId: planned!.id,
      runningExperimentId: running!.id,
      endedExperimentId: ended!.id,
      publishedExperimentId: publishedExperiment!.id,
      experimentTitles: [planned!.title, running!.title, ended!.title],
      invitationId: invited[0]!.id,
      strangerInvitationId: invited[1]!.id,
      caseId: published.id,
      draftCaseId: draft.id,
      codeId: code.id,
      analysisId: analysis!.id,
      adoptionId: adoption!.id,
      spaceId: space!.id,
      spaceName,
    };
  });
  const [ownerRow] = await db.select().from(users).where(eq(users.id, people.owner!.id));
  const lesson = await publishExperiment(
    db,
    { tokenHash: '', csrfToken: '', user: ownerRow! },
    made.publishedExperimentId,
    true,
  );
  const [note] = await db
    .insert(notifications)
    .values({
      userId: people.owner!.id,
      kind: 'space.member.added',
      params: { actor: 'Matrix notification', space: 'Matrix', role: 'member' },
      link: '/spaces',
    })
    .returning();
  const settings = await ensureSettings(db, people.owner!.id);
  const hiddenNeedTitle = `Hidden need ${worlds} ${Math.random().toString(36).slice(2)}`;
  const needBase = {
    country: 'NL',
    responsibleOrganisationId: org!.id,
    authorId: target!.id,
  };
  const [need, otherNeed, resolvedNeed] = await db
    .insert(needs)
    .values([
      { ...needBase, title: `Matrix need ${worlds}` },
      { ...needBase, title: `Other matrix need ${worlds}` },
      { ...needBase, title: `Resolved matrix need ${worlds}`, status: 'resolved' },
      { ...needBase, title: hiddenNeedTitle, hiddenAt: new Date(), hiddenReason: 'Spam' },
    ])
    .returning();
  await db.insert(needSupports).values(
    ACTORS.filter((a) => a !== 'anonymous').map((a) => ({
      needId: need!.id,
      userId: people[a]!.id,
    })),
  );
  const hiddenInitiativeTitle = `Hidden initiative ${worlds} ${Math.random().toString(36).slice(2)}`;
  const [initiative, hiddenInitiative] = await db
    .insert(initiatives)
    .values([
      { title: `Matrix initiative ${worlds}`, country: 'NL', stage: 'implementing' },
      { title: hiddenInitiativeTitle, country: 'NL', stage: 'implementing', hiddenAt: new Date() },
    ])
    .returning();
  const holders = await db
    .insert(initiativeStakeholders)
    .values([
      { initiativeId: initiative!.id, userId: people.owner!.id, role: 'co_initiator', owner: true },
      { initiativeId: initiative!.id, userId: people.member!.id, role: 'co_designer' },
      { initiativeId: initiative!.id, userId: target!.id, role: 'partner' },
      { initiativeId: hiddenInitiative!.id, userId: target!.id, role: 'partner', owner: true },
    ])
    .returning();
  const [joinRequest] = await db
    .insert(initiativeJoinRequests)
    .values({ initiativeId: initiative!.id, userId: requester!.id, role: 'partner' })
    .returning();
  const [milestone] = await db
    .insert(initiativeMilestones)
    .values({ initiativeId: initiative!.id, title: 'Matrix milestone', plannedOn: '2027-01-01' })
    .returning();
  const [facilitation] = await db
    .insert(facilitationActions)
    .values([
      { initiativeId: initiative!.id, organisationId: org!.id, kind: 'space' },
      { initiativeId: hiddenInitiative!.id, organisationId: org!.id, kind: 'space' },
    ])
    .returning();
  const orgOnlyOfferTitle = `Matrix internal offer ${worlds} ${Math.random().toString(36).slice(2)}`;
  const [offer, orgOnly, wanted] = await db
    .insert(exchangeItems)
    .values([
      {
        side: 'offer' as const,
        kind: 'expertise' as const,
        title: 'Matrix evaluation expertise',
        description: 'Evaluation of public services.',
        organisationId: org!.id,
        createdBy: people.owner!.id,
      },
      {
        side: 'offer' as const,
        kind: 'expertise' as const,
        title: orgOnlyOfferTitle,
        description: 'Evaluation of public services, for colleagues.',
        visibility: 'organisation' as const,
        organisationId: org!.id,
        createdBy: people.owner!.id,
      },
      {
        side: 'request' as const,
        kind: 'expertise' as const,
        title: 'Matrix: evaluation of a public service',
        description: 'Evaluation of public services.',
        createdBy: requester!.id,
      },
    ])
    .returning();
  const [pledge] = await db
    .insert(exchangePledges)
    .values({
      kind: 'expertise',
      offerId: offer!.id,
      requestId: wanted!.id,
      giverUserId: people.owner!.id,
      giverOrganisationId: org!.id,
      receiverUserId: requester!.id,
      proposedBy: 'giver',
      hours: 10,
    })
    .returning();
  await db
    .insert(exchangePledgeEvents)
    .values({ pledgeId: pledge!.id, status: 'proposed', actorId: people.owner!.id });
  const groupName = `Matrix private group ${worlds} ${Math.random().toString(36).slice(2)}`;
  const [group, publicGroup] = await db
    .insert(groups)
    .values([
      { name: groupName, visibility: 'private' as const, createdBy: people.owner!.id },
      {
        name: `Matrix public group ${worlds}`,
        visibility: 'public' as const,
        createdBy: people.owner!.id,
      },
    ])
    .returning();
  const membership = (groupId: string, userId: string, role: 'convener' | 'member') => ({
    groupId,
    userId,
    role,
    affiliation: 'policy' as const,
    country: 'NL',
    calendarToken: `${groupId}-${userId}-${Math.random().toString(36).slice(2)}`,
  });
  await db
    .insert(groupMembers)
    .values([
      membership(group!.id, people.owner!.id, 'convener'),
      membership(group!.id, people.member!.id, 'member'),
      membership(group!.id, target!.id, 'member'),
      membership(publicGroup!.id, people.owner!.id, 'convener'),
      membership(publicGroup!.id, people.member!.id, 'member'),
    ]);
  const [groupRequest] = await db
    .insert(groupJoinRequests)
    .values({
      groupId: publicGroup!.id,
      userId: requester!.id,
      affiliation: 'academia',
      country: 'BE',
    })
    .returning();
  const [groupInvitation, strangerGroupInvitation] = await db
    .insert(groupInvitations)
    .values([
      { groupId: group!.id, email: outsider!.email!, role: 'member' as const },
      { groupId: group!.id, email: people.stranger!.email!, role: 'member' as const },
    ])
    .returning();
  const [thread] = await db
    .insert(groupThreads)
    .values({ groupId: group!.id, title: 'Matrix thread', createdBy: people.owner!.id })
    .returning();
  const [post] = await db
    .insert(groupPosts)
    .values({ threadId: thread!.id, authorId: people.member!.id, body: 'A post by the member' })
    .returning();
  const [decision, closedDecision] = await db
    .insert(groupDecisions)
    .values([
      {
        groupId: group!.id,
        kind: 'proposal' as const,
        title: 'Matrix proposal',
        closesAt: new Date(Date.now() + 86_400_000),
        resultsVisible: 'after' as const,
        createdBy: people.owner!.id,
      },
      {
        groupId: group!.id,
        kind: 'proposal' as const,
        title: 'Matrix closed proposal',
        closesAt: new Date(Date.now() - 86_400_000),
        resultsVisible: 'after' as const,
        createdBy: people.owner!.id,
      },
    ])
    .returning();
  const [meeting] = await db
    .insert(groupMeetings)
    .values({
      groupId: group!.id,
      title: 'Matrix meeting',
      startsAt: new Date('2027-04-01T10:00:00Z'),
      endsAt: new Date('2027-04-01T11:00:00Z'),
      timeZone: 'Europe/Amsterdam',
      createdBy: people.owner!.id,
    })
    .returning();
  const [action] = await db
    .insert(groupActions)
    .values({ meetingId: meeting!.id, title: 'Matrix action', ownerId: people.member!.id })
    .returning();
  const bytes = Buffer.from('Notes of the matrix.\n');
  const [file] = await db
    .insert(groupFiles)
    .values({
      groupId: group!.id,
      name: 'notes.txt',
      mime: 'text/plain',
      size: bytes.length,
      sha256: 'x',
      bytes,
      uploadedBy: people.member!.id,
    })
    .returning();
  const [libraryItem] = await db
    .insert(groupLibraryItems)
    .values({
      groupId: group!.id,
      collection: 'General',
      kind: 'document',
      fileId: file!.id,
      title: 'Notes',
      addedBy: people.member!.id,
    })
    .returning();
  return {
    groupId: group!.id,
    groupName,
    publicGroupId: publicGroup!.id,
    groupJoinRequestId: groupRequest!.id,
    groupInvitationId: groupInvitation!.id,
    strangerGroupInvitationId: strangerGroupInvitation!.id,
    threadId: thread!.id,
    postId: post!.id,
    decisionId: decision!.id,
    closedDecisionId: closedDecision!.id,
    meetingId: meeting!.id,
    actionId: action!.id,
    fileId: file!.id,
    libraryItemId: libraryItem!.id,
    offerId: offer!.id,
    orgOnlyOfferId: orgOnly!.id,
    orgOnlyOfferTitle,
    exchangeRequestId: wanted!.id,
    pledgeId: pledge!.id,
    initiativeId: initiative!.id,
    stakeholderId: holders[2]!.id,
    joinRequestId: joinRequest!.id,
    milestoneId: milestone!.id,
    facilitationId: facilitation!.id,
    hiddenInitiativeTitle,
    needId: need!.id,
    otherNeedId: otherNeed!.id,
    resolvedNeedId: resolvedNeed!.id,
    hiddenNeedTitle,
    notificationId: note!.id,
    unsubscribeToken: settings.unsubscribe_token,
    lessonId: lesson.id,
    orgId: org!.id,
    targetUserId: target!.id,
    requestId: req!.id,
    outsiderEmail: outsider!.email!,
    memberEmails: [target!.email!],
    ...made,
    draftTitle,
    draftCoder,
    draftPartner,
  };
}

async function headersFor(actor: Actor): Promise<Record<string, string>> {
  const p = people[actor];
  if (!p) return {};
  // A session of its own for every cell, so a sign-out or sign-in in one cell cannot affect another.
  const s = await createSession(t.database.db, p.id, 1);
  return { cookie: `connective_session=${s.token}`, 'x-csrf-token': s.csrfToken };
}

describe('the permission matrix', () => {
  it('lists every API route the server has', async () => {
    const listed = new Set(MATRIX.map((r) => r.route));
    const missing = t.app.routeList
      .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD')
      .filter((r) => !NOT_IN_MATRIX.some((re) => re.test(r.url)))
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !listed.has(r));
    expect(missing, 'routes without rows in test/permission-matrix.ts').toEqual([]);
    const stale = [...listed].filter(
      (r) => !t.app.routeList.some((x) => `${x.method} ${x.url}` === r),
    );
    expect(stale, 'matrix rows for routes that do not exist').toEqual([]);
  });

  for (const row of MATRIX) {
    it(`${row.route} (${row.visibility})`, async () => {
      const problems: string[] = [];
      for (const actor of ACTORS) {
        const world = await makeWorld();
        const call = row.call(world);
        const res = await t.app.inject({
          method: call.method,
          url: call.url,
          headers: {
            ...(await headersFor(actor)),
            ...(call.contentType ? { 'content-type': call.contentType } : {}),
          },
          ...(call.payload !== undefined ? { payload: call.payload as object } : {}),
        });
        const want = row.expect[actor];
        const ok =
          want === 'ok' ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === want;
        if (!ok)
          problems.push(
            `${actor}: got ${res.statusCode}, expected ${want} — ${res.body.slice(0, 200)}`,
          );
        if (res.statusCode >= 400 && res.statusCode !== 404) {
          expect(res.json()).toHaveProperty('error.code');
        }
        for (const secret of row.mustNotReveal?.(world, actor) ?? []) {
          if (res.body.includes(secret)) problems.push(`${actor}: the answer reveals ${secret}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
