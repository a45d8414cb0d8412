/**
 * The permission matrix: every API route × every actor × every visibility of the resource it
 * touches, with the answer each must get. `test/permission-matrix.test.ts` runs it on both
 * engines and fails when a route exists that no row lists. A new route adds its rows here.
 *
 * Expected answers: 'ok' (2xx), or an exact status (400 = allowed past authorisation but the
 * deliberately wrong input in the request was refused; 401, 403, 404).
 */
export const ACTORS = [
  'anonymous',
  'stranger',
  'observer',
  'member',
  'orgAdmin',
  'owner',
  'moderator',
  'platformAdmin',
] as const;
export type Actor = (typeof ACTORS)[number];
export type Expected = 'ok' | 400 | 401 | 403 | 404 | 409;

/** The world each cell runs in: a fresh organisation with its people, made for that cell alone. */
export type World = {
  orgId: string;
  /** A plain member the request can act on (role change, removal). */
  targetUserId: string;
  /** A pending join request from another person. */
  requestId: string;
  /** A person with an account who is not a member. */
  outsiderEmail: string;
  /** E-mail addresses that only owners and admins of the organisation may see. */
  memberEmails: string[];
  /** A published case written by the owner, with the organisation as lead partner. */
  caseId: string;
  /** A draft case like it: only its editors (owner, organisation members, moderators) see it. */
  draftCaseId: string;
  /** The draft's title: it must never reach anyone else. */
  draftTitle: string;
  /** A code by the plain member in the published case. */
  codeId: string;
  /** A coder who coded only the draft: not to be listed among coders. */
  draftCoder: string;
  /** A partner named only in the draft: not a node of the network for those who may not see it. */
  draftPartner: string;
  /** A saved QCA analysis of the owner. */
  analysisId: string;
  /** The organisation's adoption of the published case, recorded by the owner. */
  adoptionId: string;
  /**
   * A private space of the owner: the member and the target user are members of it, the
   * observer an observer; to everyone else it does not exist.
   */
  spaceId: string;
  spaceName: string;
  /** Experiments in the space: planned, running (allocated, with outcomes), completed, published. */
  plannedExperimentId: string;
  runningExperimentId: string;
  endedExperimentId: string;
  publishedExperimentId: string;
  /** Their titles, bar the published one: none may reach anyone outside the space. */
  experimentTitles: string[];
  /** The lesson of the published experiment (anonymised). */
  lessonId: string;
  /** The owner's pending invitation of an outsider to the space. */
  invitationId: string;
  /** A pending invitation of the stranger to the space. */
  strangerInvitationId: string;
  /** A notification in the owner's inbox, and the owner's one-click unsubscribe token. */
  notificationId: string;
  unsubscribeToken: string;
  /** Needs with the world's organisation responsible: an open one every actor supports… */
  needId: string;
  /** …another open one, a resolved one, and one hidden by a moderator (its title secret). */
  otherNeedId: string;
  resolvedNeedId: string;
  hiddenNeedTitle: string;
  /** An initiative the owner owns and the member is a stakeholder of (not an owner)… */
  initiativeId: string;
  /** …the target user's stakeholder row, a join request of the requester, a milestone… */
  stakeholderId: string;
  joinRequestId: string;
  milestoneId: string;
  /** …facilitation the world's organisation (a public body) was asked for… */
  facilitationId: string;
  /** …and a hidden initiative whose title only moderators may see. */
  hiddenInitiativeTitle: string;
  /** A public offer of the world's organisation (made by the owner): its members act for it. */
  offerId: string;
  /** An offer only the organisation's members may see, and its secret title. */
  orgOnlyOfferId: string;
  orgOnlyOfferTitle: string;
  /** A public request of the requester (no actor) that both offers match. */
  exchangeRequestId: string;
  /** A pledge the owner proposed from the offer to that request. */
  pledgeId: string;
  /**
   * A private working group: the owner convenes it, the member and the target user are members;
   * to everyone else it does not exist. Its name is secret.
   */
  groupId: string;
  groupName: string;
  /** A public group the owner convenes (the member is a member), with a pending join request. */
  publicGroupId: string;
  groupJoinRequestId: string;
  /** In the private group: an invitation of an outsider, and one of the stranger. */
  groupInvitationId: string;
  strangerGroupInvitationId: string;
  /** A thread with a post by the member, an open proposal and a closed one by the owner. */
  threadId: string;
  postId: string;
  decisionId: string;
  closedDecisionId: string;
  /** A meeting, with an action item owned by the member. */
  meetingId: string;
  actionId: string;
  /** A document the member uploaded, and its library item. */
  fileId: string;
  libraryItemId: string;
};

export type Call = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  /** For a body that is not JSON (an upload). */
  contentType?: string;
};

export type MatrixRow = {
  route: string;
  visibility: 'public' | 'self' | 'platform' | 'draft';
  call: (w: World) => Call;
  expect: Record<Actor, Expected>;
  /** What the answer must not contain for this actor (private content checks), when allowed. */
  mustNotReveal?: (w: World, actor: Actor) => string[];
};

const all = (e: Expected): Record<Actor, Expected> => ({
  anonymous: e,
  stranger: e,
  observer: e,
  member: e,
  orgAdmin: e,
  owner: e,
  moderator: e,
  platformAdmin: e,
});
const signedIn = (e: Expected): Record<Actor, Expected> => ({ ...all(e), anonymous: 401 });
const managers = (others: Expected): Record<Actor, Expected> => ({
  anonymous: 401,
  stranger: others,
  observer: others,
  member: others,
  orgAdmin: 'ok',
  owner: 'ok',
  moderator: others,
  platformAdmin: 'ok',
});
/** Who may edit a case of the world's organisation: its author (owner), members, moderators. */
const caseEditors = (others: Expected): Record<Actor, Expected> => ({
  anonymous: 401,
  stranger: others,
  observer: others,
  member: 'ok',
  orgAdmin: 'ok',
  owner: 'ok',
  moderator: 'ok',
  platformAdmin: 'ok',
});
/** Who may record or remove the organisation's adoptions: its members and moderators. */
const adoptionEditors = (allowed: Expected): Record<Actor, Expected> => ({
  anonymous: 401,
  stranger: 403,
  observer: 403,
  member: allowed,
  orgAdmin: allowed,
  owner: allowed,
  moderator: allowed,
  platformAdmin: allowed,
});
/**
 * A private space: its owner, member and observer see it; to everyone else — the organisation's
 * admin, moderators and platform admins included — it does not exist (404).
 */
const spaceReaders: Record<Actor, Expected> = {
  anonymous: 404,
  stranger: 404,
  observer: 'ok',
  member: 'ok',
  orgAdmin: 404,
  owner: 'ok',
  moderator: 404,
  platformAdmin: 404,
};
/** Only the space's owner manages it; its member and observer get 403, others 401/404. */
const spaceManagers: Record<Actor, Expected> = {
  ...spaceReaders,
  anonymous: 401,
  member: 403,
  observer: 403,
};
/** Owners and members write in the space (experiments); observers only read. */
const spaceWriters: Record<Actor, Expected> = { ...spaceReaders, anonymous: 401, observer: 403 };
/** Only the invited person (the stranger) may answer an invitation; to others it does not exist. */
const invitee: Record<Actor, Expected> = { ...all(404), anonymous: 401, stranger: 'ok' };
/** Moderators (and platform admins) only. */
const moderators: Record<Actor, Expected> = {
  ...all(403),
  anonymous: 401,
  moderator: 'ok',
  platformAdmin: 'ok',
};
/** Members of the world's organisation, whatever their role. */
const organisationMembers: Record<Actor, Expected> = {
  ...all(403),
  anonymous: 401,
  member: 'ok',
  orgAdmin: 'ok',
  owner: 'ok',
};
/** Those who act for the organisation's exchange items: its members. */
const itemOwners: Record<Actor, Expected> = { ...organisationMembers };
/** An organisation-only item: its members see it; to everyone else it does not exist. */
const orgOnlyReaders: Record<Actor, Expected> = {
  ...all(404),
  member: 'ok',
  orgAdmin: 'ok',
  owner: 'ok',
};
const hideOrgOnly = (w: World, actor: Actor) =>
  orgOnlyReaders[actor] === 'ok' ? [] : [w.orgOnlyOfferTitle];
/** A private group: its convener (the owner) and members see it; to everyone else it does not exist. */
const groupReaders: Record<Actor, Expected> = { ...all(404), member: 'ok', owner: 'ok' };
/** Members take part; anonymous people are asked to sign in first. */
const groupWriters: Record<Actor, Expected> = { ...groupReaders, anonymous: 401 };
/** Only the convener manages; the member gets 403. */
const groupManagers: Record<Actor, Expected> = { ...groupWriters, member: 403 };
/** The public group: its convener only; everyone else may see it. */
const publicGroupManagers: Record<Actor, Expected> = { ...all(403), anonymous: 401, owner: 'ok' };
const hideGroup = (w: World, actor: Actor) => (groupReaders[actor] === 'ok' ? [] : [w.groupName]);
/** The owner of the world's initiative only. */
const initiativeOwner: Record<Actor, Expected> = { ...all(403), anonymous: 401, owner: 'ok' };
const hideHiddenNeed = (w: World, actor: Actor) =>
  moderators[actor] === 'ok' ? [] : [w.hiddenNeedTitle];
const hideSpace = (w: World, actor: Actor) =>
  spaceReaders[actor] === 'ok' ? [] : [w.spaceName, ...w.experimentTitles];
/** Who may see the draft: its editors; to everyone else it does not exist. */
const draftReaders: Record<Actor, Expected> = { ...caseEditors(404), anonymous: 404 };
const hideDraft = (w: World) => [w.draftTitle, w.draftCoder, w.draftPartner];
const hideDraftFromNonEditors = (w: World, actor: Actor) =>
  draftReaders[actor] === 'ok' ? [] : hideDraft(w);
const caseExample = {
  title: 'A matrix case',
  summary: 'Written by the permission matrix.',
  countries: ['NL'],
  level: 'local',
};

/** A small crisp analysis (four cases, two conditions). */
export const qcaExample = {
  data: {
    columns: ['A', 'B', 'Y'],
    rows: [
      { case: 'one', values: [1, 0, 1] },
      { case: 'two', values: [1, 1, 1] },
      { case: 'three', values: [0, 1, 0] },
      { case: 'four', values: [0, 0, 0] },
    ],
  },
  params: { outcome: 'Y', conditions: ['A', 'B'], include: '?' },
};

const hideEmailsFromNonManagers = (w: World, actor: Actor) =>
  actor === 'owner' || actor === 'orgAdmin' || actor === 'platformAdmin' ? [] : w.memberEmails;

let n = 0;
const freshEmail = () => `matrix-${Date.now().toString(36)}-${++n}@example.org`;

export const MATRIX: MatrixRow[] = [
  {
    route: 'GET /api/health',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/health' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/ready',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/ready' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/openapi.json',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/openapi.json' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/session',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/session' }),
    expect: all('ok'),
  },
  {
    route: 'POST /api/auth/sign-up',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'New', email: freshEmail(), password: 'matrix-password-1' },
    }),
    expect: all('ok'),
  },
  {
    route: 'POST /api/auth/sign-in',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: w.outsiderEmail, password: 'wrong password here' },
    }),
    expect: all(401),
  },
  {
    route: 'POST /api/auth/sign-out',
    visibility: 'self',
    call: () => ({ method: 'POST', url: '/api/auth/sign-out' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/me',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me' }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/me/organisations',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/organisations' }),
    expect: signedIn('ok'),
  },
  {
    route: 'PATCH /api/me',
    visibility: 'self',
    call: () => ({ method: 'PATCH', url: '/api/me', payload: { locale: 'nl' } }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/me/password',
    visibility: 'self',
    call: () => ({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'wrong', newPassword: 'a-new-password-123' },
    }),
    expect: signedIn(400),
  },
  {
    route: 'GET /api/me/export',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/export' }),
    expect: signedIn('ok'),
    mustNotReveal: (w, actor) =>
      w.memberEmails.filter(() => actor === 'stranger' || actor === 'moderator'),
  },
  {
    route: 'POST /api/me/delete',
    visibility: 'self',
    call: () => ({
      method: 'POST',
      url: '/api/me/delete',
      payload: { password: 'wrong password' },
    }),
    expect: signedIn(400),
  },
  {
    route: 'GET /api/organisations',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/organisations?limit=100' }),
    expect: all('ok'),
    mustNotReveal: (w) => w.memberEmails,
  },
  {
    route: 'POST /api/organisations',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/organisations',
      payload: { name: 'Matrix Org', kind: 'company', country: 'BE' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/organisations/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/organisations/${w.orgId}` }),
    expect: all('ok'),
    mustNotReveal: (w) => w.memberEmails,
  },
  {
    route: 'PATCH /api/organisations/:id',
    visibility: 'public',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/organisations/${w.orgId}`,
      payload: { description: 'Edited' },
    }),
    expect: managers(403),
  },
  {
    route: 'GET /api/organisations/:id/members',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/organisations/${w.orgId}/members` }),
    expect: signedIn('ok'),
    mustNotReveal: hideEmailsFromNonManagers,
  },
  {
    route: 'POST /api/organisations/:id/members',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/organisations/${w.orgId}/members`,
      payload: { email: w.outsiderEmail },
    }),
    expect: managers(403),
  },
  {
    route: 'PATCH /api/organisations/:id/members/:userId',
    visibility: 'public',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/organisations/${w.orgId}/members/${w.targetUserId}`,
      payload: { role: 'admin' },
    }),
    expect: managers(403),
  },
  {
    route: 'DELETE /api/organisations/:id/members/:userId',
    visibility: 'public',
    call: (w) => ({
      method: 'DELETE',
      url: `/api/organisations/${w.orgId}/members/${w.targetUserId}`,
    }),
    expect: managers(403),
  },
  {
    route: 'POST /api/organisations/:id/join-requests',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/organisations/${w.orgId}/join-requests`,
      payload: {},
    }),
    // Members are already in: 409. Everyone else signed in may ask.
    expect: {
      anonymous: 401,
      stranger: 'ok',
      observer: 'ok',
      member: 409,
      orgAdmin: 409,
      owner: 409,
      moderator: 'ok',
      platformAdmin: 'ok',
    },
  },
  {
    route: 'GET /api/organisations/:id/join-requests',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/organisations/${w.orgId}/join-requests` }),
    expect: managers(403),
  },
  {
    route: 'POST /api/organisations/:id/join-requests/:requestId/decision',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/organisations/${w.orgId}/join-requests/${w.requestId}/decision`,
      payload: { decision: 'decline' },
    }),
    expect: managers(403),
  },
  {
    route: 'GET /api/audit',
    visibility: 'platform',
    call: () => ({ method: 'GET', url: '/api/audit' }),
    expect: {
      anonymous: 401,
      stranger: 403,
      observer: 403,
      member: 403,
      orgAdmin: 403,
      owner: 403,
      moderator: 403,
      platformAdmin: 'ok',
    },
  },
  // ---- the case library ----
  {
    route: 'GET /api/cases',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/cases?limit=100' }),
    expect: all('ok'),
    // Drafts stay out of search and counts for everyone, their editors included.
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/cases',
    visibility: 'draft',
    call: (w) => ({ method: 'GET', url: `/api/cases?q=${encodeURIComponent(w.draftTitle)}` }),
    expect: all('ok'),
    mustNotReveal: (w) => [w.draftTitle, w.draftCaseId],
  },
  {
    route: 'POST /api/cases',
    visibility: 'public',
    call: () => ({ method: 'POST', url: '/api/cases', payload: caseExample }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/cases/mine',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/cases/mine' }),
    expect: signedIn('ok'),
    // Moderators may edit the draft but it is not theirs: "mine" lists authors' and lead members' cases.
    mustNotReveal: (w, actor) =>
      ['member', 'orgAdmin', 'owner'].includes(actor) ? [] : [w.draftTitle],
  },
  {
    route: 'GET /api/cases/compare',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/cases/compare' }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/cases/coders',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/cases/coders' }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/cases/agreement',
    visibility: 'draft',
    call: (w) => {
      const coder = encodeURIComponent(`name:${w.draftCoder}`);
      return { method: 'GET', url: `/api/cases/agreement?coderA=${coder}&coderB=${coder}` };
    },
    // A coder of drafts only is unknown to the agreement: nothing about the draft comes out.
    expect: all(400),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/cases/export',
    visibility: 'draft',
    call: () => ({ method: 'GET', url: '/api/cases/export?format=json' }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/cases/codebook',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/cases/codebook' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/cases/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}` }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/cases/:id',
    visibility: 'draft',
    call: (w) => ({ method: 'GET', url: `/api/cases/${w.draftCaseId}` }),
    expect: draftReaders,
    mustNotReveal: hideDraftFromNonEditors,
  },
  {
    route: 'PATCH /api/cases/:id',
    visibility: 'public',
    call: (w) => ({ method: 'PATCH', url: `/api/cases/${w.caseId}`, payload: { title: 'Edited' } }),
    expect: caseEditors(403),
  },
  {
    route: 'PATCH /api/cases/:id',
    visibility: 'draft',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/cases/${w.draftCaseId}`,
      payload: { title: 'Edited' },
    }),
    expect: caseEditors(404),
    mustNotReveal: hideDraftFromNonEditors,
  },
  {
    route: 'GET /api/cases/:id/similar',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/similar` }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/cases/:id/similar',
    visibility: 'draft',
    call: (w) => ({ method: 'GET', url: `/api/cases/${w.draftCaseId}/similar` }),
    expect: draftReaders,
  },
  {
    route: 'POST /api/cases/:id/codes',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.caseId}/codes`,
      payload: { factor: 'org.leadership', direction: 'driver', evidence: 'Matrix' },
    }),
    // Every signed-in person may code a published case (the member coded another factor).
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/cases/:id/codes',
    visibility: 'draft',
    call: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.draftCaseId}/codes`,
      payload: { factor: 'org.leadership', direction: 'driver', evidence: 'Matrix' },
    }),
    expect: caseEditors(404),
  },
  {
    route: 'DELETE /api/cases/:id/codes/:codeId',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/cases/${w.caseId}/codes/${w.codeId}` }),
    // Only the coder (the plain member) and moderators remove a code.
    expect: {
      anonymous: 401,
      stranger: 403,
      observer: 403,
      member: 'ok',
      orgAdmin: 403,
      owner: 403,
      moderator: 'ok',
      platformAdmin: 'ok',
    },
  },
  {
    route: 'DELETE /api/cases/:id',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/cases/${w.caseId}` }),
    expect: caseEditors(403),
  },
  {
    route: 'DELETE /api/cases/:id',
    visibility: 'draft',
    call: (w) => ({ method: 'DELETE', url: `/api/cases/${w.draftCaseId}` }),
    expect: caseEditors(404),
  },
  // ---- the QCA workbench ----
  {
    route: 'GET /api/network',
    visibility: 'draft',
    call: () => ({ method: 'GET', url: '/api/network' }),
    expect: all('ok'),
    mustNotReveal: hideDraftFromNonEditors,
  },
  {
    route: 'GET /api/network/export',
    visibility: 'draft',
    call: () => ({ method: 'GET', url: '/api/network/export?format=graphml' }),
    expect: all('ok'),
    mustNotReveal: hideDraftFromNonEditors,
  },
  {
    route: 'GET /api/adoptions',
    visibility: 'draft',
    call: (w) => ({ method: 'GET', url: `/api/adoptions?organisation=${w.orgId}` }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'POST /api/adoptions',
    visibility: 'public',
    // The organisation already recorded this case: those allowed past authorisation get 409.
    call: (w) => ({
      method: 'POST',
      url: '/api/adoptions',
      payload: {
        organisationId: w.orgId,
        caseId: w.caseId,
        adoptedOn: '2020-05-01',
        mechanism: 'learning',
      },
    }),
    expect: adoptionEditors(409),
  },
  {
    route: 'DELETE /api/adoptions/:id',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/adoptions/${w.adoptionId}` }),
    expect: adoptionEditors('ok'),
  },
  {
    route: 'GET /api/diffusion',
    visibility: 'draft',
    call: () => ({ method: 'GET', url: '/api/diffusion?unit=organisation' }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/diffusion/eha',
    visibility: 'draft',
    // The world's cases have no year: nobody adopted at a known time, so there is nothing to fit.
    call: () => ({ method: 'GET', url: '/api/diffusion/eha?covariate=year' }),
    expect: all(400),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/diffusion/suggestions',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/diffusion/suggestions?organisation=${w.orgId}` }),
    expect: all('ok'),
    mustNotReveal: hideDraft,
  },
  {
    route: 'GET /api/spaces',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/spaces' }),
    expect: all('ok'),
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/spaces',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/spaces',
      payload: { name: 'A matrix space', visibility: 'private' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/spaces/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/spaces/${w.spaceId}` }),
    expect: spaceReaders,
    mustNotReveal: hideSpace,
  },
  {
    route: 'PATCH /api/spaces/:id',
    visibility: 'self',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/spaces/${w.spaceId}`,
      payload: { description: 'Changed by the matrix.' },
    }),
    expect: spaceManagers,
    mustNotReveal: hideSpace,
  },
  {
    route: 'GET /api/spaces/:id/members',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/spaces/${w.spaceId}/members` }),
    expect: spaceReaders,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/spaces/:id/members',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/spaces/${w.spaceId}/members`,
      payload: { email: w.outsiderEmail, role: 'observer' },
    }),
    expect: spaceManagers,
    mustNotReveal: hideSpace,
  },
  {
    route: 'DELETE /api/spaces/:id/members/:userId',
    visibility: 'self',
    call: (w) => ({
      method: 'DELETE',
      url: `/api/spaces/${w.spaceId}/members/${w.targetUserId}`,
    }),
    expect: spaceManagers,
  },
  {
    route: 'GET /api/spaces/:id/access-log',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/spaces/${w.spaceId}/access-log` }),
    expect: spaceManagers,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/qca/dataset',
    visibility: 'draft',
    call: () => ({
      method: 'POST',
      url: '/api/qca/dataset',
      payload: {
        codedOnly: false,
        sets: [
          { name: 'CULT', source: 'barrier', factor: 'org.culture' },
          { name: 'NL', source: 'tradition', value: 'germanic' },
        ],
      },
    }),
    expect: all('ok'),
    // Built from published cases only: the draft (coded too) never enters a data set.
    mustNotReveal: hideDraft,
  },
  {
    route: 'POST /api/qca/run',
    visibility: 'public',
    call: () => ({ method: 'POST', url: '/api/qca/run', payload: qcaExample }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/qca/script',
    visibility: 'public',
    call: () => ({ method: 'POST', url: '/api/qca/script', payload: qcaExample }),
    expect: all('ok'),
  },
  {
    route: 'POST /api/qca/analyses',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/qca/analyses',
      payload: { ...qcaExample, title: 'Matrix analysis' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/qca/analyses',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/qca/analyses' }),
    expect: signedIn('ok'),
    // Only the owner's list holds the world's analysis.
    mustNotReveal: (w, actor) => (actor === 'owner' ? [] : [w.analysisId]),
  },
  {
    route: 'GET /api/qca/analyses/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/qca/analyses/${w.analysisId}` }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/qca/analyses/:id/script.R',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/qca/analyses/${w.analysisId}/script.R` }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/qca/analyses/:id/data.csv',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/qca/analyses/${w.analysisId}/data.csv` }),
    expect: all('ok'),
  },
  {
    route: 'DELETE /api/qca/analyses/:id',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/qca/analyses/${w.analysisId}` }),
    expect: {
      anonymous: 401,
      stranger: 403,
      observer: 403,
      member: 403,
      orgAdmin: 403,
      owner: 'ok',
      moderator: 'ok',
      platformAdmin: 'ok',
    },
  },
  // ---- safe havens: invitations, experiments, lessons ----
  {
    route: 'GET /api/spaces/:id/invitations',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/spaces/${w.spaceId}/invitations` }),
    expect: spaceManagers,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/spaces/:id/invitations',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/spaces/${w.spaceId}/invitations`,
      payload: { email: 'someone-new@example.org', role: 'member' },
    }),
    expect: spaceManagers,
    mustNotReveal: hideSpace,
  },
  {
    route: 'DELETE /api/spaces/:id/invitations/:invitationId',
    visibility: 'self',
    call: (w) => ({
      method: 'DELETE',
      url: `/api/spaces/${w.spaceId}/invitations/${w.invitationId}`,
    }),
    expect: spaceManagers,
  },
  {
    route: 'GET /api/me/invitations',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/invitations' }),
    expect: signedIn('ok'),
    // The stranger is invited: the space's name (not its content) is what the invitation shows.
    mustNotReveal: (w, actor) => (actor === 'stranger' ? w.experimentTitles : hideSpace(w, actor)),
  },
  {
    route: 'POST /api/me/invitations/:id/accept',
    visibility: 'self',
    call: (w) => ({ method: 'POST', url: `/api/me/invitations/${w.strangerInvitationId}/accept` }),
    expect: invitee,
    mustNotReveal: (w, actor) => (actor === 'stranger' ? [] : hideSpace(w, actor)),
  },
  {
    route: 'POST /api/me/invitations/:id/decline',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/me/invitations/${w.strangerInvitationId}/decline`,
    }),
    expect: invitee,
  },
  {
    route: 'GET /api/spaces/:id/experiments',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/spaces/${w.spaceId}/experiments` }),
    expect: spaceReaders,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/spaces/:id/experiments',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/spaces/${w.spaceId}/experiments`,
      payload: { title: 'A matrix experiment', design: 'pilot' },
    }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'GET /api/experiments/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/experiments/${w.runningExperimentId}` }),
    expect: spaceReaders,
    mustNotReveal: hideSpace,
  },
  {
    route: 'PATCH /api/experiments/:id',
    visibility: 'self',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/experiments/${w.runningExperimentId}`,
      payload: { lessonsWorked: 'Written by the matrix.' },
    }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/experiments/:id/start',
    visibility: 'self',
    call: (w) => ({ method: 'POST', url: `/api/experiments/${w.plannedExperimentId}/start` }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/experiments/:id/stop',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/experiments/${w.runningExperimentId}/stop`,
      payload: { reason: 'Stopped by the matrix' },
    }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/experiments/:id/complete',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/experiments/${w.runningExperimentId}/complete`,
      payload: { result: 'inconclusive' },
    }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/experiments/:id/allocation',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/experiments/${w.runningExperimentId}/allocation`,
      payload: { method: 'block', seed: 7, units: [{ id: 'u1' }, { id: 'u2' }] },
    }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'GET /api/experiments/:id/allocation.csv',
    visibility: 'self',
    call: (w) => ({
      method: 'GET',
      url: `/api/experiments/${w.runningExperimentId}/allocation.csv`,
    }),
    expect: spaceReaders,
  },
  {
    route: 'POST /api/experiments/:id/outcomes',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/experiments/${w.runningExperimentId}/outcomes`,
      payload: { csv: 'unit,arm,value\nu1,control,0\nu2,treatment,1\n' },
    }),
    expect: spaceWriters,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/experiments/:id/decisions',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/experiments/${w.runningExperimentId}/decisions`,
      payload: { text: 'Decided by the matrix' },
    }),
    expect: spaceWriters,
  },
  {
    route: 'GET /api/experiments/:id/publication',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/experiments/${w.endedExperimentId}/publication` }),
    expect: spaceManagers,
    mustNotReveal: hideSpace,
  },
  {
    route: 'POST /api/experiments/:id/publication',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/experiments/${w.endedExperimentId}/publication`,
      payload: { anonymise: true, confirm: true },
    }),
    expect: spaceManagers,
    mustNotReveal: (w) => [w.spaceName],
  },
  {
    route: 'DELETE /api/experiments/:id/publication',
    visibility: 'self',
    call: (w) => ({
      method: 'DELETE',
      url: `/api/experiments/${w.publishedExperimentId}/publication`,
    }),
    expect: spaceManagers,
  },
  {
    route: 'GET /api/lessons',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/lessons' }),
    expect: all('ok'),
    // Only the published, anonymised lesson: never the space, its people or other experiments.
    mustNotReveal: (w) => [w.spaceName, ...w.experimentTitles, w.memberEmails[0]!, 'Matrix owner'],
  },
  {
    route: 'GET /api/lessons/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/lessons/${w.lessonId}` }),
    expect: all('ok'),
    mustNotReveal: (w) => [w.spaceName, ...w.experimentTitles, 'Matrix owner'],
  },
  // ---- notifications ----
  {
    route: 'GET /api/me/notifications',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/notifications' }),
    expect: signedIn('ok'),
    mustNotReveal: (w, actor) => (actor === 'owner' ? [] : ['Matrix notification']),
  },
  {
    route: 'POST /api/me/notifications/:id/read',
    visibility: 'self',
    call: (w) => ({ method: 'POST', url: `/api/me/notifications/${w.notificationId}/read` }),
    expect: { ...all(404), anonymous: 401, owner: 'ok' },
  },
  {
    route: 'POST /api/me/notifications/read-all',
    visibility: 'self',
    call: () => ({ method: 'POST', url: '/api/me/notifications/read-all' }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/me/notification-settings',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/notification-settings' }),
    expect: signedIn('ok'),
  },
  {
    route: 'PUT /api/me/notification-settings',
    visibility: 'self',
    call: () => ({
      method: 'PUT',
      url: '/api/me/notification-settings',
      payload: { emailFrequency: 'weekly' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/unsubscribe',
    visibility: 'public',
    // The token from the e-mail is the only credential: whoever holds it may use it, once.
    call: (w) => ({ method: 'POST', url: `/api/unsubscribe?token=${w.unsubscribeToken}` }),
    expect: all('ok'),
  },
  // ---- needs and responsiveness ----
  {
    route: 'GET /api/needs',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/needs?sort=newest' }),
    expect: all('ok'),
    mustNotReveal: hideHiddenNeed,
  },
  {
    route: 'GET /api/needs/similar',
    visibility: 'public',
    call: (w) => ({
      method: 'GET',
      url: `/api/needs/similar?title=${encodeURIComponent(w.hiddenNeedTitle)}`,
    }),
    expect: all('ok'),
    mustNotReveal: hideHiddenNeed,
  },
  {
    route: 'POST /api/needs',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: '/api/needs',
      payload: { title: 'A matrix need', country: 'NL', responsibleOrganisationId: w.orgId },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/needs/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/needs/${w.needId}` }),
    expect: all('ok'),
  },
  {
    route: 'PATCH /api/needs/:id',
    visibility: 'public',
    // Its author is someone else: only moderators may change it.
    call: (w) => ({ method: 'PATCH', url: `/api/needs/${w.needId}`, payload: { place: 'Matrix' } }),
    expect: moderators,
  },
  {
    route: 'POST /api/needs/:id/support',
    visibility: 'public',
    call: (w) => ({ method: 'POST', url: `/api/needs/${w.otherNeedId}/support` }),
    expect: signedIn('ok'),
  },
  {
    route: 'DELETE /api/needs/:id/support',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/needs/${w.needId}/support` }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/needs/:id/follow',
    visibility: 'public',
    call: (w) => ({ method: 'POST', url: `/api/needs/${w.needId}/follow` }),
    expect: signedIn('ok'),
  },
  {
    route: 'DELETE /api/needs/:id/follow',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/needs/${w.needId}/follow` }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/needs/:id/comments',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/needs/${w.needId}/comments`,
      payload: { body: 'A matrix comment' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/needs/:id/status',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/needs/${w.needId}/status`,
      payload: { status: 'acknowledged' },
    }),
    expect: organisationMembers,
  },
  {
    route: 'POST /api/needs/:id/reopen',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/needs/${w.resolvedNeedId}/reopen`,
      payload: { reason: 'Reopened by the matrix' },
    }),
    expect: organisationMembers,
  },
  {
    route: 'POST /api/needs/:id/merge',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/needs/${w.otherNeedId}/merge`,
      payload: { into: w.needId },
    }),
    expect: moderators,
  },
  {
    route: 'GET /api/responsiveness',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/responsiveness' }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/organisations/:id/responsiveness',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/organisations/${w.orgId}/responsiveness` }),
    expect: all('ok'),
  },
  // ---- initiatives and facilitation ----
  {
    route: 'GET /api/initiatives',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/initiatives' }),
    expect: all('ok'),
    mustNotReveal: (w, actor) => (moderators[actor] === 'ok' ? [] : [w.hiddenInitiativeTitle]),
  },
  {
    route: 'POST /api/initiatives',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/initiatives',
      payload: { title: 'A matrix initiative', country: 'NL' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/initiatives/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/initiatives/${w.initiativeId}` }),
    expect: all('ok'),
  },
  {
    route: 'PATCH /api/initiatives/:id',
    visibility: 'public',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/initiatives/${w.initiativeId}`,
      payload: { stage: 'implementing' },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'POST /api/initiatives/:id/stakeholders',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/stakeholders`,
      payload: { email: w.outsiderEmail, role: 'partner' },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'DELETE /api/initiatives/:id/stakeholders/:stakeholderId',
    visibility: 'public',
    call: (w) => ({
      method: 'DELETE',
      url: `/api/initiatives/${w.initiativeId}/stakeholders/${w.stakeholderId}`,
    }),
    expect: initiativeOwner,
  },
  {
    route: 'POST /api/initiatives/:id/join-requests',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/join-requests`,
      payload: { role: 'co_designer' },
    }),
    // Its stakeholders (owner, member) are in already.
    expect: { ...signedIn('ok'), member: 409, owner: 409 },
  },
  {
    route: 'POST /api/initiatives/:id/join-requests/:requestId',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/join-requests/${w.joinRequestId}`,
      payload: { accept: true },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'POST /api/initiatives/:id/follow',
    visibility: 'public',
    call: (w) => ({ method: 'POST', url: `/api/initiatives/${w.initiativeId}/follow` }),
    expect: signedIn('ok'),
  },
  {
    route: 'DELETE /api/initiatives/:id/follow',
    visibility: 'public',
    call: (w) => ({ method: 'DELETE', url: `/api/initiatives/${w.initiativeId}/follow` }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/initiatives/:id/milestones',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/milestones`,
      payload: { title: 'A matrix milestone', plannedOn: '2027-01-01' },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'PATCH /api/initiatives/:id/milestones/:milestoneId',
    visibility: 'public',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/initiatives/${w.initiativeId}/milestones/${w.milestoneId}`,
      payload: { doneOn: '2026-12-01' },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'POST /api/initiatives/:id/updates',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/updates`,
      payload: { body: 'News from the matrix' },
    }),
    expect: { ...initiativeOwner, member: 'ok' },
  },
  {
    route: 'POST /api/initiatives/:id/outcomes',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/outcomes`,
      payload: { dimension: 'effectiveness', evidence: 'anecdotal', description: 'It worked' },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'POST /api/initiatives/:id/needs',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/needs`,
      payload: { needId: w.needId },
    }),
    expect: initiativeOwner,
  },
  {
    route: 'POST /api/initiatives/:id/facilitation',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/initiatives/${w.initiativeId}/facilitation`,
      payload: { organisationId: w.orgId, kind: 'expertise' },
    }),
    expect: organisationMembers,
  },
  {
    route: 'POST /api/facilitation/:id/status',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/facilitation/${w.facilitationId}/status`,
      payload: { status: 'committed' },
    }),
    expect: organisationMembers,
  },
  {
    route: 'GET /api/organisations/:id/facilitation',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/organisations/${w.orgId}/facilitation` }),
    expect: all('ok'),
    mustNotReveal: (w, actor) => (moderators[actor] === 'ok' ? [] : [w.hiddenInitiativeTitle]),
  },
  {
    route: 'POST /api/initiatives/:id/publish',
    visibility: 'public',
    call: (w) => ({ method: 'POST', url: `/api/initiatives/${w.initiativeId}/publish` }),
    expect: initiativeOwner,
  },
  // ---- moderation ----
  {
    route: 'POST /api/reports',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: '/api/reports',
      payload: { targetType: 'need', targetId: w.needId, reason: 'Reported by the matrix' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/moderation/queue',
    visibility: 'platform',
    call: () => ({ method: 'GET', url: '/api/moderation/queue' }),
    expect: moderators,
  },
  {
    route: 'POST /api/moderation/hide',
    visibility: 'platform',
    call: (w) => ({
      method: 'POST',
      url: '/api/moderation/hide',
      payload: { targetType: 'need', targetId: w.needId, justification: 'Hidden by the matrix' },
    }),
    expect: moderators,
  },
  {
    route: 'POST /api/moderation/restore',
    visibility: 'platform',
    call: (w) => ({
      method: 'POST',
      url: '/api/moderation/restore',
      payload: { targetType: 'need', targetId: w.needId, justification: 'Restored by the matrix' },
    }),
    expect: moderators,
  },
  {
    route: 'PUT /api/organisations/:id/premoderation',
    visibility: 'public',
    call: (w) => ({
      method: 'PUT',
      url: `/api/organisations/${w.orgId}/premoderation`,
      payload: { required: true },
    }),
    expect: { ...moderators, orgAdmin: 'ok', owner: 'ok' },
  },
  // ---- resource exchange ----
  {
    route: 'GET /api/exchange/items',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/exchange/items' }),
    expect: all('ok'),
    mustNotReveal: hideOrgOnly,
  },
  {
    route: 'POST /api/exchange/items',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/exchange/items',
      payload: { side: 'offer', kind: 'knowledge', title: 'Know-how from the matrix' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/exchange/items/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/exchange/items/${w.orgOnlyOfferId}` }),
    expect: orgOnlyReaders,
  },
  {
    route: 'PATCH /api/exchange/items/:id',
    visibility: 'public',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/exchange/items/${w.offerId}`,
      payload: { title: 'Changed by the matrix' },
    }),
    expect: itemOwners,
  },
  {
    route: 'POST /api/exchange/items/:id/status',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/exchange/items/${w.offerId}/status`,
      payload: { status: 'closed' },
    }),
    expect: itemOwners,
  },
  {
    route: 'GET /api/exchange/items/:id/matches',
    visibility: 'public',
    call: (w) => ({
      method: 'GET',
      url: `/api/exchange/items/${w.exchangeRequestId}/matches?limit=50`,
    }),
    expect: all('ok'),
    mustNotReveal: hideOrgOnly,
  },
  {
    route: 'GET /api/exchange/items/:id/pledges',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/exchange/items/${w.offerId}/pledges` }),
    expect: all('ok'),
  },
  {
    route: 'POST /api/exchange/pledges',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: '/api/exchange/pledges',
      payload: { requestId: w.exchangeRequestId, hours: 5 },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/exchange/pledges/:id',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/exchange/pledges/${w.pledgeId}` }),
    expect: all('ok'),
  },
  {
    route: 'POST /api/exchange/pledges/:id/status',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/exchange/pledges/${w.pledgeId}/status`,
      payload: { status: 'cancelled' },
    }),
    expect: itemOwners,
  },
  {
    route: 'GET /api/me/pledges',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/pledges' }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/initiatives/:id/ledger',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/initiatives/${w.initiativeId}/ledger` }),
    expect: all('ok'),
  },
  {
    route: 'GET /api/organisations/:id/capacity',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/organisations/${w.orgId}/capacity` }),
    expect: all('ok'),
  },
  // ---- working groups ----
  {
    route: 'GET /api/groups',
    visibility: 'public',
    call: () => ({ method: 'GET', url: '/api/groups' }),
    expect: all('ok'),
    mustNotReveal: hideGroup,
  },
  {
    route: 'POST /api/groups',
    visibility: 'public',
    call: () => ({
      method: 'POST',
      url: '/api/groups',
      payload: { name: 'Matrix group', visibility: 'public', affiliation: 'policy', country: 'NL' },
    }),
    expect: signedIn('ok'),
  },
  {
    route: 'GET /api/groups/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}` }),
    expect: groupReaders,
  },
  {
    route: 'PATCH /api/groups/:id',
    visibility: 'self',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/groups/${w.groupId}`,
      payload: { purpose: 'Changed' },
    }),
    expect: groupManagers,
  },
  {
    route: 'GET /api/groups/:id/members',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/members` }),
    expect: groupReaders,
  },
  {
    route: 'PATCH /api/groups/:id/members/:userId',
    visibility: 'self',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/groups/${w.groupId}/members/${w.targetUserId}`,
      payload: { role: 'convener' },
    }),
    expect: groupManagers,
  },
  {
    route: 'DELETE /api/groups/:id/members/:userId',
    visibility: 'self',
    call: (w) => ({ method: 'DELETE', url: `/api/groups/${w.groupId}/members/${w.targetUserId}` }),
    expect: groupManagers,
  },
  {
    route: 'POST /api/groups/:id/join-requests',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.publicGroupId}/join-requests`,
      payload: { affiliation: 'academia', country: 'BE' },
    }),
    expect: { ...signedIn('ok'), owner: 409, member: 409 },
  },
  {
    route: 'GET /api/groups/:id/join-requests',
    visibility: 'public',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.publicGroupId}/join-requests` }),
    expect: publicGroupManagers,
  },
  {
    route: 'POST /api/groups/:id/join-requests/:requestId',
    visibility: 'public',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.publicGroupId}/join-requests/${w.groupJoinRequestId}`,
      payload: { accept: true },
    }),
    expect: publicGroupManagers,
  },
  {
    route: 'POST /api/groups/:id/invitations',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.groupId}/invitations`,
      payload: { email: `new-${w.outsiderEmail}` },
    }),
    expect: groupManagers,
  },
  {
    route: 'GET /api/groups/:id/invitations',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/invitations` }),
    expect: groupManagers,
  },
  {
    route: 'DELETE /api/groups/:id/invitations/:invitationId',
    visibility: 'self',
    call: (w) => ({
      method: 'DELETE',
      url: `/api/groups/${w.groupId}/invitations/${w.groupInvitationId}`,
    }),
    expect: groupManagers,
  },
  {
    route: 'GET /api/me/group-invitations',
    visibility: 'self',
    call: () => ({ method: 'GET', url: '/api/me/group-invitations' }),
    expect: signedIn('ok'),
  },
  {
    route: 'POST /api/me/group-invitations/:id',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/me/group-invitations/${w.strangerGroupInvitationId}`,
      payload: { accept: false },
    }),
    expect: invitee,
  },
  {
    route: 'GET /api/groups/:id/profile',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/profile` }),
    expect: groupReaders,
  },
  {
    route: 'GET /api/groups/:id/threads',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/threads` }),
    expect: groupReaders,
  },
  {
    route: 'POST /api/groups/:id/threads',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.groupId}/threads`,
      payload: { title: 'Matrix thread', body: 'Hello' },
    }),
    expect: groupWriters,
  },
  {
    route: 'GET /api/threads/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/threads/${w.threadId}` }),
    expect: groupReaders,
  },
  {
    route: 'POST /api/threads/:id/posts',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/threads/${w.threadId}/posts`,
      payload: { body: 'Reply' },
    }),
    expect: groupWriters,
  },
  {
    route: 'PATCH /api/posts/:id',
    visibility: 'self',
    call: (w) => ({ method: 'PATCH', url: `/api/posts/${w.postId}`, payload: { body: 'Edited' } }),
    expect: { ...groupWriters, owner: 403 },
  },
  {
    route: 'GET /api/posts/:id/revisions',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/posts/${w.postId}/revisions` }),
    expect: groupReaders,
  },
  {
    route: 'PUT /api/threads/:id/follow',
    visibility: 'self',
    call: (w) => ({ method: 'PUT', url: `/api/threads/${w.threadId}/follow` }),
    expect: groupWriters,
  },
  {
    route: 'DELETE /api/threads/:id/follow',
    visibility: 'self',
    call: (w) => ({ method: 'DELETE', url: `/api/threads/${w.threadId}/follow` }),
    expect: groupWriters,
  },
  {
    route: 'GET /api/groups/:id/decisions',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/decisions` }),
    expect: groupReaders,
  },
  {
    route: 'POST /api/groups/:id/decisions',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.groupId}/decisions`,
      payload: {
        kind: 'proposal',
        title: 'Matrix proposal',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
    expect: groupWriters,
  },
  {
    route: 'GET /api/decisions/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/decisions/${w.decisionId}` }),
    expect: groupReaders,
  },
  {
    route: 'PUT /api/decisions/:id/vote',
    visibility: 'self',
    call: (w) => ({
      method: 'PUT',
      url: `/api/decisions/${w.decisionId}/vote`,
      payload: { stance: 'agree' },
    }),
    expect: groupWriters,
  },
  {
    route: 'POST /api/decisions/:id/close',
    visibility: 'self',
    call: (w) => ({ method: 'POST', url: `/api/decisions/${w.decisionId}/close` }),
    expect: groupManagers,
  },
  {
    route: 'PUT /api/decisions/:id/outcome',
    visibility: 'self',
    call: (w) => ({
      method: 'PUT',
      url: `/api/decisions/${w.closedDecisionId}/outcome`,
      payload: { outcome: 'Decided by the matrix' },
    }),
    expect: groupManagers,
  },
  {
    route: 'GET /api/groups/:id/meetings',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/meetings` }),
    expect: groupReaders,
  },
  {
    route: 'POST /api/groups/:id/meetings',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.groupId}/meetings`,
      payload: {
        title: 'Matrix meeting',
        startsAt: '2027-05-01T10:00:00Z',
        endsAt: '2027-05-01T11:00:00Z',
        timeZone: 'Europe/Amsterdam',
      },
    }),
    expect: groupManagers,
  },
  {
    route: 'GET /api/groups/:id/calendar.ics',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/calendar.ics` }),
    expect: groupReaders,
  },
  {
    route: 'GET /api/meetings/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/meetings/${w.meetingId}` }),
    expect: groupReaders,
  },
  {
    route: 'PATCH /api/meetings/:id',
    visibility: 'self',
    call: (w) => ({
      method: 'PATCH',
      url: `/api/meetings/${w.meetingId}`,
      payload: { minutes: 'Minutes' },
    }),
    expect: groupManagers,
  },
  {
    route: 'POST /api/meetings/:id/agenda',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/meetings/${w.meetingId}/agenda`,
      payload: { title: 'Item' },
    }),
    expect: groupManagers,
  },
  {
    route: 'PUT /api/meetings/:id/rsvp',
    visibility: 'self',
    call: (w) => ({
      method: 'PUT',
      url: `/api/meetings/${w.meetingId}/rsvp`,
      payload: { answer: 'yes' },
    }),
    expect: groupWriters,
  },
  {
    route: 'POST /api/meetings/:id/actions',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/meetings/${w.meetingId}/actions`,
      payload: { title: 'Act' },
    }),
    expect: groupManagers,
  },
  {
    route: 'PATCH /api/actions/:id',
    visibility: 'self',
    call: (w) => ({ method: 'PATCH', url: `/api/actions/${w.actionId}`, payload: { done: true } }),
    expect: groupWriters,
  },
  {
    route: 'GET /api/groups/:id/library',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/${w.groupId}/library` }),
    expect: groupReaders,
  },
  {
    route: 'POST /api/groups/:id/library',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.groupId}/library`,
      payload: { kind: 'case', caseId: w.caseId },
    }),
    expect: groupWriters,
  },
  {
    route: 'POST /api/groups/:id/library/files',
    visibility: 'self',
    call: (w) => ({
      method: 'POST',
      url: `/api/groups/${w.groupId}/library/files?name=notes.txt`,
      payload: 'Notes of the matrix.\n',
      contentType: 'application/octet-stream',
    }),
    expect: groupWriters,
  },
  {
    route: 'GET /api/groups/files/:id',
    visibility: 'self',
    call: (w) => ({ method: 'GET', url: `/api/groups/files/${w.fileId}` }),
    expect: groupReaders,
  },
  {
    route: 'DELETE /api/library/:id',
    visibility: 'self',
    call: (w) => ({ method: 'DELETE', url: `/api/library/${w.libraryItemId}` }),
    expect: groupWriters,
  },
];

/** Routes the matrix deliberately leaves out: the static API documentation pages. */
export const NOT_IN_MATRIX = [/^\/api\/docs/];
