import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { InvitationCreate, SPACE_ROLES, type Space } from '../../../shared/havens.ts';
import { ApiError } from '../../api.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { useMyOrganisations } from '../../queries.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { NotSet } from '../NotSet.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { inviteToSpace, revokeInvitation, spaceKey, useSpaceInvitations } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

const INVITE_ROLES = ['member', 'observer'] as const;
const FIELDS = ['email', 'organisationId', 'role'] as const;

/** Owners invite people by e-mail, or every member of one of their organisations. */
export function SpaceInvitations({ space }: { space: Space }) {
  const { t: tc, i18n } = useTranslation();
  const { t } = useHavensTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const invitations = useSpaceInvitations(space.id, true);
  const [status, setStatus] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function revoke(invitationId: string, email: string) {
    if (busyId) return;
    setBusyId(invitationId);
    try {
      await revokeInvitation(space.id, invitationId);
      setRevokeError(null);
      setStatus(t('invitations.revoked', { email }));
      await queryClient.invalidateQueries({ queryKey: [...spaceKey(space.id), 'invitations'] });
      headingRef.current?.focus();
    } catch (error) {
      setStatus(null);
      setRevokeError(errorMessage(tc, error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="space-invitations-heading" className="stack section">
      <Heading
        level={2}
        data-size="sm"
        id="space-invitations-heading"
        ref={headingRef}
        tabIndex={-1}
      >
        {t('invitations.heading')}
      </Heading>
      <StatusMessage message={status} />
      <InviteForm space={space} onInvited={(n) => setStatus(t('invitations.sent', { count: n }))} />

      <Heading level={3} data-size="xs" id="space-pending-heading">
        {t('invitations.pendingHeading')}
      </Heading>
      {revokeError && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{revokeError}</Paragraph>
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
                <Table.HeaderCell>{t('invitations.colEmail')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitations.colRole')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitations.colBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitations.colDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('invitations.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {invitations.data.map((invitation) => (
                <Table.Row key={invitation.id}>
                  <Table.HeaderCell scope="row">{invitation.email}</Table.HeaderCell>
                  <Table.Cell>{labels.label(SPACE_ROLES, invitation.role)}</Table.Cell>
                  <Table.Cell>{invitation.invitedBy ?? <NotSet />}</Table.Cell>
                  <Table.Cell>{formatDate(invitation.createdAt, i18n.language)}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      loading={busyId === invitation.id}
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

function InviteForm({ space, onInvited }: { space: Space; onInvited: (count: number) => void }) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const organisations = useMyOrganisations(true);
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [by, setBy] = useState<'email' | 'organisation'>('email');
  const [email, setEmail] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<string>('member');
  const [busy, setBusy] = useState(false);
  const orgs = organisations.data ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (by === 'organisation' && organisationId === '') {
      form.show({ organisationId: tc('validation.choose') });
      return;
    }
    const parsed = InvitationCreate.safeParse(
      by === 'email' ? { email, role } : { organisationId, role },
    );
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const created = await inviteToSpace(space.id, parsed.data);
      form.clear();
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: [...spaceKey(space.id), 'invitations'] });
      onInvited(created.length);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Already a member, already invited: the server says which.
        form.show({}, error.message);
      } else {
        const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Paragraph>{t('invitations.lead')}</Paragraph>
      <FormErrorSummary
        fields={[
          { name: 'email', id: 'invite-email', label: t('invitations.email') },
          {
            name: 'organisationId',
            id: 'invite-organisation',
            label: t('invitations.organisation'),
          },
          { name: 'role', id: 'invite-role', label: t('invitations.role') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('invitations.by')}</Fieldset.Legend>
          <Radio
            id="invite-by-email"
            name="invite-by"
            value="email"
            label={t('invitations.byEmail')}
            checked={by === 'email'}
            onChange={() => setBy('email')}
          />
          <Radio
            id="invite-by-organisation"
            name="invite-by"
            value="organisation"
            label={t('invitations.byOrganisation')}
            disabled={orgs.length === 0}
            checked={by === 'organisation'}
            onChange={() => setBy('organisation')}
          />
          {orgs.length === 0 && (
            <Fieldset.Description>{t('invitations.noOrganisations')}</Fieldset.Description>
          )}
        </Fieldset>
        {by === 'email' ? (
          <Textfield
            id="invite-email"
            label={t('invitations.email')}
            type="email"
            autoComplete="off"
            required
            value={email}
            error={form.errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
        ) : (
          <Field>
            <Label>{t('invitations.organisation')}</Label>
            <Field.Description>{t('invitations.organisationHint')}</Field.Description>
            <Select
              id="invite-organisation"
              value={organisationId}
              aria-invalid={form.errors.organisationId ? true : undefined}
              onChange={(e) => setOrganisationId(e.target.value)}
            >
              <Select.Option value="">{t('invitations.chooseOrganisation')}</Select.Option>
              {orgs.map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
            </Select>
            {form.errors.organisationId && (
              <ValidationMessage>{form.errors.organisationId}</ValidationMessage>
            )}
          </Field>
        )}
        <Field>
          <Label>{t('invitations.role')}</Label>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {INVITE_ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {labels.label(SPACE_ROLES, r)}
              </Select.Option>
            ))}
          </Select>
          {form.errors.role && <ValidationMessage>{form.errors.role}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" loading={busy}>
            {t('invitations.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
