import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/accounts.ts';
import type { Group, GroupMember } from '../../../shared/groups.ts';
import { ApiError } from '../../api.ts';
import { flashState } from '../../flash.ts';
import { errorMessage } from '../../validation.ts';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  removeGroupMember,
  updateGroupMember,
  useGroupMembers,
  useGroupsChanged,
} from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

type Confirming = { kind: 'remove'; member: GroupMember } | { kind: 'leave' } | null;

/**
 * The members with their role, affiliation and country. Conveners change roles and remove
 * members; every member may leave. A group keeps at least one convener: the server refuses
 * otherwise (409 `last_convener`), and the page says what to do.
 */
export function MembersSection({ group, user }: { group: Group; user: Me | null }) {
  const { t: tc } = useTranslation();
  const { t, role, affiliation, country, date } = useGroupLabels();
  const navigate = useNavigate();
  const changed = useGroupsChanged();
  const members = useGroupMembers(group.id);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const problem = (error: unknown) =>
    error instanceof ApiError && error.code === 'last_convener'
      ? t('members.lastConvener')
      : errorMessage(tc, error);

  async function run(key: string, work: () => Promise<string | void>) {
    if (busy) return;
    setBusy(key);
    setStatus(null);
    setFailure(null);
    try {
      const done = await work();
      if (done) setStatus(done);
      await changed();
    } catch (error) {
      setFailure(problem(error));
    } finally {
      setBusy(null);
      setConfirming(null);
      headingRef.current?.focus();
    }
  }

  function changeRole(member: GroupMember) {
    const to = member.role === 'convener' ? 'member' : 'convener';
    void run(`role-${member.user.id}`, async () => {
      await updateGroupMember(group.id, member.user.id, { role: to });
      return t('members.roleChanged', { name: member.user.name, role: role(to) });
    });
  }

  async function confirm() {
    if (!confirming) return;
    if (confirming.kind === 'leave' && user) {
      if (busy) return;
      setBusy('leave');
      try {
        await removeGroupMember(group.id, user.id);
        await changed();
        await navigate('/groups', { state: flashState('groupsFlash.left') });
      } catch (error) {
        setConfirming(null);
        setStatus(null);
        setFailure(problem(error));
        headingRef.current?.focus();
      } finally {
        setBusy(null);
      }
      return;
    }
    if (confirming.kind === 'remove') {
      const member = confirming.member;
      await run(`remove-${member.user.id}`, async () => {
        await removeGroupMember(group.id, member.user.id);
        return t('members.removed', { name: member.user.name });
      });
    }
  }

  return (
    <section aria-labelledby="group-members-heading" className="stack">
      <Heading level={2} data-size="sm" id="group-members-heading" ref={headingRef} tabIndex={-1}>
        {t('members.heading')}
      </Heading>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {members.isPending && <Loading />}
      {members.isError && (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      )}
      {members.data && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">
              {t('members.caption', { name: group.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('members.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colAffiliation')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colCountry')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colSince')}</Table.HeaderCell>
                {group.canManage && (
                  <Table.HeaderCell scope="col">{t('members.colActions')}</Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.data.map((member) => (
                <Table.Row key={member.user.id}>
                  <Table.HeaderCell scope="row">
                    {member.user.name}
                    {member.user.id === user?.id && (
                      <span className="cell-note">{t('members.you')}</span>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{role(member.role)}</Table.Cell>
                  <Table.Cell>{affiliation(member.affiliation)}</Table.Cell>
                  <Table.Cell>{country(member.country)}</Table.Cell>
                  <Table.Cell>{date(member.since)}</Table.Cell>
                  {group.canManage && (
                    <Table.Cell>
                      <div className="row-actions">
                        <Button
                          variant="secondary"
                          data-size="sm"
                          loading={busy === `role-${member.user.id}`}
                          aria-label={
                            member.role === 'convener'
                              ? t('members.makeMemberFor', { name: member.user.name })
                              : t('members.makeConvenerFor', { name: member.user.name })
                          }
                          onClick={() => changeRole(member)}
                        >
                          {member.role === 'convener'
                            ? t('members.makeMember')
                            : t('members.makeConvener')}
                        </Button>
                        {member.user.id !== user?.id && (
                          <Button
                            variant="tertiary"
                            data-color="danger"
                            data-size="sm"
                            aria-label={t('members.removeFor', { name: member.user.name })}
                            onClick={() => setConfirming({ kind: 'remove', member })}
                          >
                            {t('members.remove')}
                          </Button>
                        )}
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {user && group.myRole && (
        <div>
          <Button
            variant="secondary"
            data-color="danger"
            onClick={() => setConfirming({ kind: 'leave' })}
          >
            {t('members.leave')}
          </Button>
        </div>
      )}
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        closeButton={tc('common.closeDialog')}
        aria-labelledby="group-member-dialog-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="group-member-dialog-heading">
            {confirming?.kind === 'leave'
              ? t('members.leaveHeading', { name: group.name })
              : t('members.removeHeading', {
                  name: confirming?.kind === 'remove' ? confirming.member.user.name : '',
                })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>
            {confirming?.kind === 'leave'
              ? group.visibility === 'private'
                ? t('members.leaveTextPrivate')
                : t('members.leaveText')
              : t('members.removeText', { group: group.name })}
          </Paragraph>
          <div className="button-row">
            <Button data-color="danger" loading={busy !== null} onClick={() => void confirm()}>
              {confirming?.kind === 'leave'
                ? t('members.leaveConfirm')
                : t('members.removeConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {tc('common.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}
