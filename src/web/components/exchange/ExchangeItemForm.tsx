import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import {
  EXCHANGE_SIDES,
  EXCHANGE_VISIBILITIES,
  ExchangeItemCreate,
  ExchangeItemUpdate,
  RESOURCE_FORMATS,
  RESOURCE_KINDS,
  type ExchangeItem,
  type ExchangeSide,
  type ExchangeVisibility,
} from '../../../shared/exchange.ts';
import { ApiError } from '../../api.ts';
import {
  EXCHANGE_FORM_FIELDS,
  createBody,
  exchangeFormValues,
  fieldShown,
  formProblems,
  serverProblems,
  updateBody,
  type ExchangeFormField,
  type ExchangeFormValues,
  type Problem,
} from '../../exchange-form.ts';
import { sortedCountries } from '../../format.ts';
import { useMyOrganisations } from '../../queries.ts';
import { errorMessage } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { useSpaces } from '../havens/havens-api.ts';
import { getInitiative, initiativeKey } from '../initiatives/initiatives-api.ts';
import { createItem, updateItem } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';

/** The id of each field's input (the first option of a group), for the error summary's links. */
const IDS: Record<ExchangeFormField, string> = {
  side: 'exchange-side-offer',
  kind: 'exchange-kind',
  title: 'exchange-title',
  description: 'exchange-description',
  sectors: `exchange-sectors-${CASE_SECTORS.values[0]}`,
  country: 'exchange-country',
  region: 'exchange-region',
  remote: 'exchange-remote',
  availableFrom: 'exchange-available-from',
  availableUntil: 'exchange-available-until',
  hoursPerWeek: 'exchange-hours-per-week',
  durationWeeks: 'exchange-duration-weeks',
  amount: 'exchange-amount',
  currency: 'exchange-currency',
  capacity: 'exchange-capacity',
  address: 'exchange-address',
  accessibility: 'exchange-accessibility',
  format: 'exchange-format',
  organisationId: 'exchange-organisation',
  visibility: 'exchange-visibility-public',
  spaceId: 'exchange-space',
  initiativeId: 'exchange-initiative',
};

/**
 * Offer or ask for a resource (without `item`), or change one: what it is, the subjects, where
 * and when, the quantities of its kind, and (when new) for whom, who may see it and for which
 * initiative. The checks mirror the server's; the server's own answer is shown per field too.
 */
export function ExchangeItemForm({
  item,
  prefill,
  onSaved,
}: {
  item?: ExchangeItem;
  prefill?: { side?: ExchangeSide; initiativeId?: string };
  onSaved: (item: ExchangeItem) => void | Promise<void>;
}) {
  const { t, lang, labels } = useExchangeI18n();
  const { t: tc } = useTranslation();
  const creating = item === undefined;
  const organisations = useMyOrganisations(creating);
  const spaces = useSpaces(creating);
  const form = useFormErrors<ExchangeFormField>();
  const [values, setValues] = useState<ExchangeFormValues>(() => exchangeFormValues(item, prefill));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ExchangeFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const optional = (label: string) => `${label} ${tc('common.optional')}`;
  const kind = item?.kind ?? values.kind;
  const shown = (field: ExchangeFormField) => fieldShown(field, kind);

  const myOrganisations = organisations.data ?? [];
  const mySpaces = (spaces.data ?? []).filter((s) => s.myRole !== null && s.canWrite);
  const visibilities = EXCHANGE_VISIBILITIES.values.filter(
    (v) =>
      v === 'public' ||
      v === values.visibility ||
      (v === 'organisation' && myOrganisations.length > 0) ||
      (v === 'space' && mySpaces.length > 0),
  );

  const summaryFields = EXCHANGE_FORM_FIELDS.filter(shown).map((name) => ({
    name,
    id: IDS[name],
    label: t(`fields.${name}`),
  }));

  function show(problems: Partial<Record<ExchangeFormField, Problem>>, other: string | null) {
    const fields: Partial<Record<ExchangeFormField, string>> = {};
    for (const [field, problem] of Object.entries(problems) as [ExchangeFormField, Problem][])
      fields[field] = t(`problems.${problem}`);
    form.show(fields, other);
  }

  /** The request to send, or null (and the errors shown) when the values do not pass. */
  function validated(): (() => Promise<ExchangeItem>) | null {
    const problems = formProblems(values, creating);
    if (Object.keys(problems).length > 0) {
      show(problems, null);
      return null;
    }
    const refused = (error: z.ZodError) => {
      const issues = error.issues.map((i) => ({
        path: String(i.path[0] ?? ''),
        message: i.message,
      }));
      const found = serverProblems(issues, EXCHANGE_FORM_FIELDS);
      show(found.fields, found.other ? tc('validation.invalid') : null);
      return null;
    };
    if (item) {
      const parsed = ExchangeItemUpdate.safeParse(updateBody(values, item.kind));
      if (!parsed.success) return refused(parsed.error);
      return () => updateItem(item.id, parsed.data);
    }
    const parsed = ExchangeItemCreate.safeParse(createBody(values));
    if (!parsed.success) return refused(parsed.error);
    return () => createItem(parsed.data);
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
      if (error instanceof ApiError && error.status === 400 && error.fieldIssues.length > 0) {
        const found = serverProblems(error.fieldIssues, EXCHANGE_FORM_FIELDS);
        show(found.fields, found.other ? tc('validation.invalid') : null);
      } else {
        form.show({}, errorMessage(tc, error));
      }
    } finally {
      setBusy(false);
    }
  }

  const err = (field: ExchangeFormField) => form.errors[field];
  const invalid = (field: ExchangeFormField) => (err(field) ? true : undefined);
  const text = (
    field: 'region' | 'address' | 'currency',
    label: string,
    extra: { description?: string; maxLength: number; autoComplete?: string },
  ) => (
    <Textfield
      id={IDS[field]}
      label={label}
      description={extra.description}
      maxLength={extra.maxLength}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[field]}
      error={err(field)}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );
  const number = (
    field: 'hoursPerWeek' | 'durationWeeks' | 'amount' | 'capacity',
    label: string,
    description: string,
    whole: boolean,
  ) => (
    <Textfield
      id={IDS[field]}
      label={label}
      description={description}
      inputMode={whole ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={values[field]}
      error={err(field)}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );
  const select = (
    field: 'kind' | 'country' | 'format' | 'organisationId' | 'spaceId' | 'initiativeId',
    label: string,
    options: ReactNode,
    description?: string,
  ) => (
    <Field>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select
        id={IDS[field]}
        value={values[field]}
        aria-invalid={invalid(field)}
        onChange={(e) => {
          const value = e.target.value;
          if (field === 'kind') {
            const k = RESOURCE_KINDS.values.find((v) => v === value);
            set({ kind: k ?? '' });
          } else set({ [field]: value });
        }}
      >
        {options}
      </Select>
      {err(field) && <ValidationMessage>{err(field)}</ValidationMessage>}
    </Field>
  );

  return (
    <>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        {creating && (
          <Fieldset>
            <Fieldset.Legend>{t('fields.side')}</Fieldset.Legend>
            {EXCHANGE_SIDES.values.map((s) => (
              <Radio
                key={s}
                id={`exchange-side-${s}`}
                name="exchange-side"
                value={s}
                label={labels.side(s)}
                description={t(`form.sideHints.${s}`)}
                checked={values.side === s}
                aria-invalid={invalid('side')}
                onChange={() => set({ side: s })}
              />
            ))}
            {err('side') && <ValidationMessage>{err('side')}</ValidationMessage>}
          </Fieldset>
        )}
        {creating &&
          select(
            'kind',
            t('fields.kind'),
            <>
              <Select.Option value="">{t('form.chooseKind')}</Select.Option>
              {RESOURCE_KINDS.values.map((k) => (
                <Select.Option key={k} value={k}>
                  {labels.kind(k)}
                </Select.Option>
              ))}
            </>,
            t('form.kindHint'),
          )}
        <Textfield
          id={IDS.title}
          label={t('fields.title')}
          description={t('form.titleHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={values.title}
          error={err('title')}
          onChange={(e) => set({ title: e.target.value })}
        />
        <Textfield
          id={IDS.description}
          label={optional(t('fields.description'))}
          description={t('form.descriptionHint')}
          multiline
          rows={5}
          maxLength={8000}
          value={values.description}
          error={err('description')}
          onChange={(e) => set({ description: e.target.value })}
        />
        {shown('hoursPerWeek') &&
          number(
            'hoursPerWeek',
            optional(t('fields.hoursPerWeek')),
            t('form.hoursPerWeekHint'),
            false,
          )}
        {shown('durationWeeks') &&
          number(
            'durationWeeks',
            optional(t('fields.durationWeeks')),
            t('form.durationWeeksHint'),
            true,
          )}
        {shown('amount') && number('amount', t('fields.amount'), t('form.amountHint'), false)}
        {shown('currency') &&
          text('currency', t('fields.currency'), {
            description: t('form.currencyHint'),
            maxLength: 3,
          })}
        {shown('capacity') &&
          number('capacity', optional(t('fields.capacity')), t('form.capacityHint'), true)}
        {shown('address') &&
          text('address', optional(t('fields.address')), {
            maxLength: 300,
            autoComplete: 'street-address',
          })}
        {shown('accessibility') && (
          <Textfield
            id={IDS.accessibility}
            label={optional(t('fields.accessibility'))}
            description={t('form.accessibilityHint')}
            multiline
            rows={2}
            maxLength={1000}
            value={values.accessibility}
            error={err('accessibility')}
            onChange={(e) => set({ accessibility: e.target.value })}
          />
        )}
        {shown('format') &&
          select(
            'format',
            optional(t('fields.format')),
            <>
              <Select.Option value="">{tc('common.notSet')}</Select.Option>
              {RESOURCE_FORMATS.values.map((f) => (
                <Select.Option key={f} value={f}>
                  {labels.format(f)}
                </Select.Option>
              ))}
            </>,
          )}
        <Fieldset>
          <Fieldset.Legend>{optional(t('fields.sectors'))}</Fieldset.Legend>
          <Fieldset.Description>{t('form.sectorsHint')}</Fieldset.Description>
          {CASE_SECTORS.values.map((v) => (
            <Checkbox
              key={v}
              id={`exchange-sectors-${v}`}
              value={v}
              label={labels.sector(v)}
              checked={values.sectors.includes(v)}
              aria-invalid={invalid('sectors')}
              onChange={(e) =>
                set({
                  sectors: e.target.checked
                    ? [...values.sectors, v]
                    : values.sectors.filter((x) => x !== v),
                })
              }
            />
          ))}
          {err('sectors') && <ValidationMessage>{err('sectors')}</ValidationMessage>}
        </Fieldset>
        {select(
          'country',
          optional(t('fields.country')),
          <>
            <Select.Option value="">{t('form.noCountry')}</Select.Option>
            {sortedCountries(lang).map((c) => (
              <Select.Option key={c.code} value={c.code}>
                {c.name}
              </Select.Option>
            ))}
          </>,
        )}
        {text('region', optional(t('fields.region')), {
          description: t('form.regionHint'),
          maxLength: 100,
        })}
        <Checkbox
          id={IDS.remote}
          label={t('fields.remote')}
          description={t('form.remoteHint')}
          checked={values.remote}
          onChange={(e) => set({ remote: e.target.checked })}
        />
        <Fieldset>
          <Fieldset.Legend>{t('form.windowLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('form.windowHint')}</Fieldset.Description>
          <Textfield
            id={IDS.availableFrom}
            type="date"
            label={optional(t('fields.availableFrom'))}
            value={values.availableFrom}
            error={err('availableFrom')}
            onChange={(e) => set({ availableFrom: e.target.value })}
          />
          <Textfield
            id={IDS.availableUntil}
            type="date"
            label={optional(t('fields.availableUntil'))}
            value={values.availableUntil}
            error={err('availableUntil')}
            onChange={(e) => set({ availableUntil: e.target.value })}
          />
        </Fieldset>
        {creating &&
          myOrganisations.length > 0 &&
          select(
            'organisationId',
            t('fields.organisationId'),
            <>
              <Select.Option value="">{t('form.myself')}</Select.Option>
              {myOrganisations.map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
            </>,
            t('form.onBehalfHint'),
          )}
        {creating && (
          <Fieldset>
            <Fieldset.Legend>{t('fields.visibility')}</Fieldset.Legend>
            {visibilities.map((v: ExchangeVisibility) => (
              <Radio
                key={v}
                id={`exchange-visibility-${v}`}
                name="exchange-visibility"
                value={v}
                label={t(`form.visibilities.${v}`)}
                checked={values.visibility === v}
                aria-invalid={invalid('visibility')}
                onChange={() => set({ visibility: v })}
              />
            ))}
            {err('visibility') && <ValidationMessage>{err('visibility')}</ValidationMessage>}
          </Fieldset>
        )}
        {creating &&
          values.visibility === 'space' &&
          select(
            'spaceId',
            t('fields.spaceId'),
            <>
              <Select.Option value="">{t('form.chooseSpace')}</Select.Option>
              {mySpaces.map((s) => (
                <Select.Option key={s.id} value={s.id}>
                  {s.name}
                </Select.Option>
              ))}
            </>,
          )}
        {creating && values.side === 'request' && (
          <InitiativeSelect
            id={IDS.initiativeId}
            value={values.initiativeId}
            prefilled={prefill?.initiativeId ?? null}
            error={err('initiativeId')}
            onChange={(initiativeId) => set({ initiativeId })}
          />
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

/**
 * The initiative a request is for. There is no list of "my initiatives" to choose from: the
 * initiative comes from its page's "Ask for resources" link; the server checks that the person
 * is one of its stakeholders (in person or through an organisation).
 */
function InitiativeSelect({
  id,
  value,
  prefilled,
  error,
  onChange,
}: {
  id: string;
  value: string;
  prefilled: string | null;
  error: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useExchangeI18n();
  const initiative = useQuery({
    queryKey: initiativeKey(prefilled ?? ''),
    queryFn: () => getInitiative(prefilled ?? ''),
    enabled: prefilled !== null,
  });
  return (
    <Field>
      <Label>{t('fields.initiativeId')}</Label>
      <Field.Description>{t('form.initiativeHint')}</Field.Description>
      <Select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <Select.Option value="">{t('form.noInitiative')}</Select.Option>
        {prefilled && (
          <Select.Option value={prefilled}>
            {initiative.data?.title ?? t('form.initiativeLoading')}
          </Select.Option>
        )}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
