import { useDeferredValue, useEffect, useRef, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
import { useTranslation } from 'react-i18next';
import {
  ADOPTION_MECHANISMS,
  AdoptionCreate,
  ROGERS_ATTRIBUTES,
  type Adoption,
  type RogersAttribute,
} from '../../shared/diffusion.ts';
import { ApiError, listOrganisations } from '../api.ts';
import { useLabels } from '../case-labels.ts';
import {
  ADOPTION_FIELDS,
  RATING_VALUES,
  adoptionBody,
  adoptionIssue,
  emptyAdoptionDraft,
  localIsoDate,
  type AdoptionDraft,
  type AdoptionField,
} from '../diffusion-view.ts';
import { fieldErrorsFromZod, type FieldErrors } from '../validation.ts';
import { recordAdoption } from './diffusion/diffusion-api.ts';
import { useDiffusionTranslation } from './diffusion/diffusion-i18n.ts';
import { FormErrorSummary, useFormErrors } from './FormErrorSummary.tsx';

const ADAPTATIONS_MAX = 4000;

/** The input behind each field, for the error summary's links. */
const FIELD_IDS: Record<AdoptionField, string> = {
  organisationId: 'adoption-organisation',
  adoptedOn: 'adoption-date',
  sourceOrganisationId: 'adoption-source-organisation',
  sourceCaseId: 'adoption-source-case',
  mechanism: 'adoption-mechanism',
  adaptations: 'adoption-adaptations',
  relativeAdvantage: 'adoption-relativeAdvantage-none',
  compatibility: 'adoption-compatibility-none',
  complexity: 'adoption-complexity-none',
  trialability: 'adoption-trialability-none',
  observability: 'adoption-observability-none',
};

interface Props {
  caseId: string;
  /** The year the case began (for the date's hint), when known. */
  caseYear: number | null;
  /** The organisations the person belongs to (one of which adopted). */
  organisations: readonly { id: string; name: string }[];
  onSaved: (adoption: Adoption) => void;
  onCancel: () => void;
}

/** "We adopted this": when, from whom, how, what was changed, and how the adopter rates it. */
export function AdoptionForm({ caseId, caseYear, organisations, onSaved, onCancel }: Props) {
  const { t } = useDiffusionTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const form = useFormErrors<AdoptionField>();
  const [draft, setDraft] = useState<AdoptionDraft>(() =>
    emptyAdoptionDraft(
      organisations.map((o) => o.id),
      localIsoDate(new Date()),
    ),
  );
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AdoptionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: AdoptionField) => form.errors[field];
  const firstField = useRef<HTMLSelectElement>(null);

  // The form opens on a button press: start at its first field.
  useEffect(() => firstField.current?.focus(), []);

  const fieldLabels: Record<AdoptionField, string> = {
    organisationId: t('form.organisation'),
    adoptedOn: t('form.adoptedOn'),
    sourceOrganisationId: t('form.sourceOrganisation'),
    sourceCaseId: t('form.sourceCase'),
    mechanism: t('form.mechanism'),
    adaptations: t('form.adaptations'),
    ...(Object.fromEntries(
      ROGERS_ATTRIBUTES.values.map((a) => [a, labels.label(ROGERS_ATTRIBUTES, a)]),
    ) as Record<RogersAttribute, string>),
  };

  function issueText(issue: { path: string; message: string }): string {
    const meaning = adoptionIssue(issue);
    switch (meaning.key) {
      case 'future':
        return t('form.errorFuture');
      case 'beforeInnovation':
        return meaning.year === null
          ? t('form.errorBeforeCase')
          : t('form.errorBeforeYear', { year: meaning.year });
      case 'selfSource':
        return t('form.errorSelfSource');
      default:
        return tc('validation.invalid');
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = AdoptionCreate.safeParse(adoptionBody(draft, caseId));
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ADOPTION_FIELDS);
      if (!draft.organisationId) fields.organisationId = tc('validation.choose');
      if (!draft.adoptedOn) fields.adoptedOn = tc('validation.required');
      const self = parsed.error.issues.find((i) => i.path[0] === 'sourceOrganisationId');
      if (self?.code === 'custom') fields.sourceOrganisationId = t('form.errorSelfSource');
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const saved = await recordAdoption(parsed.data);
      form.clear();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const name = organisations.find((o) => o.id === draft.organisationId)?.name ?? '';
        form.show({}, t('form.duplicate', { organisation: name }));
      } else if (error instanceof ApiError && error.status === 400 && error.fieldIssues.length) {
        const fields: FieldErrors<AdoptionField> = {};
        let other: string | null = null;
        for (const issue of error.fieldIssues) {
          const key = issue.path.split(/[.[/]/)[0];
          const field = ADOPTION_FIELDS.find((f) => f === key);
          if (field) fields[field] ??= issueText(issue);
          else other ??= key === 'caseId' ? t('form.errorCase') : tc('validation.invalid');
        }
        form.show(fields, other);
      } else if (error instanceof ApiError && error.status === 403) {
        form.show({}, t('form.forbidden'));
      } else {
        form.show({}, errorMessageOf(error));
      }
    } finally {
      setBusy(false);
    }
  }

  function errorMessageOf(error: unknown): string {
    return error instanceof ApiError && error.code === 'network'
      ? tc('errors.network')
      : tc('errors.unknown');
  }

  return (
    <div className="stack adoption-form">
      <FormErrorSummary
        fields={ADOPTION_FIELDS.map((f) => ({ name: f, id: FIELD_IDS[f], label: fieldLabels[f] }))}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Field>
          <Label>{fieldLabels.organisationId}</Label>
          <Select
            id={FIELD_IDS.organisationId}
            ref={firstField}
            value={draft.organisationId}
            aria-invalid={err('organisationId') ? true : undefined}
            onChange={(e) => set({ organisationId: e.target.value })}
          >
            <Select.Option value="" disabled>
              {t('form.chooseOrganisation')}
            </Select.Option>
            {organisations.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </Select>
          {err('organisationId') && <ValidationMessage>{err('organisationId')}</ValidationMessage>}
        </Field>

        <Textfield
          id={FIELD_IDS.adoptedOn}
          type="date"
          label={fieldLabels.adoptedOn}
          description={
            caseYear === null
              ? t('form.adoptedOnHint')
              : t('form.adoptedOnHintYear', { year: caseYear })
          }
          value={draft.adoptedOn}
          error={err('adoptedOn')}
          onChange={(e) => set({ adoptedOn: e.target.value })}
        />

        <Fieldset>
          <Fieldset.Legend>{`${t('form.learnedFrom')} ${tc('common.optional')}`}</Fieldset.Legend>
          <Fieldset.Description>{t('form.learnedFromHint')}</Fieldset.Description>
          <Checkbox
            id={FIELD_IDS.sourceCaseId}
            label={t('form.learnedFromCase')}
            checked={draft.learnedFromCase}
            aria-invalid={err('sourceCaseId') ? true : undefined}
            onChange={(e) => set({ learnedFromCase: e.target.checked })}
          />
          {err('sourceCaseId') && <ValidationMessage>{err('sourceCaseId')}</ValidationMessage>}
          <SourceOrganisation
            value={draft.sourceOrganisationId}
            error={err('sourceOrganisationId')}
            label={fieldLabels.sourceOrganisationId}
            onChange={(sourceOrganisationId) => set({ sourceOrganisationId })}
          />
        </Fieldset>

        <Field>
          <Label>{fieldLabels.mechanism}</Label>
          <Field.Description>{t('form.mechanismHint')}</Field.Description>
          <Select
            id={FIELD_IDS.mechanism}
            value={draft.mechanism}
            aria-invalid={err('mechanism') ? true : undefined}
            onChange={(e) => set({ mechanism: e.target.value })}
          >
            <Select.Option value="" disabled>
              {t('form.chooseMechanism')}
            </Select.Option>
            {ADOPTION_MECHANISMS.values.map((m) => (
              <Select.Option key={m} value={m}>
                {labels.label(ADOPTION_MECHANISMS, m)}
              </Select.Option>
            ))}
          </Select>
          {err('mechanism') && <ValidationMessage>{err('mechanism')}</ValidationMessage>}
        </Field>

        <Textfield
          id={FIELD_IDS.adaptations}
          label={`${fieldLabels.adaptations} ${tc('common.optional')}`}
          description={t('form.adaptationsHint')}
          multiline
          rows={3}
          value={draft.adaptations}
          error={err('adaptations')}
          counter={{
            limit: ADAPTATIONS_MAX,
            under: tc('common.charactersLeft'),
            over: tc('common.charactersOver'),
          }}
          onChange={(e) => set({ adaptations: e.target.value })}
        />

        <Fieldset>
          <Fieldset.Legend>{`${t('form.ratings')} ${tc('common.optional')}`}</Fieldset.Legend>
          <Fieldset.Description>{t('form.ratingsHint')}</Fieldset.Description>
          {ROGERS_ATTRIBUTES.values.map((a) => (
            <Fieldset key={a} data-size="sm" className="rating-group">
              <Fieldset.Legend>{fieldLabels[a]}</Fieldset.Legend>
              <div className="inline-radios">
                {(['', ...RATING_VALUES] as const).map((v) => (
                  <Radio
                    key={v || 'none'}
                    id={`adoption-${a}-${v || 'none'}`}
                    name={`adoption-${a}`}
                    value={v}
                    label={v === '' ? t('form.notRated') : v}
                    checked={draft.ratings[a] === v}
                    aria-invalid={err(a) ? true : undefined}
                    onChange={() => set({ ratings: { ...draft.ratings, [a]: v } })}
                  />
                ))}
              </div>
              {err(a) && <ValidationMessage>{err(a)}</ValidationMessage>}
            </Fieldset>
          ))}
        </Fieldset>

        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('form.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {tc('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Find an organisation by name and choose it (or none). */
function SourceOrganisation({
  value,
  error,
  label,
  onChange,
}: {
  value: string;
  error: string | undefined;
  label: string;
  onChange: (id: string) => void;
}) {
  const { t } = useDiffusionTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const q = useDeferredValue(search.trim());
  const found = useQuery({
    queryKey: ['organisations', 'adoption-source', q],
    queryFn: () => listOrganisations({ q: q || undefined, limit: 25 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = found.data?.items ?? [];
  // Keep the chosen organisation among the options when a new search does not find it.
  const shown = chosen && !options.some((o) => o.id === chosen.id) ? [chosen, ...options] : options;

  return (
    <>
      <Textfield
        id="adoption-source-search"
        type="search"
        autoComplete="off"
        label={t('form.sourceSearch')}
        description={t('form.sourceSearchHint')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Field>
        <Label>{label}</Label>
        <Select
          id={FIELD_IDS.sourceOrganisationId}
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const id = e.target.value;
            setChosen(shown.find((o) => o.id === id) ?? null);
            onChange(id);
          }}
        >
          <Select.Option value="">{t('form.noSource')}</Select.Option>
          {shown.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
        <Field.Description aria-live="polite">
          {found.isSuccess && t('form.sourceFound', { count: options.length })}
        </Field.Description>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    </>
  );
}
