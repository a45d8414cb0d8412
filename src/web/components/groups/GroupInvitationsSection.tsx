import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { GroupInvitationAnswer } from '../../../shared/groups.ts';
import { ApiError } from '../../api.ts';
import { flashState } from '../../flash.ts';
import { errorMessage, fieldErrorsFromApi } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  answerGroupInvitation,
  useGroupsChanged,
  useMyGroupInvitations,
  type GroupInvitation,
} from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MembershipFields } from './MembershipFields.tsx';

/**
 * On "My invitations": the invitations to working groups for my address. Accepting asks where I
 * come from (affiliation and country, which the group's cross-border view counts); declining
 * needs nothing.
 */
export function GroupInvitationsSection() {
  const { t } = useGroupLabels();
  const invitations = useMyGroupInvitations(true);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="group-invitations-mine-heading" className="stack section">
      <Heading
        level={2}
        data-size="sm"
        id="group-invitations-mine-heading"
        ref={headingRef}
        tabIndex={-1}
      >
        {t('myInvitations.heading')}
      </Heading>
      <StatusMessage message={status} />
      {invitations.isPending && <Loading />}
      {invitations.isError && (
        <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
      )}
      {invitations.data && invitations.data.length === 0 && (
        <Paragraph>{t('myInvitations.none')}</Paragraph>
      )}
      {invitations.data && invitations.data.length > 0 && (
        <ul className="case-hits" aria-labelledby="group-invitations-mine-heading">
          {invitations.data.map((invitation) => (
            <InvitationItem
              key={invitation.id}
              invitation={invitation}
              onDeclined={(name) => {
                setStatus(t('myInvitations.declined', { name }));
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationItem({
  invitation,
  onDeclined,
}: {
  invitation: GroupInvitation;
  onDeclined: (name: string) => void;
}) {
  const { t: tc } = useTranslation();
  const { t, role, date } = useGroupLabels();
  const navigate = useNavigate();
  const changed = useGroupsChanged();
  const form = useFormErrors<'affiliation' | 'country'>();
  const [values, setValues] = useState({ affiliation: '', country: '' });
  const [busy, setBusy] = useState(false);
  const prefix = `group-invitation-${invitation.id}`;
  const headingId = `${prefix}-heading`;
  const name = invitation.group.name;

  async function accept(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: { affiliation?: string; country?: string } = {};
    if (values.affiliation === '') problems.affiliation = tc('validation.choose');
    if (values.country === '') problems.country = tc('validation.choose');
    if (problems.affiliation || problems.country) {
      form.show(problems);
      return;
    }
    const parsed = GroupInvitationAnswer.safeParse({ accept: true, ...values });
    if (!parsed.success) {
      form.show({}, tc('validation.invalid'));
      return;
    }
    setBusy(true);
    try {
      await answerGroupInvitation(invitation.id, parsed.data);
      form.clear();
      await changed();
      await navigate(`/groups/${invitation.group.id}`, { state: flashState('groupsFlash.joined') });
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ['affiliation', 'country'] as const, {
        affiliation: tc('validation.choose'),
        country: tc('validation.choose'),
      });
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  async function decline() {
    if (busy) return;
    setBusy(true);
    try {
      await answerGroupInvitation(invitation.id, { accept: false });
      form.clear();
      await changed();
      onDeclined(name);
    } catch (error) {
      form.show(
        {},
        error instanceof ApiError && error.status === 404
          ? t('myInvitations.gone')
          : errorMessage(tc, error),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="case-hit">
      <Heading level={3} data-size="xs" id={headingId}>
        {name}
      </Heading>
      <Paragraph data-size="sm">
        {t('myInvitations.line', { role: role(invitation.role), date: date(invitation.createdAt) })}
      </Paragraph>
      <Paragraph>{t('myInvitations.lead')}</Paragraph>
      <FormErrorSummary
        fields={[
          {
            name: 'affiliation',
            id: `${prefix}-affiliation`,
            label: t('membership.affiliation'),
          },
          { name: 'country', id: `${prefix}-country`, label: t('membership.country') },
        ]}
        {...form}
      />
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={(e) => void accept(e)}
        className="stack narrow"
      >
        <MembershipFields
          idPrefix={prefix}
          values={values}
          errors={form.errors}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        <div className="button-row">
          <Button type="submit" loading={busy} aria-label={t('myInvitations.acceptFor', { name })}>
            {t('myInvitations.accept')}
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-label={t('myInvitations.declineFor', { name })}
            onClick={() => void decline()}
          >
            {t('myInvitations.decline')}
          </Button>
        </div>
      </form>
    </li>
  );
}
