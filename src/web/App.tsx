import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CaseComparePage } from './pages/CaseComparePage.tsx';
import { CaseCreatePage } from './pages/CaseCreatePage.tsx';
import { CaseEditPage } from './pages/CaseEditPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { CodingAgreementPage } from './pages/CodingAgreementPage.tsx';
import { DiffusionPage } from './pages/DiffusionPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { ExchangeCreatePage } from './pages/ExchangeCreatePage.tsx';
import { ExchangeItemPage } from './pages/ExchangeItemPage.tsx';
import { ExchangePage } from './pages/ExchangePage.tsx';
import { ExperimentPage } from './pages/ExperimentPage.tsx';
import { GroupCreatePage } from './pages/GroupCreatePage.tsx';
import { GroupDecisionPage } from './pages/GroupDecisionPage.tsx';
import { GroupDecisionsPage } from './pages/GroupDecisionsPage.tsx';
import { GroupLibraryPage } from './pages/GroupLibraryPage.tsx';
import { GroupMeetingPage } from './pages/GroupMeetingPage.tsx';
import { GroupMeetingsPage } from './pages/GroupMeetingsPage.tsx';
import { GroupMembersPage } from './pages/GroupMembersPage.tsx';
import { GroupPage } from './pages/GroupPage.tsx';
import { GroupsPage } from './pages/GroupsPage.tsx';
import { GroupThreadPage } from './pages/GroupThreadPage.tsx';
import { GroupThreadsPage } from './pages/GroupThreadsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { InitiativeCreatePage } from './pages/InitiativeCreatePage.tsx';
import { InitiativePage } from './pages/InitiativePage.tsx';
import { InitiativesPage } from './pages/InitiativesPage.tsx';
import { InvitationsPage } from './pages/InvitationsPage.tsx';
import { LessonPage } from './pages/LessonPage.tsx';
import { LessonsPage } from './pages/LessonsPage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { ModerationPage } from './pages/ModerationPage.tsx';
import { MyCasesPage } from './pages/MyCasesPage.tsx';
import { NeedCreatePage } from './pages/NeedCreatePage.tsx';
import { NeedPage } from './pages/NeedPage.tsx';
import { NeedsPage } from './pages/NeedsPage.tsx';
import { NetworkPage } from './pages/NetworkPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OrganisationCreatePage } from './pages/OrganisationCreatePage.tsx';
import { OrganisationEditPage } from './pages/OrganisationEditPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { PledgePage } from './pages/PledgePage.tsx';
import { PledgesPage } from './pages/PledgesPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { QcaAnalysesPage } from './pages/QcaAnalysesPage.tsx';
import { QcaAnalysisPage } from './pages/QcaAnalysisPage.tsx';
import { QcaPage } from './pages/QcaPage.tsx';
import { ResponsivenessPage } from './pages/ResponsivenessPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { SpacePage } from './pages/SpacePage.tsx';
import { SpacesPage } from './pages/SpacesPage.tsx';
import { UnsubscribePage } from './pages/UnsubscribePage.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (404, 403…) will not go away by asking again.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'organisations/new', element: <OrganisationCreatePage /> },
          { path: 'organisations/:id', element: <OrganisationPage /> },
          { path: 'organisations/:id/edit', element: <OrganisationEditPage /> },
          { path: 'organisations/:id/members', element: <MembersPage /> },
          { path: 'cases', element: <CasesPage /> },
          { path: 'cases/new', element: <CaseCreatePage /> },
          { path: 'cases/compare', element: <CaseComparePage /> },
          { path: 'cases/coding', element: <CodingAgreementPage /> },
          { path: 'cases/mine', element: <MyCasesPage /> },
          { path: 'cases/:id', element: <CasePage /> },
          { path: 'cases/:id/edit', element: <CaseEditPage /> },
          { path: 'qca', element: <QcaPage /> },
          { path: 'qca/analyses', element: <QcaAnalysesPage /> },
          { path: 'qca/analyses/:id', element: <QcaAnalysisPage /> },
          { path: 'network', element: <NetworkPage /> },
          { path: 'diffusion', element: <DiffusionPage /> },
          { path: 'spaces', element: <SpacesPage /> },
          { path: 'spaces/:id', element: <SpacePage /> },
          { path: 'experiments/:id', element: <ExperimentPage /> },
          { path: 'invitations', element: <InvitationsPage /> },
          { path: 'lessons', element: <LessonsPage /> },
          { path: 'lessons/:id', element: <LessonPage /> },
          { path: 'needs', element: <NeedsPage /> },
          { path: 'needs/new', element: <NeedCreatePage /> },
          { path: 'needs/:id', element: <NeedPage /> },
          { path: 'initiatives', element: <InitiativesPage /> },
          { path: 'initiatives/new', element: <InitiativeCreatePage /> },
          { path: 'initiatives/:id', element: <InitiativePage /> },
          { path: 'exchange', element: <ExchangePage /> },
          { path: 'exchange/new', element: <ExchangeCreatePage /> },
          { path: 'exchange/pledges', element: <PledgesPage /> },
          { path: 'exchange/pledges/:id', element: <PledgePage /> },
          { path: 'exchange/:id', element: <ExchangeItemPage /> },
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/new', element: <GroupCreatePage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          { path: 'groups/:id/members', element: <GroupMembersPage /> },
          { path: 'groups/:id/threads', element: <GroupThreadsPage /> },
          { path: 'groups/:id/threads/:threadId', element: <GroupThreadPage /> },
          { path: 'groups/:id/decisions', element: <GroupDecisionsPage /> },
          { path: 'groups/:id/decisions/:decisionId', element: <GroupDecisionPage /> },
          { path: 'groups/:id/meetings', element: <GroupMeetingsPage /> },
          { path: 'groups/:id/meetings/:meetingId', element: <GroupMeetingPage /> },
          { path: 'groups/:id/library', element: <GroupLibraryPage /> },
          { path: 'responsiveness', element: <ResponsivenessPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'unsubscribe', element: <UnsubscribePage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'moderation', element: <ModerationPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
