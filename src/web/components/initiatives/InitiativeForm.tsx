import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_SECTORS, CASE_STAGES } from '../../../shared/case-vocabulary.ts';
import {
  InitiativeCreate,
  STAKEHOLDER_ROLES,
  type Initiative,
} from '../../../shared/initiatives.ts';
import { useLabels } from '../../case-labels.ts';
import { sortedCountries } from '../../format.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createInitiative } from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

const FIELDS = ['title', 'purpose', 'place', 'country', 'sector', 'stage', 'role'] as const;
type Field = (typeof FIELDS)[number];
const id = (f: Field) => `initiative-${f}`;

/** Start an initiative: what it is for, where, its sector and stage, and my role in it. */
export function InitiativeForm({ onSaved }: { onSaved: (i: Initiative) => void | Promise<void> }) {
  const { t, lang } = useInitiativesTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const form = useFormErrors<Field>();
  const [values, setValues] = useState<Record<Field, string>>({
    title: '',
    purpose: '',
    place: '',
    country: '',
    sector: '',
    stage: 'identifying_problems',
    role: 'co_initiator',
  });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Record<Field, string>>) => setValues((v) => ({ ...v, ...patch }));
  const optional = (label: string) => `${label} ${tc('common.optional')}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = InitiativeCreate.safeParse({ ...values, sector: values.sector || null });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const saved = await createInitiative(parsed.data);
      form.clear();
      await onSaved(saved);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  const select = (
    field: 'country' | 'sector' | 'stage' | 'role',
    label: string,
    options: { value: string; label: string }[],
    empty?: string,
  ) => (
    <Field>
      <Label>{label}</Label>
      <Select
        id={id(field)}
        value={values[field]}
        aria-invalid={form.errors[field] ? true : undefined}
        onChange={(e) => set({ [field]: e.target.value })}
      >
        {empty !== undefined && <Select.Option value="">{empty}</Select.Option>}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {form.errors[field] && <ValidationMessage>{form.errors[field]}</ValidationMessage>}
    </Field>
  );

  return (
    <>
      <FormErrorSummary
        fields={FIELDS.map((f) => ({ name: f, id: id(f), label: t(`fields.${f}`) }))}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id={id('title')}
          label={t('fields.title')}
          description={t('form.titleHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={values.title}
          error={form.errors.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        <Textfield
          id={id('purpose')}
          label={optional(t('fields.purpose'))}
          description={t('form.purposeHint')}
          multiline
          rows={5}
          value={values.purpose}
          error={form.errors.purpose}
          onChange={(e) => set({ purpose: e.target.value })}
        />
        <Textfield
          id={id('place')}
          label={optional(t('fields.place'))}
          description={t('form.placeHint')}
          value={values.place}
          error={form.errors.place}
          onChange={(e) => set({ place: e.target.value })}
        />
        {select(
          'country',
          t('fields.country'),
          sortedCountries(lang).map((c) => ({ value: c.code, label: c.name })),
          t('form.chooseCountry'),
        )}
        {select(
          'sector',
          optional(t('fields.sector')),
          CASE_SECTORS.values.map((v) => ({ value: v, label: labels.label(CASE_SECTORS, v) })),
          tc('common.notSet'),
        )}
        {select(
          'stage',
          t('fields.stage'),
          CASE_STAGES.values.map((v) => ({ value: v, label: labels.label(CASE_STAGES, v) })),
        )}
        {select(
          'role',
          t('fields.role'),
          STAKEHOLDER_ROLES.values.map((v) => ({
            value: v,
            label: labels.label(STAKEHOLDER_ROLES, v),
          })),
        )}
        <div>
          <Button type="submit" loading={busy}>
            {t('form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
