import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  FACILITATION_KINDS,
  FACILITATION_STATUSES,
  FacilitationCreate,
  FacilitationKind,
  type Facilitation,
  type Initiative,
} from '../../../shared/initiatives.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import {
  EMPTY_FACILITATION_DRAFT,
  facilitationFields,
  facilitationInput,
  nextFacilitationStatuses,
  type FacilitationDraft,
} from '../../initiatives-facilitation.ts';
import { useSession } from '../../session.ts';
import { fieldErrorsFromZod } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { OrganisationPicker } from '../needs/OrganisationPicker.tsx';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import {
  changeFacilitationStatus,
  recordFacilitation,
  useInitiativeChanged,
} from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

const STATUS_COLOURS = {
  requested: 'neutral',
  committed: 'info',
  delivered: 'success',
  withdrawn: 'warning',
} as const;

/**
 * Government's supporting role: what public bodies do for the initiative (a building, funding,
 * expertise…), committed and delivered in order, or withdrawn with a reason. Members of a public
 * body and the initiative's owners record it.
 */
export function FacilitationSection({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const { user } = useSession();
  return (
    <section aria-labelledby="initiative-facilitation-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-facilitation-heading">
        {t('facilitation.heading')}
      </Heading>
      <Paragraph className="prose">{t('facilitation.lead')}</Paragraph>
      {initiative.facilitation.length === 0 && <Paragraph>{t('facilitation.none')}</Paragraph>}
      {initiative.facilitation.length > 0 && (
        <ul className="plain-list stack" aria-labelledby="initiative-facilitation-heading">
          {initiative.facilitation.map((f) => (
            <FacilitationItem key={f.id} facilitation={f} />
          ))}
        </ul>
      )}
      {user && <RecordFacilitation initiative={initiative} />}
    </section>
  );
}

function FacilitationItem({ facilitation: f }: { facilitation: Facilitation }) {
  const { t, lang } = useInitiativesTranslation();
  const labels = useLabels();
  const changed = useInitiativeChanged();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const next = f.canChange ? nextFacilitationStatuses(f.status) : [];
  const kind = labels.label(FACILITATION_KINDS, f.kind);
  const reasonId = `facilitation-${f.id}-reason`;

  async function move(status: 'committed' | 'delivered' | 'withdrawn') {
    if (status === 'withdrawn' && reason.trim().length < 3) {
      setReasonError(t('facilitation.reasonNeeded'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    await action.run(
      () => changeFacilitationStatus(f.id, status, reason.trim() || undefined),
      t('facilitation.changed', {
        kind,
        status: labels.label(FACILITATION_STATUSES, status),
      }),
      { illegal_transition: t('facilitation.outOfOrder'), changed: t('facilitation.outOfOrder') },
    );
    await changed();
  }

  return (
    <li className="stack facilitation-item">
      <div className="button-row">
        <strong>{kind}</strong>
        <span>
          {t('facilitation.by')}{' '}
          <AppLink to={`/organisations/${f.organisation.id}`}>{f.organisation.name}</AppLink>
        </span>
        <Tag data-color={STATUS_COLOURS[f.status]} data-size="sm">
          {labels.label(FACILITATION_STATUSES, f.status)}
        </Tag>
      </div>
      {f.description && <Paragraph className="prose">{f.description}</Paragraph>}
      <dl className="details-list">
        {f.address && (
          <>
            <dt>{t('facilitation.address')}</dt>
            <dd>{f.address}</dd>
          </>
        )}
        {(f.periodStart || f.periodEnd) && (
          <>
            <dt>{t('facilitation.period')}</dt>
            <dd>
              {t('facilitation.fromTo', {
                from: f.periodStart ? formatDate(f.periodStart, lang) : '…',
                to: f.periodEnd ? formatDate(f.periodEnd, lang) : '…',
              })}
            </dd>
          </>
        )}
        {f.conditions && (
          <>
            <dt>{t('facilitation.conditions')}</dt>
            <dd>{f.conditions}</dd>
          </>
        )}
        {f.amount !== null && (
          <>
            <dt>{t('facilitation.amount')}</dt>
            <dd>
              {new Intl.NumberFormat(lang, { style: 'currency', currency: f.currency }).format(
                f.amount,
              )}
            </dd>
          </>
        )}
        {f.reason && (
          <>
            <dt>{t('facilitation.reason')}</dt>
            <dd>{f.reason}</dd>
          </>
        )}
      </dl>
      {next.length > 0 && (
        <div className="stack narrow">
          {next.includes('withdrawn') && (
            <Textfield
              id={reasonId}
              label={t('facilitation.withdrawReason')}
              description={t('facilitation.withdrawReasonHint')}
              maxLength={2000}
              value={reason}
              error={reasonError}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          <div className="button-row">
            {next.map((status) => (
              <Button
                key={status}
                data-size="sm"
                variant={status === 'withdrawn' ? 'secondary' : 'primary'}
                loading={action.busy}
                aria-label={t(`facilitation.actionsNamed.${status}`, { kind })}
                onClick={() => void move(status)}
              >
                {t(`facilitation.actions.${status}`)}
              </Button>
            ))}
          </div>
        </div>
      )}
      <ActionFeedback status={action.status} failure={action.failure} />
    </li>
  );
}

const DRAFT_FIELDS = [
  'organisationId',
  'kind',
  'description',
  'address',
  'periodStart',
  'periodEnd',
  'conditions',
  'amount',
  'currency',
] as const;
type DraftField = (typeof DRAFT_FIELDS)[number];
const fieldId = (f: DraftField) => `facilitation-${f}`;

function RecordFacilitation({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const changed = useInitiativeChanged();
  const form = useAction();
  const [draft, setDraft] = useState<FacilitationDraft>(EMPTY_FACILITATION_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const set = (patch: Partial<FacilitationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const extra = facilitationFields(draft.kind);
  const optional = (label: string) => `${label} ${tc('common.optional')}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = FacilitationCreate.safeParse(facilitationInput(draft));
    if (!parsed.success) {
      const { fields } = fieldErrorsFromZod(tc, parsed.error, DRAFT_FIELDS);
      if (fields.organisationId) fields.organisationId = t('facilitation.chooseBody');
      if (fields.amount) fields.amount = t('facilitation.amountNeeded');
      setErrors(fields);
      const first = DRAFT_FIELDS.find((f) => fields[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setErrors({});
    const ok = await form.run(
      () => recordFacilitation(initiative.id, parsed.data),
      t('facilitation.recorded'),
      { forbidden: t('facilitation.forbidden') },
    );
    if (ok) setDraft(EMPTY_FACILITATION_DRAFT);
    await changed();
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Heading level={3} data-size="xs">
        {t('facilitation.recordHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('facilitation.recordHint')}</Paragraph>
      <OrganisationPicker
        id={fieldId('organisationId')}
        kind="public_body"
        label={t('facilitation.organisation')}
        searchLabel={t('facilitation.organisationSearch')}
        noneLabel={t('facilitation.chooseOrganisation')}
        value={draft.organisationId}
        initial={null}
        error={errors.organisationId}
        onChange={(organisationId) => set({ organisationId })}
      />
      <Field>
        <Label>{t('facilitation.kind')}</Label>
        <Select
          id={fieldId('kind')}
          value={draft.kind}
          onChange={(e) => {
            const kind = FacilitationKind.safeParse(e.target.value);
            if (kind.success) set({ kind: kind.data });
          }}
        >
          {FACILITATION_KINDS.values.map((v) => (
            <Select.Option key={v} value={v}>
              {labels.label(FACILITATION_KINDS, v)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        id={fieldId('description')}
        label={optional(t('facilitation.description'))}
        multiline
        rows={3}
        maxLength={4000}
        value={draft.description}
        error={errors.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      {extra.includes('space') && (
        <>
          <Textfield
            id={fieldId('address')}
            label={optional(t('facilitation.address'))}
            maxLength={500}
            value={draft.address}
            error={errors.address}
            onChange={(e) => set({ address: e.target.value })}
          />
          <Textfield
            id={fieldId('periodStart')}
            type="date"
            label={optional(t('facilitation.periodStart'))}
            value={draft.periodStart}
            error={errors.periodStart}
            onChange={(e) => set({ periodStart: e.target.value })}
          />
          <Textfield
            id={fieldId('periodEnd')}
            type="date"
            label={optional(t('facilitation.periodEnd'))}
            value={draft.periodEnd}
            error={errors.periodEnd}
            onChange={(e) => set({ periodEnd: e.target.value })}
          />
          <Textfield
            id={fieldId('conditions')}
            label={optional(t('facilitation.conditions'))}
            multiline
            rows={2}
            maxLength={2000}
            value={draft.conditions}
            error={errors.conditions}
            onChange={(e) => set({ conditions: e.target.value })}
          />
        </>
      )}
      {extra.includes('funding') && (
        <>
          <Textfield
            id={fieldId('amount')}
            inputMode="decimal"
            label={t('facilitation.amount')}
            value={draft.amount}
            error={errors.amount}
            onChange={(e) => set({ amount: e.target.value })}
          />
          <Textfield
            id={fieldId('currency')}
            label={t('facilitation.currency')}
            description={t('facilitation.currencyHint')}
            maxLength={3}
            value={draft.currency}
            error={errors.currency}
            onChange={(e) => set({ currency: e.target.value })}
          />
        </>
      )}
      <ActionFeedback status={form.status} failure={form.failure} />
      <div>
        <Button type="submit" loading={form.busy}>
          {t('facilitation.record')}
        </Button>
      </div>
    </form>
  );
}
