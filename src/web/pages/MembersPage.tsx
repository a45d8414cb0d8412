import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/accounts.ts';
import {
  MEMBER_ROLES,
  MemberAdd,
  MemberRole,
  type JoinRequest,
  type Member,
  type Organisation,
} from '../../shared/organisations.ts';
import { ApiError, addMember, changeMemberRole, decideJoinRequest, removeMember } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { OrganisationLoadState } from '../components/OrganisationLoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import {
  canManage,
  joinRequestsKey,
  membersKey,
  organisationKey,
  useJoinRequests,
  useMembers,
  useOrganisation,
} from '../queries.ts';
import {
  errorMessage,
  fieldErrorsFromApi,
  fieldErrorsFromZod,
  type Translate,
} from '../validation.ts';
import { roleLabel } from '../vocab.ts';

export function MembersPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useOrganisation(id);
  const org = query.data;
  const title = org ? t('members.title', { name: org.name }) : t('organisation.membersLabel');
  usePageTitle(title);

  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <RequireUser>
        {(user) => {
          if (!query.data) return <OrganisationLoadState query={query} />;
          return <MembersContent org={query.data} user={user} />;
        }}
      </RequireUser>
    </div>
  );
}

function roleChangeError(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.code === 'last_owner') return t('members.lastOwner');
  return errorMessage(t, error);
}

function MembersContent({ org, user }: { org: Organisation; user: Me }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const manager = canManage(org, user);
  const members = useMembers(org.id);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // E-mail addresses are only sent to those who manage the organisation.
  const showEmail = members.data?.items.some((m) => m.email !== null) ?? false;

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: organisationKey(org.id) });
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
  }

  function report(message: string) {
    setActionError(null);
    setStatus(message);
  }

  async function confirmRemove() {
    if (!removing || removeBusy) return;
    const member = removing;
    setRemoveBusy(true);
    try {
      await removeMember(org.id, member.userId);
      setRemoving(null);
      report(t('members.removed', { name: member.name }));
      await refresh();
      headingRef.current?.focus();
    } catch (error) {
      setRemoving(null);
      setStatus(null);
      setActionError(roleChangeError(t, error));
    } finally {
      setRemoveBusy(false);
    }
  }

  return (
    <>
      <Paragraph>
        <AppLink to={`/organisations/${org.id}`}>
          {t('common.backToOrganisation', { name: org.name })}
        </AppLink>
      </Paragraph>
      <StatusMessage message={status} />
      {actionError && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{actionError}</Paragraph>
        </Alert>
      )}

      <section aria-labelledby="members-heading" className="stack section">
        <Heading level={2} data-size="sm" id="members-heading" ref={headingRef} tabIndex={-1}>
          {t('members.listHeading')}
        </Heading>
        {members.isPending && <Loading />}
        {members.isError && (
          <LoadError error={members.error} onRetry={() => void members.refetch()} />
        )}
        {members.data && members.data.items.length === 0 && (
          <Paragraph>{t('members.none')}</Paragraph>
        )}
        {members.data && members.data.items.length > 0 && (
          <div className="table-scroll">
            <Table zebra border>
              <caption className="visually-hidden">
                {t('members.tableCaption', { name: org.name })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('members.colName')}</Table.HeaderCell>
                  {showEmail && <Table.HeaderCell>{t('members.colEmail')}</Table.HeaderCell>}
                  <Table.HeaderCell>{t('members.colRole')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('members.colSince')}</Table.HeaderCell>
                  {manager && <Table.HeaderCell>{t('members.colActions')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {members.data.items.map((member) => (
                  <Table.Row key={member.userId}>
                    <Table.HeaderCell scope="row">{member.name}</Table.HeaderCell>
                    {showEmail && <Table.Cell>{member.email ?? <NotSet />}</Table.Cell>}
                    <Table.Cell>{roleLabel(t, member.role)}</Table.Cell>
                    <Table.Cell>{formatDate(member.since, i18n.language)}</Table.Cell>
                    {manager && (
                      <Table.Cell>
                        <MemberActions
                          org={org}
                          member={member}
                          onChanged={(role) => {
                            report(
                              t('members.roleChanged', {
                                name: member.name,
                                role: roleLabel(t, role),
                              }),
                            );
                            void refresh();
                          }}
                          onError={(message) => {
                            setStatus(null);
                            setActionError(message);
                          }}
                          onRemove={() => setRemoving(member)}
                        />
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      {manager && (
        <AddMemberSection
          org={org}
          onAdded={(member) => {
            report(t('members.added', { name: member.name }));
            void refresh();
          }}
        />
      )}
      {manager && <JoinRequestsSection org={org} onDecided={report} onError={setActionError} />}

      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        closeButton={t('common.closeDialog')}
        aria-labelledby="remove-dialog-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="remove-dialog-heading">
            {t('members.removeDialogHeading', { name: removing?.name ?? '' })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>
            {t('members.removeDialogText', { name: removing?.name ?? '', organisation: org.name })}
          </Paragraph>
          <div className="button-row">
            <Button data-color="danger" loading={removeBusy} onClick={() => void confirmRemove()}>
              {t('members.removeConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

function MemberActions({
  org,
  member,
  onChanged,
  onError,
  onRemove,
}: {
  org: Organisation;
  member: Member;
  onChanged: (role: MemberRole) => void;
  onError: (message: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<MemberRole>(member.role);
  const [busy, setBusy] = useState(false);
  const selectId = `role-${member.userId}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || role === member.role) return;
    setBusy(true);
    try {
      const updated = await changeMemberRole(org.id, member.userId, { role });
      queryClient.setQueryData(membersKey(org.id), (old: { items: Member[] } | undefined) =>
        old ? { items: old.items.map((m) => (m.userId === updated.userId ? updated : m)) } : old,
      );
      onChanged(updated.role);
    } catch (error) {
      setRole(member.role);
      onError(roleChangeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row-actions">
      <form onSubmit={(e) => void save(e)} className="inline-form">
        <Field>
          <Label className="visually-hidden">{t('members.roleFor', { name: member.name })}</Label>
          <Select
            id={selectId}
            data-size="sm"
            width="auto"
            value={role}
            onChange={(e) => {
              const parsed = MemberRole.safeParse(e.target.value);
              if (parsed.success) setRole(parsed.data);
            }}
          >
            {MEMBER_ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {roleLabel(t, r)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button
          type="submit"
          variant="secondary"
          data-size="sm"
          loading={busy}
          aria-label={t('members.changeRoleFor', { name: member.name })}
        >
          {t('members.changeRole')}
        </Button>
      </form>
      <Button
        variant="tertiary"
        data-color="danger"
        data-size="sm"
        aria-label={t('members.removeFor', { name: member.name })}
        onClick={onRemove}
      >
        {t('members.remove')}
      </Button>
    </div>
  );
}

const ADD_FIELDS = ['email', 'role'] as const;

function AddMemberSection({
  org,
  onAdded,
}: {
  org: Organisation;
  onAdded: (member: Member) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors<(typeof ADD_FIELDS)[number]>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('member');
  const [busy, setBusy] = useState(false);

  const summaryFields = [
    { name: 'email', id: 'add-member-email', label: t('members.addEmail') },
    { name: 'role', id: 'add-member-role', label: t('members.addRole') },
  ] as const;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = MemberAdd.safeParse({ email, role });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, ADD_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const member = await addMember(org.id, parsed.data);
      form.clear();
      setEmail('');
      setRole('member');
      await queryClient.invalidateQueries({ queryKey: membersKey(org.id) });
      onAdded(member);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'user_not_found') {
        form.show({ email: t('members.userNotFound') });
      } else if (error instanceof ApiError && error.code === 'already_member') {
        form.show({ email: t('members.alreadyMember') });
      } else {
        const { fields, other } = fieldErrorsFromApi(t, error, ADD_FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="add-member-heading" className="stack section">
      <Heading level={2} data-size="sm" id="add-member-heading">
        {t('members.addHeading')}
      </Heading>
      <Paragraph>{t('members.addLead')}</Paragraph>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack narrow">
        <Textfield
          id="add-member-email"
          label={t('members.addEmail')}
          type="email"
          autoComplete="off"
          required
          value={email}
          error={form.errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field>
          <Label>{t('members.addRole')}</Label>
          <Select
            id="add-member-role"
            value={role}
            aria-invalid={form.errors.role ? true : undefined}
            onChange={(e) => setRole(e.target.value)}
          >
            {MEMBER_ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {roleLabel(t, r)}
              </Select.Option>
            ))}
          </Select>
          {form.errors.role && <ValidationMessage>{form.errors.role}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" loading={busy}>
            {t('members.addSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function JoinRequestsSection({
  org,
  onDecided,
  onError,
}: {
  org: Organisation;
  onDecided: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useJoinRequests(org.id, true);
  const [busyId, setBusyId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pending = requests.data?.items.filter((r) => r.status === 'pending') ?? [];

  async function decide(request: JoinRequest, decision: 'accept' | 'decline') {
    if (busyId) return;
    setBusyId(request.id);
    try {
      await decideJoinRequest(org.id, request.id, { decision });
      onDecided(
        decision === 'accept'
          ? t('joinRequests.accepted', { name: request.name })
          : t('joinRequests.declined', { name: request.name }),
      );
      await queryClient.invalidateQueries({ queryKey: joinRequestsKey(org.id) });
      await queryClient.invalidateQueries({ queryKey: membersKey(org.id) });
      await queryClient.invalidateQueries({ queryKey: organisationKey(org.id), exact: true });
      headingRef.current?.focus();
    } catch (error) {
      onError(errorMessage(t, error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="join-requests-heading" className="stack section">
      <Heading level={2} data-size="sm" id="join-requests-heading" ref={headingRef} tabIndex={-1}>
        {t('joinRequests.heading')}
      </Heading>
      {requests.isPending && <Loading />}
      {requests.isError && (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      )}
      {requests.isSuccess && pending.length === 0 && (
        <Paragraph>{t('joinRequests.none')}</Paragraph>
      )}
      {pending.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('joinRequests.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('joinRequests.colName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('joinRequests.colMessage')}</Table.HeaderCell>
                <Table.HeaderCell>{t('joinRequests.colDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('joinRequests.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {pending.map((request) => (
                <Table.Row key={request.id}>
                  <Table.HeaderCell scope="row">{request.name}</Table.HeaderCell>
                  <Table.Cell className="prose">{request.message || <NotSet />}</Table.Cell>
                  <Table.Cell>{formatDate(request.createdAt, i18n.language)}</Table.Cell>
                  <Table.Cell>
                    <div className="row-actions">
                      <Button
                        data-size="sm"
                        loading={busyId === request.id}
                        aria-label={t('joinRequests.acceptFor', { name: request.name })}
                        onClick={() => void decide(request, 'accept')}
                      >
                        {t('joinRequests.accept')}
                      </Button>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        aria-label={t('joinRequests.declineFor', { name: request.name })}
                        onClick={() => void decide(request, 'decline')}
                      >
                        {t('joinRequests.decline')}
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
