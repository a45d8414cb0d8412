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
import {
  COFOG_DIVISIONS,
  GOVERNMENT_LEVELS,
  ORGANISATION_KINDS,
  OrganisationCreate,
  type Organisation,
} from '../../shared/organisations.ts';
import { sortedCountries } from '../format.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';
import { kindLabel, levelLabel, sectorLabel } from '../vocab.ts';
import { FormErrorSummary, useFormErrors } from './FormErrorSummary.tsx';

const FIELDS = ['name', 'kind', 'country', 'level', 'sector', 'website', 'description'] as const;
type FieldName = (typeof FIELDS)[number];

interface Values {
  name: string;
  kind: string;
  country: string;
  level: string;
  sector: string;
  website: string;
  description: string;
}

function initialValues(org?: Organisation): Values {
  return {
    name: org?.name ?? '',
    kind: org?.kind ?? '',
    country: org?.country ?? '',
    level: org?.level ?? '',
    sector: org?.sector ?? '',
    website: org?.website ?? '',
    description: org?.description ?? '',
  };
}

interface Props {
  organisation?: Organisation;
  submitLabel: string;
  /** Send the validated data; throw an ApiError to show the server's answer. */
  onSubmit: (data: OrganisationCreate) => Promise<void>;
}

/** The form to register or edit an organisation. */
export function OrganisationForm({ organisation, submitLabel, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const form = useFormErrors<FieldName>();
  const [values, setValues] = useState<Values>(() => initialValues(organisation));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const isPublicBody = values.kind === 'public_body';
  const ids: Record<FieldName, string> = {
    name: 'org-name',
    kind: 'org-kind',
    country: 'org-country',
    level: 'org-level',
    sector: 'org-sector',
    website: 'org-website',
    description: 'org-description',
  };
  const labels: Record<FieldName, string> = {
    name: t('organisationForm.name'),
    kind: t('organisationForm.kind'),
    country: t('organisationForm.country'),
    level: t('organisationForm.level'),
    sector: t('organisationForm.sector'),
    website: t('organisationForm.website'),
    description: t('organisationForm.description'),
  };
  const summaryFields = FIELDS.map((name) => ({ name, id: ids[name], label: labels[name] }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = OrganisationCreate.safeParse({
      name: values.name,
      kind: values.kind,
      country: values.country,
      level: isPublicBody && values.level ? values.level : null,
      sector: values.sector || null,
      website: values.website.trim() || null,
      description: values.description,
    });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(parsed.data);
      form.clear();
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(t, error, FIELDS);
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
          id={ids.name}
          label={labels.name}
          required
          value={values.name}
          error={form.errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <Field>
          <Label>{labels.kind}</Label>
          <Select
            id={ids.kind}
            required
            value={values.kind}
            aria-invalid={form.errors.kind ? true : undefined}
            onChange={(e) => set({ kind: e.target.value })}
          >
            <Select.Option value="" disabled>
              {t('organisationForm.chooseKind')}
            </Select.Option>
            {ORGANISATION_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {kindLabel(t, k)}
              </Select.Option>
            ))}
          </Select>
          {form.errors.kind && <ValidationMessage>{form.errors.kind}</ValidationMessage>}
        </Field>
        {isPublicBody && (
          <Field>
            <Label>{`${labels.level} ${t('common.optional')}`}</Label>
            <Field.Description>{t('organisationForm.levelHint')}</Field.Description>
            <Select
              id={ids.level}
              value={values.level}
              aria-invalid={form.errors.level ? true : undefined}
              onChange={(e) => set({ level: e.target.value })}
            >
              <Select.Option value="">{t('common.notSet')}</Select.Option>
              {GOVERNMENT_LEVELS.map((l) => (
                <Select.Option key={l} value={l}>
                  {levelLabel(t, l)}
                </Select.Option>
              ))}
            </Select>
            {form.errors.level && <ValidationMessage>{form.errors.level}</ValidationMessage>}
          </Field>
        )}
        <Field>
          <Label>{labels.country}</Label>
          <Select
            id={ids.country}
            required
            autoComplete="country"
            value={values.country}
            aria-invalid={form.errors.country ? true : undefined}
            onChange={(e) => set({ country: e.target.value })}
          >
            <Select.Option value="" disabled>
              {t('organisationForm.chooseCountry')}
            </Select.Option>
            {sortedCountries(i18n.language).map((c) => (
              <Select.Option key={c.code} value={c.code}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
          {form.errors.country && <ValidationMessage>{form.errors.country}</ValidationMessage>}
        </Field>
        <Field>
          <Label>{`${labels.sector} ${t('common.optional')}`}</Label>
          <Field.Description>{t('organisationForm.sectorHint')}</Field.Description>
          <Select
            id={ids.sector}
            value={values.sector}
            aria-invalid={form.errors.sector ? true : undefined}
            onChange={(e) => set({ sector: e.target.value })}
          >
            <Select.Option value="">{t('common.notSet')}</Select.Option>
            {COFOG_DIVISIONS.map((s) => (
              <Select.Option key={s} value={s}>
                {sectorLabel(t, s)}
              </Select.Option>
            ))}
          </Select>
          {form.errors.sector && <ValidationMessage>{form.errors.sector}</ValidationMessage>}
        </Field>
        <Textfield
          id={ids.website}
          label={`${labels.website} ${t('common.optional')}`}
          description={t('organisationForm.websiteHint')}
          type="url"
          autoComplete="url"
          value={values.website}
          error={form.errors.website}
          onChange={(e) => set({ website: e.target.value })}
        />
        <Textfield
          id={ids.description}
          label={`${labels.description} ${t('common.optional')}`}
          multiline
          rows={6}
          value={values.description}
          error={form.errors.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <div>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
