import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  STAKEHOLDER_ROLES,
  StakeholderRole,
  type Initiative,
} from '../../../shared/initiatives.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { useSession } from '../../session.ts';
import { AppLink } from '../AppLink.tsx';
import { OrganisationPicker } from '../needs/OrganisationPicker.tsx';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import {
  addStakeholder,
  decideInitiativeJoin,
  removeStakeholder,
  requestToJoinInitiative,
  useInitiativeChanged,
} from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

/**
 * Who takes part and in which role (Voorberg et al. 2015); owners add and remove stakeholders and
 * decide on requests to join; anyone else signed in asks to join.
 */
export function StakeholdersSection({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const labels = useLabels();
  const changed = useInitiativeChanged();
  const action = useAction();
  const { user } = useSession();

  async function remove(stakeholderId: string, name: string) {
    await action.run(
      () => removeStakeholder(initiative.id, stakeholderId),
      t('stakeholders.removed', { name }),
      { last_owner: t('stakeholders.lastOwner') },
    );
    await changed();
  }

  return (
    <section aria-labelledby="initiative-stakeholders-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-stakeholders-heading">
        {t('stakeholders.heading')}
      </Heading>
      <ul className="plain-list stack" aria-labelledby="initiative-stakeholders-heading">
        {initiative.stakeholderList.map((s) => {
          const name = s.person?.name ?? s.organisation?.name ?? t('stakeholders.formerAccount');
          return (
            <li key={s.id} className="button-row">
              {s.organisation ? (
                <AppLink to={`/organisations/${s.organisation.id}`}>{name}</AppLink>
              ) : (
                <span>{name}</span>
              )}
              <span>{labels.label(STAKEHOLDER_ROLES, s.role)}</span>
              {s.owner && (
                <Tag data-color="info" data-size="sm">
                  {t('stakeholders.owner')}
                </Tag>
              )}
              {(initiative.isOwner || (user && s.person?.id === user.id)) && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-label={
                    s.person?.id === user?.id
                      ? t('stakeholders.leave')
                      : t('stakeholders.removeName', { name })
                  }
                  onClick={() => void remove(s.id, name)}
                >
                  {s.person?.id === user?.id ? t('stakeholders.leave') : t('stakeholders.remove')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <ActionFeedback status={action.status} failure={action.failure} />
      {initiative.isOwner && initiative.joinRequests.length > 0 && (
        <JoinRequests initiative={initiative} />
      )}
      {initiative.isOwner && <AddStakeholder initiative={initiative} />}
      {user && !initiative.myRole && <JoinForm initiative={initiative} />}
    </section>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (role: string) => void;
}) {
  const { t } = useInitiativesTranslation();
  const labels = useLabels();
  return (
    <Field>
      <Label>{t('fields.role')}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {STAKEHOLDER_ROLES.values.map((v) => (
          <Select.Option key={v} value={v}>
            {labels.label(STAKEHOLDER_ROLES, v)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function JoinRequests({ initiative }: { initiative: Initiative }) {
  const { t, lang } = useInitiativesTranslation();
  const labels = useLabels();
  const changed = useInitiativeChanged();
  const action = useAction();

  async function decide(requestId: string, name: string, accept: boolean) {
    let updated: Initiative | undefined;
    await action.run(
      async () => {
        updated = await decideInitiativeJoin(initiative.id, requestId, accept);
      },
      accept ? t('join.accepted', { name }) : t('join.declined', { name }),
    );
    await changed(updated);
  }

  return (
    <div className="stack">
      <Heading level={3} data-size="xs" id="initiative-join-requests-heading">
        {t('join.requestsHeading')}
      </Heading>
      <ul className="plain-list stack" aria-labelledby="initiative-join-requests-heading">
        {initiative.joinRequests.map((r) => (
          <li key={r.id} className="stack">
            <Paragraph>
              {t('join.requestBy', {
                name: r.person.name,
                role: labels.label(STAKEHOLDER_ROLES, r.role),
                date: formatDate(r.createdAt, lang),
              })}
            </Paragraph>
            {r.message && <Paragraph className="prose">{r.message}</Paragraph>}
            <div className="button-row">
              <Button
                data-size="sm"
                aria-label={t('join.acceptName', { name: r.person.name })}
                onClick={() => void decide(r.id, r.person.name, true)}
              >
                {t('join.accept')}
              </Button>
              <Button
                variant="secondary"
                data-size="sm"
                aria-label={t('join.declineName', { name: r.person.name })}
                onClick={() => void decide(r.id, r.person.name, false)}
              >
                {t('join.decline')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ActionFeedback status={action.status} failure={action.failure} />
    </div>
  );
}

function AddStakeholder({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const changed = useInitiativeChanged();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('partner');
  const [owner, setOwner] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsedRole = StakeholderRole.safeParse(role);
    if ((email.trim() === '') === (organisationId === '') || !parsedRole.success) {
      setError(t('stakeholders.emailOrOrganisation'));
      document.getElementById('stakeholder-email')?.focus();
      return;
    }
    setError(undefined);
    let updated: Initiative | undefined;
    const ok = await action.run(
      async () => {
        updated = await addStakeholder(initiative.id, {
          ...(email.trim() ? { email: email.trim() } : { organisationId }),
          role: parsedRole.data,
          owner,
        });
      },
      t('stakeholders.added'),
      {
        already_stakeholder: t('stakeholders.already'),
        not_found: t('stakeholders.noAccount'),
      },
    );
    if (ok) {
      setEmail('');
      setOrganisationId('');
      setOwner(false);
    }
    await changed(updated);
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Heading level={3} data-size="xs">
        {t('stakeholders.addHeading')}
      </Heading>
      <Textfield
        id="stakeholder-email"
        type="email"
        autoComplete="off"
        label={t('stakeholders.email')}
        description={t('stakeholders.emailHint')}
        value={email}
        error={error}
        onChange={(e) => setEmail(e.target.value)}
      />
      <OrganisationPicker
        id="stakeholder-organisation"
        label={t('stakeholders.organisation')}
        searchLabel={t('stakeholders.organisationSearch')}
        noneLabel={t('stakeholders.noOrganisation')}
        value={organisationId}
        initial={null}
        error={undefined}
        onChange={setOrganisationId}
      />
      <RoleSelect id="stakeholder-role" value={role} onChange={setRole} />
      <Checkbox
        id="stakeholder-owner"
        label={t('stakeholders.makeOwner')}
        checked={owner}
        onChange={(e) => setOwner(e.target.checked)}
      />
      <ActionFeedback status={action.status} failure={action.failure} />
      <div>
        <Button type="submit" loading={action.busy}>
          {t('stakeholders.add')}
        </Button>
      </div>
    </form>
  );
}

function JoinForm({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const changed = useInitiativeChanged();
  const action = useAction();
  const [role, setRole] = useState('co_implementer');
  const [message, setMessage] = useState('');

  if (initiative.hasPendingRequest)
    return (
      <>
        <Paragraph>{t('join.pending')}</Paragraph>
        <ActionFeedback status={action.status} failure={action.failure} />
      </>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsedRole = StakeholderRole.safeParse(role);
    if (!parsedRole.success) return;
    await action.run(
      () => requestToJoinInitiative(initiative.id, parsedRole.data, message.trim()),
      t('join.sent'),
      { already_requested: t('join.already'), already_stakeholder: t('join.alreadyStakeholder') },
    );
    await changed();
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Heading level={3} data-size="xs">
        {t('join.heading')}
      </Heading>
      <RoleSelect id="join-role" value={role} onChange={setRole} />
      <Textfield
        id="join-message"
        label={t('join.message')}
        multiline
        rows={3}
        maxLength={2000}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <ActionFeedback status={action.status} failure={action.failure} />
      <div>
        <Button type="submit" loading={action.busy}>
          {t('join.submit')}
        </Button>
      </div>
    </form>
  );
}
