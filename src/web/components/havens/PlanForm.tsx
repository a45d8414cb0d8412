import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Button,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import {
  EXPERIMENT_DESIGNS,
  ExperimentCreate,
  ExperimentUpdate,
  OutcomeKind,
  PLAN_FIELDS,
  type Experiment,
} from '../../../shared/havens.ts';
import { useLabels } from '../../case-labels.ts';
import { sortedCountries } from '../../format.ts';
import {
  planChanges,
  planInput,
  planValues,
  type PlanField,
  type PlanValues,
} from '../../havens-plan.ts';
import { fieldErrorsFromApi, issueMessage } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { useHavensTranslation, type HavensTranslate } from './havens-i18n.ts';

type FormField = PlanField | 'amendmentReason';
const FORM_FIELDS: readonly FormField[] = [...PLAN_FIELDS, 'amendmentReason'];

/** Long text fields, shown as text areas. */
const LONG: readonly PlanField[] = [
  'question',
  'hypothesis',
  'intervention',
  'successCriterion',
  'population',
  'risks',
  'ethics',
  'dataProtection',
];

interface Props {
  /** The experiment whose plan changes; none to register a new one. */
  experiment?: Experiment;
  submitLabel: string;
  /** Send a new plan (no `experiment`) or the changed fields; throw an ApiError to show it. */
  onCreate?: (input: ExperimentCreate) => Promise<void>;
  onUpdate?: (input: ExperimentUpdate) => Promise<void>;
  /** Nothing was changed: the form says so rather than sending an empty change. */
  onUnchanged?: () => void;
}

function messageFor(
  t: HavensTranslate,
  tc: Parameters<typeof issueMessage>[0],
  issue: z.ZodError['issues'][number],
): string {
  const field = String(issue.path[0] ?? '');
  if (issue.code === 'custom' && field === 'endsOn') return t('plan.endBeforeStart');
  if (issue.code === 'custom' && field === 'arms') return t('plan.armsRepeat');
  if (field === 'currency' && issue.code === 'invalid_format') return t('plan.currencyInvalid');
  if ((field === 'plannedSampleSize' || field === 'budget') && issue.code !== 'too_big') {
    return t('plan.numberInvalid');
  }
  return issueMessage(tc, issue);
}

/** The plan of an experiment: to register it, or to change it (an amendment after the start). */
export function PlanForm({ experiment, submitLabel, onCreate, onUpdate, onUnchanged }: Props) {
  const { t: tc } = useTranslation();
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const form = useFormErrors<FormField>();
  const [values, setValues] = useState<PlanValues>(() => planValues(experiment));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const started = experiment !== undefined && experiment.status !== 'planned';
  const set = (patch: Partial<PlanValues>) => setValues((v) => ({ ...v, ...patch }));
  const label = (field: FormField) => t(`plan.fields.${field}`);
  const optional = (field: PlanField) =>
    field === 'title' || field === 'design' || field === 'outcomeKind'
      ? label(field)
      : `${label(field)} ${tc('common.optional')}`;

  const summaryFields = FORM_FIELDS.map((name) => ({
    name,
    id: name === 'outcomeKind' ? 'plan-outcomeKind-binary' : `plan-${name}`,
    label: label(name),
  }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = ExperimentCreate.safeParse(planInput(values));
    if (!parsed.success) {
      const fields: Partial<Record<FormField, string>> = {};
      let other: string | null = null;
      for (const issue of parsed.error.issues) {
        const field = FORM_FIELDS.find((f) => f === issue.path[0]);
        if (field) fields[field] ??= messageFor(t, tc, issue);
        else other ??= messageFor(t, tc, issue);
      }
      form.show(fields, other);
      return;
    }
    let update: ExperimentUpdate | null = null;
    if (experiment) {
      const changes = planChanges(experiment, parsed.data);
      if (Object.keys(changes).length === 0) {
        form.clear();
        onUnchanged?.();
        return;
      }
      const checked = ExperimentUpdate.safeParse(
        started ? { ...changes, amendmentReason: reason } : changes,
      );
      if (!checked.success) {
        form.show({ amendmentReason: t('plan.reasonRequired') });
        return;
      }
      update = checked.data;
    }
    setBusy(true);
    try {
      if (update) await onUpdate?.(update);
      else await onCreate?.(parsed.data);
      form.clear();
      setReason('');
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FORM_FIELDS, {
        amendmentReason: t('plan.reasonRequired'),
      });
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  const textField = (field: PlanField, extra: { hint?: string; size?: number } = {}) => (
    <Textfield
      key={field}
      id={`plan-${field}`}
      label={optional(field)}
      description={extra.hint}
      multiline={LONG.includes(field) || undefined}
      rows={LONG.includes(field) ? 3 : undefined}
      size={extra.size}
      required={field === 'title' || undefined}
      value={values[field]}
      error={form.errors[field]}
      onChange={(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set({ [field]: e.target.value })
      }
    />
  );

  const select = (field: 'design' | 'sector' | 'country', options: [string, string][]) => (
    <Field key={field}>
      <Label>{optional(field)}</Label>
      <Select
        id={`plan-${field}`}
        value={values[field]}
        aria-invalid={form.errors[field] ? true : undefined}
        onChange={(e) => set({ [field]: e.target.value })}
      >
        {field !== 'design' && <Select.Option value="">{tc('common.notSet')}</Select.Option>}
        {options.map(([value, text]) => (
          <Select.Option key={value} value={value}>
            {text}
          </Select.Option>
        ))}
      </Select>
      {form.errors[field] && <ValidationMessage>{form.errors[field]}</ValidationMessage>}
    </Field>
  );

  return (
    <>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('plan.partQuestion')}</Fieldset.Legend>
          {textField('title')}
          {select(
            'design',
            EXPERIMENT_DESIGNS.values.map((d) => [d, labels.label(EXPERIMENT_DESIGNS, d)]),
          )}
          {textField('question')}
          {textField('hypothesis', { hint: t('plan.hypothesisHint') })}
          {textField('intervention')}
          {textField('primaryMetric')}
          {textField('successCriterion', { hint: t('plan.successCriterionHint') })}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('plan.partWhoWhen')}</Fieldset.Legend>
          {textField('population')}
          {textField('plannedSampleSize', { size: 10 })}
          <Textfield
            id="plan-startsOn"
            label={optional('startsOn')}
            type="date"
            value={values.startsOn}
            error={form.errors.startsOn}
            onChange={(e) => set({ startsOn: e.target.value })}
          />
          <Textfield
            id="plan-endsOn"
            label={optional('endsOn')}
            type="date"
            value={values.endsOn}
            error={form.errors.endsOn}
            onChange={(e) => set({ endsOn: e.target.value })}
          />
          {select(
            'sector',
            CASE_SECTORS.values.map((s) => [s, labels.label(CASE_SECTORS, s)]),
          )}
          {select(
            'country',
            sortedCountries(lang).map((c) => [c.code, c.name]),
          )}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('plan.partComparison')}</Fieldset.Legend>
          {textField('arms', { hint: t('plan.armsHint') })}
          <Fieldset>
            <Fieldset.Legend>{label('outcomeKind')}</Fieldset.Legend>
            {OutcomeKind.options.map((k) => (
              <Radio
                key={k}
                id={`plan-outcomeKind-${k}`}
                name="plan-outcomeKind"
                value={k}
                label={t(`plan.outcomeKinds.${k}`)}
                checked={values.outcomeKind === k}
                onChange={() => set({ outcomeKind: k })}
              />
            ))}
            {form.errors.outcomeKind && (
              <ValidationMessage>{form.errors.outcomeKind}</ValidationMessage>
            )}
          </Fieldset>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('plan.partCare')}</Fieldset.Legend>
          {textField('budget', { size: 12 })}
          {textField('currency', { hint: t('plan.currencyHint'), size: 4 })}
          {textField('risks')}
          {textField('ethics')}
          {textField('dataProtection')}
        </Fieldset>
        {started && (
          <Textfield
            id="plan-amendmentReason"
            label={label('amendmentReason')}
            description={t('plan.amendmentReasonHint')}
            multiline
            rows={3}
            required
            value={reason}
            error={form.errors.amendmentReason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <div>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
