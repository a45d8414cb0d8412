import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  PLEDGE_QUANTITY,
  PledgeCreate,
  type Pledge,
  type ResourceKind,
} from '../../../shared/exchange.ts';
import { ApiError } from '../../api.ts';
import {
  PLEDGE_FORM_FIELDS,
  pledgeBody,
  pledgeFieldOf,
  pledgeFormValues,
  pledgeProblems,
  serverProblems,
  type PledgeFormField,
  type PledgeFormValues,
  type Problem,
} from '../../exchange-form.ts';
import { useMyOrganisations } from '../../queries.ts';
import { errorMessage } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { createPledge, useExchangeChanged } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';

const CONFLICTS = ['same_party', 'kinds_differ', 'item_not_open'] as const;

/**
 * Propose a pledge of `kind` for an offer, a request or a pair of them: the quantity the kind is
 * measured in (hours, an amount, days; none for knowledge, information and contacts), a note,
 * and, when giving or asking without an item of one's own, on whose behalf. Mistakes show on
 * their field, which takes focus; the result is announced with a link to the pledge.
 */
export function PledgeForm({
  id,
  kind,
  ids,
  currency,
  onBehalf,
  submitLabel,
}: {
  /** A prefix that makes the form's ids unique on the page. */
  id: string;
  kind: ResourceKind;
  ids: { offerId?: string; requestId?: string };
  /** The currency of the item answered, the default for money. */
  currency: string | null;
  /** Ask on whose behalf (myself or one of my organisations). */
  onBehalf: boolean;
  submitLabel: string;
}) {
  const { t, labels } = useExchangeI18n();
  const { t: tc } = useTranslation();
  const changed = useExchangeChanged();
  const organisations = useMyOrganisations(onBehalf);
  const [values, setValues] = useState<PledgeFormValues>(() => pledgeFormValues(currency));
  const [errors, setErrors] = useState<Partial<Record<PledgeFormField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [made, setMade] = useState<Pledge | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PledgeFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const measure = PLEDGE_QUANTITY[kind];
  const fieldId = (f: PledgeFormField) => `${id}-${f}`;
  const myOrganisations = organisations.data ?? [];

  /** Show the problems on their fields and focus the first. */
  function show(problems: Partial<Record<PledgeFormField, Problem>>) {
    const out: Partial<Record<PledgeFormField, string>> = {};
    for (const [f, p] of Object.entries(problems) as [PledgeFormField, Problem][])
      out[f] = t(`problems.${p}`);
    setErrors(out);
    const first = PLEDGE_FORM_FIELDS.find((f) => out[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const problems = pledgeProblems(kind, values);
    if (Object.keys(problems).length > 0) return show(problems);
    const parsed = PledgeCreate.safeParse(pledgeBody(kind, values, ids));
    if (!parsed.success) {
      setErrors({});
      setFailure(tc('validation.invalid'));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const pledge = await createPledge(parsed.data);
      setMade(pledge);
      setValues(pledgeFormValues(currency));
      await changed(pledge);
    } catch (error) {
      setMade(null);
      if (error instanceof ApiError && error.status === 400 && error.fieldIssues.length > 0) {
        const issues = error.fieldIssues.flatMap((i) => {
          const field = pledgeFieldOf(i.path);
          return field ? [{ path: field, message: i.message }] : [];
        });
        const found = serverProblems(issues, PLEDGE_FORM_FIELDS);
        if (Object.keys(found.fields).length > 0) show(found.fields);
        else setFailure(tc('validation.invalid'));
      } else if (error instanceof ApiError && error.status === 409) {
        const code = CONFLICTS.find((c) => c === error.code);
        setFailure(code ? t(`pledgeForm.conflicts.${code}`) : errorMessage(tc, error));
      } else {
        setFailure(errorMessage(tc, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      {measure === null ? (
        <Paragraph data-size="sm">
          {t('pledgeForm.noQuantity', { kind: labels.kind(kind) })}
        </Paragraph>
      ) : (
        <Textfield
          id={fieldId('quantity')}
          label={t(`pledgeForm.${measure}`)}
          description={t(`pledgeForm.${measure}Hint`)}
          inputMode={measure === 'days' ? 'numeric' : 'decimal'}
          autoComplete="off"
          required
          value={values.quantity}
          error={errors.quantity}
          onChange={(e) => set({ quantity: e.target.value })}
        />
      )}
      {measure === 'amount' && (
        <Textfield
          id={fieldId('currency')}
          label={t('fields.currency')}
          description={t('form.currencyHint')}
          maxLength={3}
          autoComplete="off"
          value={values.currency}
          error={errors.currency}
          onChange={(e) => set({ currency: e.target.value })}
        />
      )}
      <Textfield
        id={fieldId('note')}
        label={`${t('pledgeForm.note')} ${tc('common.optional')}`}
        description={t('pledgeForm.noteHint')}
        multiline
        rows={2}
        maxLength={2000}
        value={values.note}
        error={errors.note}
        onChange={(e) => set({ note: e.target.value })}
      />
      {onBehalf && myOrganisations.length > 0 && (
        <Field>
          <Label>{t('fields.organisationId')}</Label>
          <Field.Description>{t('pledgeForm.onBehalfHint')}</Field.Description>
          <Select
            id={fieldId('organisationId')}
            value={values.organisationId}
            aria-invalid={errors.organisationId ? true : undefined}
            onChange={(e) => set({ organisationId: e.target.value })}
          >
            <Select.Option value="">{t('form.myself')}</Select.Option>
            {myOrganisations.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </Select>
          {errors.organisationId && <ValidationMessage>{errors.organisationId}</ValidationMessage>}
        </Field>
      )}
      <div>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </div>
      <div role="status" className="status-region">
        {made && (
          <Alert data-color="success">
            <Paragraph>
              {t('pledgeForm.proposed')}{' '}
              <AppLink to={`/exchange/pledges/${made.id}`}>{t('pledgeForm.open')}</AppLink>
            </Paragraph>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </form>
  );
}
