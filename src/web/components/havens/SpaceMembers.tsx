import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
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
import type { Me } from '../../../shared/accounts.ts';
import { SPACE_ROLES, SpaceMemberAdd, type Space } from '../../../shared/havens.ts';
import { ApiError } from '../../api.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  addSpaceMember,
  havensKey,
  removeSpaceMember,
  spaceKey,
  useSpaceMembers,
  type SpaceMemberEntry,
} from './havens-api.ts';
import { useHavensTranslation, type HavensTranslate } from './havens-i18n.ts';

function memberError(t: HavensTranslate, tc: Parameters<typeof errorMessage>[0], error: unknown) {
  if (error instanceof ApiError && error.code === 'last_owner') return t('members.lastOwner');
  return errorMessage(tc, error);
}

/** The members of a space with their roles; owners add and remove people; anyone may leave. */
export function SpaceMembers({ space, user }: { space: Space; user: Me | null }) {
  const { t: tc, i18n } = useTranslation();
  const { t } = useHavensTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const members = useSpaceMembers(space.id);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<SpaceMemberEntry | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function confirm() {
    if (busy) return;
    const member = removing;
    setBusy(true);
    try {
      if (leaving && user) {
        await removeSpaceMember(space.id, user.id);
        setLeaving(false);
        await queryClient.invalidateQueries({ queryKey: havensKey });
        await navigate('/spaces');
        return;
      }
      if (!member) return;
      await removeSpaceMember(space.id, member.userId);
      setRemoving(null);
      setActionError(null);
      setStatus(t('members.removed', { name: member.name }));
      await queryClient.invalidateQueries({ queryKey: spaceKey(space.id) });
      headingRef.current?.focus();
    } catch (error) {
      setRemoving(null);
      setLeaving(false);
      setStatus(null);
      setActionError(memberError(t, tc, error));
    } finally {
      setBusy(false);
    }
  }

  const dialogOpen = removing !== null || leaving;
  const close = () => {
    setRemoving(null);
    setLeaving(false);
  };

  return (
    <section aria-labelledby="space-members-heading" className="stack section">
      <Heading level={2} data-size="sm" id="space-members-heading" ref={headingRef} tabIndex={-1}>
        {t('members.heading')}
      </Heading>
      <StatusMessage message={status} />
      {actionError && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{actionError}</Paragraph>
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
              {t('members.tableCaption', { name: space.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('members.colName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('members.colRole')}</Table.HeaderCell>
                <Table.HeaderCell>{t('members.colSince')}</Table.HeaderCell>
                {space.canManage && <Table.HeaderCell>{t('members.colActions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.data.map((member) => (
                <Table.Row key={member.userId}>
                  <Table.HeaderCell scope="row">{member.name}</Table.HeaderCell>
                  <Table.Cell>{labels.label(SPACE_ROLES, member.role)}</Table.Cell>
                  <Table.Cell>{formatDate(member.since, i18n.language)}</Table.Cell>
                  {space.canManage && (
                    <Table.Cell>
                      {member.userId !== user?.id && (
                        <Button
                          variant="tertiary"
                          data-color="danger"
                          data-size="sm"
                          aria-label={t('members.removeFor', { name: member.name })}
                          onClick={() => setRemoving(member)}
                        >
                          {t('members.remove')}
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {user && space.myRole && (
        <div>
          <Button variant="secondary" data-color="danger" onClick={() => setLeaving(true)}>
            {t('members.leave')}
          </Button>
        </div>
      )}
      {space.canManage && (
        <AddMemberForm
          space={space}
          onAdded={(member) => {
            setActionError(null);
            setStatus(t('members.added', { name: member.name }));
          }}
        />
      )}

      <Dialog
        open={dialogOpen}
        onClose={close}
        closeButton={tc('common.closeDialog')}
        aria-labelledby="space-member-dialog-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="space-member-dialog-heading">
            {leaving
              ? t('members.leaveHeading', { space: space.name })
              : t('members.removeHeading', { name: removing?.name ?? '' })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>
            {leaving
              ? t('members.leaveText')
              : t('members.removeText', { name: removing?.name ?? '', space: space.name })}
          </Paragraph>
          <div className="button-row">
            <Button data-color="danger" loading={busy} onClick={() => void confirm()}>
              {leaving ? t('members.leaveConfirm') : t('members.removeConfirm')}
            </Button>
            <Button variant="secondary" onClick={close}>
              {tc('common.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}

const ADD_FIELDS = ['email', 'role'] as const;

function AddMemberForm({
  space,
  onAdded,
}: {
  space: Space;
  onAdded: (member: SpaceMemberEntry) => void;
}) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const form = useFormErrors<(typeof ADD_FIELDS)[number]>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('member');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = SpaceMemberAdd.safeParse({ email, role });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ADD_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const member = await addSpaceMember(space.id, parsed.data);
      form.clear();
      setEmail('');
      setRole('member');
      await queryClient.invalidateQueries({ queryKey: spaceKey(space.id) });
      onAdded(member);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_member') {
        form.show({ email: t('members.alreadyMember') });
      } else {
        // An address without an account comes back as a 400 on `email`.
        const { fields, other } = fieldErrorsFromApi(tc, error, ADD_FIELDS, {
          email: t('members.noAccount'),
        });
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <Heading level={3} data-size="xs" id="space-add-member-heading">
        {t('members.addHeading')}
      </Heading>
      <Paragraph>{t('members.addLead')}</Paragraph>
      <FormErrorSummary
        fields={[
          { name: 'email', id: 'space-member-email', label: t('members.email') },
          { name: 'role', id: 'space-member-role', label: t('members.role') },
        ]}
        {...form}
      />
      <form
        noValidate
        aria-labelledby="space-add-member-heading"
        onSubmit={(e) => void submit(e)}
        className="stack narrow"
      >
        <Textfield
          id="space-member-email"
          label={t('members.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          error={form.errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field>
          <Label>{t('members.role')}</Label>
          <Select
            id="space-member-role"
            value={role}
            aria-invalid={form.errors.role ? true : undefined}
            onChange={(e) => setRole(e.target.value)}
          >
            {SPACE_ROLES.values.map((r) => (
              <Select.Option key={r} value={r}>
                {labels.label(SPACE_ROLES, r)}
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
    </div>
  );
}
