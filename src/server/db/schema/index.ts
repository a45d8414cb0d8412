export { users } from './users.ts';
export { sessions } from './sessions.ts';
export { organisations } from './organisations.ts';
export { organisationMembers } from './organisation-members.ts';
export { joinRequests } from './join-requests.ts';
export { auditLog } from './audit-log.ts';
export {
  cases,
  caseDeletions,
  caseCountries,
  casePartners,
  caseSections,
  caseOutcomes,
  caseResources,
  caseTags,
  caseCodes,
} from './cases.ts';
export { qcaAnalyses } from './qca-analyses.ts';
export { adoptions } from './adoptions.ts';
export { spaces, spaceMembers, spaceAccessLog } from './spaces.ts';
export {
  spaceInvitations,
  experiments,
  experimentAmendments,
  experimentDecisions,
  lessons,
} from './experiments.ts';
export { notifications, notificationSettings, outbox } from './notifications.ts';
export { needs, needSupports, needFollowers, needComments, needEvents } from './needs.ts';
export {
  initiatives,
  initiativeStakeholders,
  initiativeJoinRequests,
  initiativeFollowers,
  initiativeNeeds,
  initiativeMilestones,
  initiativeUpdates,
  initiativeOutcomes,
  facilitationActions,
} from './initiatives.ts';
export { contentReports } from './moderation.ts';
export {
  exchangeItems,
  exchangeTombstones,
  exchangePledges,
  exchangePledgeEvents,
} from './exchange.ts';
export {
  groups,
  groupMembers,
  groupJoinRequests,
  groupInvitations,
  groupThreads,
  groupPosts,
  groupPostRevisions,
  groupThreadFollowers,
  groupDecisions,
  groupVotes,
  groupMeetings,
  groupAgendaItems,
  groupRsvps,
  groupActions,
  groupFiles,
  groupLibraryItems,
} from './groups.ts';
