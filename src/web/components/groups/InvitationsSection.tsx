import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { GROUP_ROLES, GroupInvite, type Group } from '../../../shared/groups.ts';
import { ApiError } from '../../api.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  inviteToGroup,
  revokeGroupInvitation,
  useGroupInvitations,
  useGroupsChanged,
} from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

const FIELDS = ['email', 'role'] as const;

/** Conveners invite people by e-mail address and revoke invitations not yet answered. */
export function InvitationsSection({ group }: { group: Group }) {
  const { t: tc } = useTranslation();
  const { t, role: roleLabel, date } = useGroupLabels();
  const changed = useGroupsChanged();
  const invitations = useGroupInvitations(group.id, true);
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('member');
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function invite(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = GroupInvite.safeParse({ email, role });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy('invite');
    setStatus(null);
    try {
      await inviteToGroup(group.id, parsed.data);
      form.clear();
      setEmail('');
      setStatus(t('invitations.sent', { email: parsed.data.email }));
      await changed();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_member') {
        form.show({ email: t('invitations.alreadyMember') });
      } else if (error instanceof ApiError && error.code === 'already_invited') {
        form.show({ email: t('invitations.alreadyInvited') });
      } else {
        const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(null);
    }
  }

  async function revoke(invitationId: string, address: string) {
    if (busy) return;
    setBusy(invitationId);
    setStatus(null);
    setFailure(null);
    try {
      await revokeGroupInvitation(group.id, invitationId);
      setStatus(t('invitations.revoked', { email: address }));
      await changed();
      headingRef.current?.focus();
    } catch (error) {
      setFailure(errorMessage(tc, error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="group-invitations-heading" className="stack section">
      <Heading
        level={2}
        data-size="sm"
        id="group-invitations-heading"
        ref={headingRef}
        tabIndex={-1}
      >
        {t('invitations.heading')}
      </Heading>
      <Paragraph>{t('invitations.lead')}</Paragraph>
      <StatusMessage message={status} />
      <FormErrorSummary
        fields={[
          { name: 'email', id: 'group-invite-email', label: t('invitations.email') },
          { name: 'role', id: 'group-invite-role', label: t('invitations.role') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void invite(e)} className="stack narrow">
        <Textfield
          id="group-invite-email"
          label={t('invitations.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          error={form.errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field>
          <Label>{t('invitations.role')}</Label>
          <Select id="group-invite-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {GROUP_ROLES.values.map((r) => (
              <Select.Option key={r} value={r}>
                {roleLabel(r)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" loading={busy === 'invite'}>
            {t('invitations.submit')}
          </Button>
        </div>
      </form>

      <Heading level={3} data-size="xs" id="group-pending-heading">
        {t('invitations.pendingHeading')}
      </Heading>
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
        <Paragraph>{t('invitations.none')}</Paragraph>
      )}
      {invitations.data && invitations.data.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('invitations.pendingHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('invitations.colEmail')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('invitations.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('invitations.colDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('invitations.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {invitations.data.map((invitation) => (
                <Table.Row key={invitation.id}>
                  <Table.HeaderCell scope="row">{invitation.email}</Table.HeaderCell>
                  <Table.Cell>{roleLabel(invitation.role)}</Table.Cell>
                  <Table.Cell>{date(invitation.createdAt)}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      loading={busy === invitation.id}
                      aria-label={t('invitations.revokeFor', { email: invitation.email })}
                      onClick={() => void revoke(invitation.id, invitation.email)}
                    >
                      {t('invitations.revoke')}
                    </Button>
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
