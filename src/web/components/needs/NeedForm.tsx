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
import type { z } from 'zod';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import { NeedCreate, NeedUpdate, type Need } from '../../../shared/needs.ts';
import { useLabels } from '../../case-labels.ts';
import { sortedCountries } from '../../format.ts';
import {
  NEED_FORM_FIELDS,
  createBody,
  needFormValues,
  updateBody,
  type NeedFormField,
  type NeedFormValues,
} from '../../needs-form.ts';
import { useMyOrganisations } from '../../queries.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createNeed, updateNeed } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { SimilarNeeds } from './SimilarNeeds.tsx';

const IDS: Record<NeedFormField, string> = {
  title: 'need-title',
  description: 'need-description',
  place: 'need-place',
  country: 'need-country',
  sector: 'need-sector',
  responsibleOrganisationId: 'need-responsible',
  organisationId: 'need-organisation',
};

/**
 * Post a need (without `need`), or change one: what it is, where, the sector, and the
 * organisation responsible for it. While a new need's title is typed, similar needs show below it.
 */
export function NeedForm({
  need,
  onSaved,
}: {
  need?: Need;
  onSaved: (need: Need) => void | Promise<void>;
}) {
  const { t, lang } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const creating = need === undefined;
  const mine = useMyOrganisations(creating);
  const form = useFormErrors<NeedFormField>();
  const [values, setValues] = useState<NeedFormValues>(() => needFormValues(need));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NeedFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const optional = (label: string) => `${label} ${tc('common.optional')}`;

  const summaryFields = NEED_FORM_FIELDS.map((name) => ({
    name,
    id: IDS[name],
    label: t(`fields.${name}`),
  }));

  function invalid(error: z.ZodError): null {
    const { fields, other } = fieldErrorsFromZod(tc, error, NEED_FORM_FIELDS);
    form.show(fields, other);
    return null;
  }

  /** The request to send, or null (and the errors shown) when the values do not pass. */
  function validated(): (() => Promise<Need>) | null {
    if (need) {
      const parsed = NeedUpdate.safeParse(updateBody(values));
      if (!parsed.success) return invalid(parsed.error);
      return () => updateNeed(need.id, parsed.data);
    }
    const parsed = NeedCreate.safeParse(createBody(values));
    if (!parsed.success) return invalid(parsed.error);
    return () => createNeed(parsed.data);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const send = validated();
    if (!send) return;
    setBusy(true);
    try {
      const saved = await send();
      form.clear();
      await onSaved(saved);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, NEED_FORM_FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id={IDS.title}
          label={t('fields.title')}
          description={t('form.titleHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={values.title}
          error={form.errors.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        {creating && <SimilarNeeds title={values.title} />}
        <Textfield
          id={IDS.description}
          label={optional(t('fields.description'))}
          description={t('form.descriptionHint')}
          multiline
          rows={5}
          value={values.description}
          error={form.errors.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <Textfield
          id={IDS.place}
          label={optional(t('fields.place'))}
          description={t('form.placeHint')}
          value={values.place}
          error={form.errors.place}
          onChange={(e) => set({ place: e.target.value })}
        />
        {creating && (
          <Field>
            <Label>{t('fields.country')}</Label>
            <Select
              id={IDS.country}
              required
              value={values.country}
              aria-invalid={form.errors.country ? true : undefined}
              onChange={(e) => set({ country: e.target.value })}
            >
              <Select.Option value="">{t('form.chooseCountry')}</Select.Option>
              {sortedCountries(lang).map((c) => (
                <Select.Option key={c.code} value={c.code}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
            {form.errors.country && <ValidationMessage>{form.errors.country}</ValidationMessage>}
          </Field>
        )}
        <Field>
          <Label>{optional(t('fields.sector'))}</Label>
          <Select
            id={IDS.sector}
            value={values.sector}
            aria-invalid={form.errors.sector ? true : undefined}
            onChange={(e) => set({ sector: e.target.value })}
          >
            <Select.Option value="">{tc('common.notSet')}</Select.Option>
            {CASE_SECTORS.values.map((v) => (
              <Select.Option key={v} value={v}>
                {labels.label(CASE_SECTORS, v)}
              </Select.Option>
            ))}
          </Select>
          {form.errors.sector && <ValidationMessage>{form.errors.sector}</ValidationMessage>}
        </Field>
        <OrganisationPicker
          id={IDS.responsibleOrganisationId}
          label={optional(t('fields.responsibleOrganisationId'))}
          value={values.responsibleOrganisationId}
          initial={need?.responsibleOrganisation ?? null}
          error={form.errors.responsibleOrganisationId}
          onChange={(id) => set({ responsibleOrganisationId: id })}
        />
        {creating && (mine.data ?? []).length > 0 && (
          <Field>
            <Label>{t('fields.organisationId')}</Label>
            <Field.Description>{t('form.onBehalfHint')}</Field.Description>
            <Select
              id={IDS.organisationId}
              value={values.organisationId}
              aria-invalid={form.errors.organisationId ? true : undefined}
              onChange={(e) => set({ organisationId: e.target.value })}
            >
              <Select.Option value="">{t('form.myself')}</Select.Option>
              {(mine.data ?? []).map((o) => (
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
        <div>
          <Button type="submit" loading={busy}>
            {creating ? t('form.submit') : t('form.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
