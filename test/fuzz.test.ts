import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeApp,
  makeOrganisation,
  rowCounts,
  signUp,
  type Agent,
  type TestApp,
} from './helpers.ts';
import { MATRIX, qcaExample, type World } from './permission-matrix.ts';

/**
 * Property-based fuzzing of every write route: hostile payloads built from the route's own
 * schema (its OpenAPI body properties) must never give a 5xx, always the error shape on a 4xx,
 * and a 4xx must leave every table unchanged.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const HOSTILE_STRINGS = [
  "'; drop table users; --",
  "' or '1'='1",
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'nul\u0000inside',
  '\uD800',
  '\u202Eevil',
  '\u200B\u200D\uFEFF',
  '𝕏🚲👩‍👩‍👧',
  '../../etc/passwd',
  '%00%27',
  '{"$gt": ""}',
  '',
  ' ',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
  fc.integer({ min: 50, max: 3000 }).map((depth) => {
    let v: unknown = 'deep';
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  }),
);

/** A valid example with one field made hostile: reaches past validation into the commands. */
function mutationsOf(example: unknown): fc.Arbitrary<unknown> {
  if (!example || typeof example !== 'object') return fc.constant(example);
  const keys = Object.keys(example);
  if (keys.length === 0) return fc.constant(example);
  return fc
    .tuple(
      fc.constantFrom(...keys),
      fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 }, hostileValue),
    )
    .map(([k, v]) => ({ ...(example as object), [k]: v }));
}

function payloadFor(properties: string[], example: unknown): fc.Arbitrary<unknown> {
  const known = properties.length
    ? fc.record(Object.fromEntries(properties.map((p) => [p, hostileValue])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof(
    mutationsOf(example),
    mutationsOf(example),
    known,
    fc
      .tuple(
        known,
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileValue, { maxKeys: 3 }),
      )
      .map(([a, b]) => ({ ...(b as object), ...(a as object) })),
    hostileValue,
    fc.anything(),
  );
}

let t: TestApp;
let owner: Agent;
let world: World;
let bodyProps: Record<string, string[]>;
let cases = 0;

beforeAll(async () => {
  t = await makeApp();
  owner = await signUp(t.app, { name: 'Fuzz Owner' });
  const member = await signUp(t.app);
  const org = await makeOrganisation(t.app, owner);
  await t.app.inject({
    method: 'POST',
    url: `/api/organisations/${org.id}/members`,
    headers: owner.headers,
    payload: { email: member.email },
  });
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: owner.headers,
    payload: { title: 'Fuzzed case', summary: 'A case to fuzz.', status: 'published' },
  });
  const caseId = (made.json() as { id: string }).id;
  const code = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/codes`,
    headers: owner.headers,
    payload: { factor: 'org.culture', direction: 'driver' },
  });
  const space = (
    await t.app.inject({
      method: 'POST',
      url: '/api/spaces',
      headers: owner.headers,
      payload: { name: 'Fuzzed space', visibility: 'private' },
    })
  ).json() as { id: string };
  const experiment = (
    await t.app.inject({
      method: 'POST',
      url: `/api/spaces/${space.id}/experiments`,
      headers: owner.headers,
      payload: {
        title: 'Fuzzed experiment',
        design: 'pilot',
        hypothesis: 'h',
        successCriterion: 's',
      },
    })
  ).json() as { id: string };
  const nil = '00000000-0000-4000-8000-000000000000';
  const create = async (url: string, payload: object) =>
    (
      (await t.app.inject({ method: 'POST', url, headers: owner.headers, payload })).json() as {
        id: string;
      }
    ).id;
  const needId = await create('/api/needs', {
    title: 'Fuzzed need',
    country: 'NL',
    responsibleOrganisationId: org.id,
  });
  const initiativeId = await create('/api/initiatives', {
    title: 'Fuzzed initiative',
    country: 'NL',
  });
  const offerId = await create('/api/exchange/items', {
    side: 'offer',
    kind: 'expertise',
    title: 'Fuzzed offer',
  });
  const exchangeRequestId = await create('/api/exchange/items', {
    side: 'request',
    kind: 'expertise',
    title: 'Fuzzed request',
  });
  const groupId = await create('/api/groups', {
    name: 'Fuzzed group',
    visibility: 'private',
    affiliation: 'policy',
    country: 'NL',
  });
  const threadId = await create(`/api/groups/${groupId}/threads`, { title: 'Fuzzed', body: 'x' });
  const decisionId = await create(`/api/groups/${groupId}/decisions`, {
    kind: 'proposal',
    title: 'Fuzzed proposal',
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const meetingId = await create(`/api/groups/${groupId}/meetings`, {
    title: 'Fuzzed meeting',
    startsAt: '2027-01-01T10:00:00Z',
    endsAt: '2027-01-01T11:00:00Z',
    timeZone: 'UTC',
  });
  world = {
    groupId,
    groupName: 'nothing',
    publicGroupId: groupId,
    groupJoinRequestId: nil,
    groupInvitationId: nil,
    strangerGroupInvitationId: nil,
    threadId,
    postId: nil,
    decisionId,
    closedDecisionId: decisionId,
    meetingId,
    actionId: nil,
    fileId: nil,
    libraryItemId: nil,
    offerId,
    orgOnlyOfferId: offerId,
    orgOnlyOfferTitle: 'nothing',
    exchangeRequestId,
    pledgeId: nil,
    plannedExperimentId: experiment.id,
    runningExperimentId: experiment.id,
    endedExperimentId: experiment.id,
    publishedExperimentId: experiment.id,
    experimentTitles: [],
    lessonId: nil,
    invitationId: nil,
    strangerInvitationId: nil,
    notificationId: nil,
    needId,
    otherNeedId: needId,
    resolvedNeedId: needId,
    hiddenNeedTitle: 'nothing',
    initiativeId,
    stakeholderId: nil,
    joinRequestId: nil,
    milestoneId: nil,
    facilitationId: nil,
    hiddenInitiativeTitle: 'nothing',
    unsubscribeToken: 'x'.repeat(32),
    orgId: org.id,
    targetUserId: member.id,
    requestId: '00000000-0000-4000-8000-000000000000',
    outsiderEmail: 'nobody@example.org',
    memberEmails: [],
    caseId,
    draftCaseId: caseId,
    draftTitle: 'Fuzzed case',
    codeId: (code.json() as { id: string }).id,
    draftCoder: 'nobody',
    draftPartner: 'nobody',
    adoptionId: '00000000-0000-4000-8000-000000000000',
    spaceId: space.id,
    spaceName: 'nothing',
    analysisId: (
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/qca/analyses',
          headers: owner.headers,
          payload: { ...qcaExample, title: 'Fuzzed analysis' },
        })
      ).json() as { id: string }
    ).id,
  };
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }
      >
    >;
  };
  bodyProps = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content['application/json']?.schema;
      const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      bodyProps[route] = Object.keys(schema?.properties ?? {});
    }
  }
}, 60_000);
afterAll(async () => {
  console.info(`fuzz: ${cases} hostile requests, no 5xx, every 4xx changed nothing`);
  await t.close();
});

const writeRows = MATRIX.filter((r) =>
  ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.call(worldStub()).method),
);
function worldStub(): World {
  return {
    groupId: 'x',
    groupName: 'x',
    publicGroupId: 'x',
    groupJoinRequestId: 'x',
    groupInvitationId: 'x',
    strangerGroupInvitationId: 'x',
    threadId: 'x',
    postId: 'x',
    decisionId: 'x',
    closedDecisionId: 'x',
    meetingId: 'x',
    actionId: 'x',
    fileId: 'x',
    libraryItemId: 'x',
    offerId: 'x',
    orgOnlyOfferId: 'x',
    orgOnlyOfferTitle: 'x',
    exchangeRequestId: 'x',
    pledgeId: 'x',
    orgId: 'o',
    targetUserId: 'u',
    requestId: 'r',
    outsiderEmail: 'e',
    memberEmails: [],
    caseId: 'c',
    draftCaseId: 'd',
    draftTitle: 't',
    codeId: 'k',
    draftCoder: 'n',
    draftPartner: 'n',
    adoptionId: '00000000-0000-4000-8000-000000000000',
    spaceId: 's',
    spaceName: 'n',
    analysisId: 'a',
    plannedExperimentId: 'x',
    runningExperimentId: 'x',
    endedExperimentId: 'x',
    publishedExperimentId: 'x',
    experimentTitles: [],
    lessonId: 'l',
    invitationId: 'i',
    strangerInvitationId: 'i',
    notificationId: 'n',
    needId: 'n',
    otherNeedId: 'n',
    resolvedNeedId: 'n',
    hiddenNeedTitle: 'n',
    initiativeId: 'i',
    stakeholderId: 's',
    joinRequestId: 'j',
    milestoneId: 'm',
    facilitationId: 'f',
    hiddenInitiativeTitle: 'h',
    unsubscribeToken: 't',
  };
}

describe('fuzzing every write route', () => {
  for (const row of writeRows) {
    // Signing out or erasing the fuzzing account would only test the account, not the input.
    if (row.route === 'POST /api/auth/sign-out') continue;
    it(`${row.route} answers hostile input with a 4xx in the error shape and changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(
          payloadFor(bodyProps[row.route] ?? [], row.call(world).payload),
          async (payload) => {
            cases += 1;
            const call = row.call(world);
            const before = await rowCounts(t.database);
            const res = await t.app.inject({
              method: call.method,
              url: call.url,
              headers: { ...owner.headers, 'content-type': 'application/json' },
              payload: JSON.stringify(payload) ?? 'null',
            });
            expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
            if (res.statusCode >= 400) {
              const body = res.json() as { error: { code: string; message: string } };
              expect(typeof body.error.code).toBe('string');
              expect(typeof body.error.message).toBe('string');
              expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
              expect(await rowCounts(t.database)).toEqual(before);
            }
          },
        ),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});
