import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { SPACE_ROLES, type Invitation } from '../../shared/havens.ts';
import { AppLink } from '../components/AppLink.tsx';
import { GroupInvitationsSection } from '../components/groups/GroupInvitationsSection.tsx';
import {
  acceptInvitation,
  declineInvitation,
  havensKey,
  spaceKey,
  useMyInvitations,
} from '../components/havens/havens-api.ts';
import { useHavensTranslation } from '../components/havens/havens-i18n.ts';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useLabels } from '../case-labels.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { errorMessage } from '../validation.ts';

/** The invitations to spaces and to working groups waiting for my answer. */
export function InvitationsPage() {
  const { t } = useHavensTranslation();
  usePageTitle(t('myInvitations.title'));
  return (
    <div className="stack">
      <PageHeading>{t('myInvitations.title')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <InvitationList />
            <GroupInvitationsSection />
          </>
        )}
      </RequireUser>
    </div>
  );
}

function InvitationList() {
  const { t: tc } = useTranslation();
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const invitations = useMyInvitations(true);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const leadRef = useRef<HTMLParagraphElement>(null);

  async function answer(invitation: Invitation, accept: boolean) {
    if (busyId) return;
    setBusyId(invitation.id);
    try {
      if (accept) {
        const space = await acceptInvitation(invitation.id);
        queryClient.setQueryData(spaceKey(space.id), space);
        await queryClient.invalidateQueries({ queryKey: havensKey });
        await navigate(`/spaces/${space.id}`);
        return;
      }
      await declineInvitation(invitation.id);
      setFailure(null);
      setStatus(t('myInvitations.declined', { space: invitation.space.name }));
      await queryClient.invalidateQueries({ queryKey: havensKey });
      leadRef.current?.focus();
    } catch (error) {
      setStatus(null);
      setFailure(errorMessage(tc, error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="space-invitations-mine-heading" className="stack">
      <Heading level={2} data-size="sm" id="space-invitations-mine-heading">
        {t('myInvitations.spacesHeading')}
      </Heading>
      <Paragraph ref={leadRef} tabIndex={-1} className="focus-target">
        {t('myInvitations.lead')}
      </Paragraph>
      <Paragraph>
        <AppLink to="/spaces">{t('myInvitations.toSpaces')}</AppLink>
      </Paragraph>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {invitations.isPending && <Loading />}
      {invitations.isError && (
        <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
      )}
      {invitations.data && invitations.data.length === 0 && (
        <Paragraph>{t('myInvitations.none')}</Paragraph>
      )}
      {invitations.data && invitations.data.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('myInvitations.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('myInvitations.colSpace')}</Table.HeaderCell>
                <Table.HeaderCell>{t('myInvitations.colRole')}</Table.HeaderCell>
                <Table.HeaderCell>{t('myInvitations.colBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('myInvitations.colDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('myInvitations.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {invitations.data.map((invitation) => (
                <Table.Row key={invitation.id}>
                  <Table.HeaderCell scope="row">{invitation.space.name}</Table.HeaderCell>
                  <Table.Cell>{labels.label(SPACE_ROLES, invitation.role)}</Table.Cell>
                  <Table.Cell>{invitation.invitedBy ?? <NotSet />}</Table.Cell>
                  <Table.Cell>{formatDate(invitation.createdAt, lang)}</Table.Cell>
                  <Table.Cell>
                    <div className="row-actions">
                      <Button
                        data-size="sm"
                        loading={busyId === invitation.id}
                        aria-label={t('myInvitations.acceptFor', { space: invitation.space.name })}
                        onClick={() => void answer(invitation, true)}
                      >
                        {t('myInvitations.accept')}
                      </Button>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        aria-label={t('myInvitations.declineFor', { space: invitation.space.name })}
                        onClick={() => void answer(invitation, false)}
                      >
                        {t('myInvitations.decline')}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
