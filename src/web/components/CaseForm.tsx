import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  CASE_FACETS,
  CASE_LEVELS,
  CASE_MATURITIES,
  CASE_SECTORS,
  CASE_STAGES,
  CASE_STATUSES,
  CITIZEN_ROLES,
  EVIDENCE_LEVELS,
  EXPERIMENTATION_SPACES,
  INNOVATION_TYPES,
  NARRATIVE_SECTIONS,
  OUTCOME_DIMENSIONS,
  PARTICIPATION_LEVELS,
  PARTNER_ROLES,
  RESOURCE_KINDS,
  TRADITIONS,
  type Label as VocabLabel,
} from '../../shared/case-vocabulary.ts';
import { CaseCreate, SUMMARY_MAX, type CaseDetail } from '../../shared/cases.ts';
import { ApiError } from '../api.ts';
import { useLabels, type Vocabulary } from '../case-labels.ts';
import {
  caseInput,
  fieldId,
  formValues,
  rowKey,
  type CaseFormValues,
  type LinkRow,
  type OutcomeRow,
  type PartnerRow,
} from '../case-form-values.ts';
import { sortedCountries } from '../format.ts';
import { errorMessage, issueMessage, type Translate } from '../validation.ts';
import { FormErrorSummary, useFormErrors, type SummaryField } from './FormErrorSummary.tsx';

const PARTNERS_MAX = 100;
const OUTCOMES_MAX = 6;
const LINKS_MAX = 20;

/** Errors by path (`title`, `partners.0.name`, `sections.problem`). */
type Errors = Record<string, string>;

interface Props {
  detail?: CaseDetail;
  submitLabel: string;
  /** Send the validated case; throw an ApiError to show the server's answer. */
  onSubmit: (data: CaseCreate) => Promise<void>;
}

function messageFor(t: Translate, issue: z.ZodError['issues'][number]): string {
  const [field] = issue.path;
  if (issue.code === 'custom') {
    if (field === 'endDate') return t('caseForm.endBeforeStart');
    if (field === 'outcomes') return t('caseForm.outcomeTwice');
    return t('caseForm.noRepeats');
  }
  if (field === 'yearLaunched') return t('caseForm.yearInvalid');
  return issueMessage(t, issue);
}

/** The form to write or edit a case. */
export function CaseForm({ detail, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormErrors<string>();
  const [values, setValues] = useState<CaseFormValues>(() => formValues(detail));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CaseFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const errors: Errors = form.errors as Errors;
  const err = (...path: PropertyKey[]) => errors[path.map(String).join('.')];

  const fieldLabels: Record<string, string> = {
    title: t('caseForm.title'),
    summary: t('caseForm.summary'),
    status: t('caseForm.status'),
    countries: t('caseForm.countries'),
    level: t('caseForm.level'),
    sector: t('caseForm.sector'),
    yearLaunched: t('caseForm.yearLaunched'),
    startDate: t('caseForm.startDate'),
    endDate: t('caseForm.endDate'),
    ongoing: t('caseForm.ongoing'),
    stage: t('caseForm.stage'),
    maturity: t('caseForm.maturity'),
    facets: t('caseForm.facets'),
    innovationTypes: t('caseForm.innovationTypes'),
    citizenRoles: t('caseForm.citizenRoles'),
    participation: t('caseForm.participation'),
    experimentation: t('caseForm.experimentation'),
    governanceTradition: t('caseForm.tradition'),
    technology: t('caseForm.technology'),
    tags: t('caseForm.tags'),
    licence: t('caseForm.licence'),
    links: t('caseForm.linksHeading'),
    sections: t('caseForm.storyHeading'),
    partners: t('caseForm.partnersHeading'),
    outcomes: t('caseForm.outcomesHeading'),
    resources: t('caseForm.resources'),
    illustrative: t('caseForm.illustrative'),
  };

  /** Where a top-level field's error links to (the first control of a group). */
  const firstControl: Record<string, string> = {
    status: 'case-status-draft',
    countries: 'case-countries-filter',
    facets: `case-facets-${CASE_FACETS.values[0]}`,
    innovationTypes: `case-innovationTypes-${INNOVATION_TYPES.values[0]}`,
    citizenRoles: `case-citizenRoles-${CITIZEN_ROLES.values[0]}`,
    resources: `case-resources-${RESOURCE_KINDS.values[0]}`,
    partners: 'case-partners-add',
    outcomes: 'case-outcomes-add',
    links: 'case-links-add',
  };

  function summaryEntry(path: string): SummaryField<string> {
    const parts = path.split('.');
    const [field = '', index, sub] = parts;
    let label = fieldLabels[field] ?? field;
    let id = parts.length === 1 ? (firstControl[field] ?? fieldId([field])) : fieldId(parts);
    if (field === 'sections' && index) {
      label = labels.label(NARRATIVE_SECTIONS, index);
    } else if (index !== undefined && /^\d+$/.test(index)) {
      const row = Number(index) + 1;
      const rowLabel =
        field === 'partners'
          ? t('caseForm.partnerN', { n: row })
          : field === 'outcomes'
            ? t('caseForm.outcomeN', { n: row })
            : field === 'links'
              ? t('caseForm.linkN', { n: row })
              : `${label} ${row}`;
      label = sub
        ? `${rowLabel}: ${t(`caseForm.rowField.${sub}` as 'caseForm.rowField.name')}`
        : rowLabel;
      if (!sub) id = firstControl[field] ?? fieldId([field]);
      if (field === 'tags') id = fieldId(['tags']);
    }
    return { name: path, id, label };
  }

  const summaryFields = Object.keys(errors).map(summaryEntry);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = CaseCreate.safeParse(caseInput(values));
    if (!parsed.success) {
      const out: Errors = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.') || 'title';
        out[path] ??= messageFor(t, issue);
      }
      form.show(out);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(parsed.data);
      form.clear();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldIssues.length > 0) {
        // The server's messages are English: show ours, at the field when it is one of the form's.
        const out: Errors = {};
        let other: string | null = null;
        for (const issue of error.fieldIssues) {
          const field = issue.path.split('.')[0] ?? '';
          if (field in fieldLabels) out[issue.path] ??= t('validation.invalid');
          else other ??= t('validation.invalid');
        }
        form.show(out, other);
      } else {
        form.show({}, errorMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  const vocabSelect = (
    field: keyof CaseFormValues & string,
    vocabulary: Vocabulary & { values: readonly string[] },
    hint?: string,
    emptyLabel = t('common.notSet'),
  ) => (
    <Field>
      <Label>{`${fieldLabels[field]} ${t('common.optional')}`}</Label>
      {hint && <Field.Description>{hint}</Field.Description>}
      <Select
        id={fieldId([field])}
        value={values[field] as string}
        aria-invalid={err(field) ? true : undefined}
        onChange={(e) => set({ [field]: e.target.value })}
      >
        <Select.Option value="">{emptyLabel}</Select.Option>
        {vocabulary.values.map((v) => (
          <Select.Option key={v} value={v}>
            {labels.label(vocabulary, v)}
          </Select.Option>
        ))}
      </Select>
      {err(field) && <ValidationMessage>{err(field)}</ValidationMessage>}
    </Field>
  );

  const checkboxGroup = (
    field: 'facets' | 'innovationTypes' | 'citizenRoles' | 'resources',
    vocabulary: { values: readonly string[]; labels: Record<string, VocabLabel> },
    hint?: string,
  ) => (
    <Fieldset>
      <Fieldset.Legend>{`${fieldLabels[field]} ${t('common.optional')}`}</Fieldset.Legend>
      {hint && <Fieldset.Description>{hint}</Fieldset.Description>}
      {vocabulary.values.map((v) => (
        <Checkbox
          key={v}
          id={`case-${field}-${v}`}
          value={v}
          label={labels.label(vocabulary, v)}
          checked={values[field].includes(v)}
          onChange={(e) =>
            set({
              [field]: e.target.checked
                ? [...values[field], v]
                : values[field].filter((x) => x !== v),
            })
          }
        />
      ))}
      {err(field) && <ValidationMessage>{err(field)}</ValidationMessage>}
    </Fieldset>
  );

  return (
    <>
      <FormErrorSummary
        fields={summaryFields}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack case-form">
        <FormPart id="case-part-basics" heading={t('caseForm.basicsHeading')}>
          <Textfield
            id="case-title"
            label={fieldLabels.title}
            required
            value={values.title}
            error={err('title')}
            onChange={(e) => set({ title: e.target.value })}
          />
          <Textfield
            id="case-summary"
            label={fieldLabels.summary}
            description={t('caseForm.summaryHint', { max: SUMMARY_MAX })}
            multiline
            rows={3}
            required
            value={values.summary}
            error={err('summary')}
            counter={{
              limit: SUMMARY_MAX,
              under: t('common.charactersLeft'),
              over: t('common.charactersOver'),
            }}
            onChange={(e) => set({ summary: e.target.value })}
          />
          <Fieldset>
            <Fieldset.Legend>{fieldLabels.status}</Fieldset.Legend>
            <Fieldset.Description>{t('caseForm.statusHint')}</Fieldset.Description>
            {CASE_STATUSES.values.map((s) => (
              <Radio
                key={s}
                id={`case-status-${s}`}
                name="case-status"
                value={s}
                label={labels.label(CASE_STATUSES, s)}
                checked={values.status === s}
                onChange={() => set({ status: s })}
              />
            ))}
            {err('status') && <ValidationMessage>{err('status')}</ValidationMessage>}
          </Fieldset>
          <Checkbox
            id="case-illustrative"
            label={fieldLabels.illustrative}
            description={t('caseForm.illustrativeHint')}
            checked={values.illustrative}
            onChange={(e) => set({ illustrative: e.target.checked })}
          />
        </FormPart>

        <FormPart id="case-part-where" heading={t('caseForm.whereHeading')}>
          <CountryPicker
            selected={values.countries}
            error={err('countries')}
            onChange={(countries) => set({ countries })}
          />
          {vocabSelect('level', CASE_LEVELS)}
          <Textfield
            id="case-yearLaunched"
            label={`${fieldLabels.yearLaunched} ${t('common.optional')}`}
            inputMode="numeric"
            size={6}
            value={values.yearLaunched}
            error={err('yearLaunched')}
            onChange={(e) => set({ yearLaunched: e.target.value })}
          />
          <Textfield
            id="case-startDate"
            label={`${fieldLabels.startDate} ${t('common.optional')}`}
            type="date"
            value={values.startDate}
            error={err('startDate')}
            onChange={(e) => set({ startDate: e.target.value })}
          />
          <Checkbox
            id="case-ongoing"
            label={fieldLabels.ongoing}
            checked={values.ongoing}
            onChange={(e) => set({ ongoing: e.target.checked })}
          />
          {!values.ongoing && (
            <Textfield
              id="case-endDate"
              label={`${fieldLabels.endDate} ${t('common.optional')}`}
              type="date"
              value={values.endDate}
              error={err('endDate')}
              onChange={(e) => set({ endDate: e.target.value })}
            />
          )}
          {vocabSelect(
            'governanceTradition',
            { values: TRADITIONS.values, labels: TRADITIONS.labels },
            t('caseForm.traditionHint'),
            t('caseForm.traditionFromCountries'),
          )}
        </FormPart>

        <FormPart id="case-part-kind" heading={t('caseForm.kindHeading')}>
          {vocabSelect('sector', CASE_SECTORS, t('caseForm.sectorHint'))}
          {vocabSelect('stage', CASE_STAGES)}
          {vocabSelect('maturity', CASE_MATURITIES)}
          {checkboxGroup('facets', CASE_FACETS, t('caseForm.facetsHint'))}
          {checkboxGroup('innovationTypes', INNOVATION_TYPES)}
          {checkboxGroup('citizenRoles', CITIZEN_ROLES)}
          {vocabSelect('participation', PARTICIPATION_LEVELS)}
          {vocabSelect('experimentation', EXPERIMENTATION_SPACES)}
          <Textfield
            id="case-technology"
            label={`${fieldLabels.technology} ${t('common.optional')}`}
            description={t('caseForm.technologyHint')}
            value={values.technology}
            error={err('technology')}
            onChange={(e) => set({ technology: e.target.value })}
          />
          <Textfield
            id="case-tags"
            label={`${fieldLabels.tags} ${t('common.optional')}`}
            description={t('caseForm.tagsHint')}
            value={values.tags}
            error={
              err('tags') ?? Object.entries(errors).find(([path]) => path.startsWith('tags.'))?.[1]
            }
            onChange={(e) => set({ tags: e.target.value })}
          />
        </FormPart>

        <FormPart id="case-part-story" heading={t('caseForm.storyHeading')}>
          <Paragraph>{t('caseForm.storyLead')}</Paragraph>
          {NARRATIVE_SECTIONS.values.map((s) => (
            <Textfield
              key={s}
              id={fieldId(['sections', s])}
              label={`${labels.label(NARRATIVE_SECTIONS, s)} ${t('common.optional')}`}
              multiline
              rows={4}
              value={values.sections[s]}
              error={err('sections', s)}
              onChange={(e) => set({ sections: { ...values.sections, [s]: e.target.value } })}
            />
          ))}
        </FormPart>

        <FormPart id="case-part-partners" heading={t('caseForm.partnersHeading')}>
          <PartnerRows
            rows={values.partners}
            err={err}
            onChange={(partners) => set({ partners })}
          />
        </FormPart>

        <FormPart id="case-part-outcomes" heading={t('caseForm.outcomesHeading')}>
          <OutcomeRows
            rows={values.outcomes}
            err={err}
            onChange={(outcomes) => set({ outcomes })}
          />
          {checkboxGroup('resources', RESOURCE_KINDS, t('caseForm.resourcesHint'))}
        </FormPart>

        <FormPart id="case-part-links" heading={t('caseForm.linksHeading')}>
          <LinkRows rows={values.links} err={err} onChange={(links) => set({ links })} />
          <Textfield
            id="case-licence"
            label={`${fieldLabels.licence} ${t('common.optional')}`}
            description={t('caseForm.licenceHint')}
            value={values.licence}
            error={err('licence')}
            onChange={(e) => set({ licence: e.target.value })}
          />
        </FormPart>

        <div>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}

function FormPart({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack section narrow">
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function CountryPicker({
  selected,
  error,
  onChange,
}: {
  selected: string[];
  error: string | undefined;
  onChange: (countries: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const countries = useMemo(() => sortedCountries(i18n.language), [i18n.language]);
  const needle = filter.trim().toLocaleLowerCase(i18n.language);
  const shown = needle
    ? countries.filter(
        (c) =>
          c.name.toLocaleLowerCase(i18n.language).includes(needle) ||
          c.code.toLowerCase() === needle,
      )
    : countries;
  const names = countries.filter((c) => selected.includes(c.code)).map((c) => c.name);

  return (
    <Fieldset>
      <Fieldset.Legend>{`${t('caseForm.countries')} ${t('common.optional')}`}</Fieldset.Legend>
      <Fieldset.Description>{t('caseForm.countriesHint')}</Fieldset.Description>
      <Textfield
        id="case-countries-filter"
        label={t('caseForm.countriesFilter')}
        type="search"
        autoComplete="off"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <Paragraph data-size="sm" aria-live="polite">
        {names.length > 0
          ? t('caseForm.countriesChosen', { names: names.join(', ') })
          : t('caseForm.countriesNone')}
      </Paragraph>
      <div className="country-options">
        {shown.length === 0 && (
          <Paragraph data-size="sm">{t('caseForm.countriesNoMatch')}</Paragraph>
        )}
        {shown.map((c) => (
          <Checkbox
            key={c.code}
            id={`case-country-${c.code}`}
            data-size="sm"
            value={c.code}
            label={c.name}
            checked={selected.includes(c.code)}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...selected, c.code] : selected.filter((x) => x !== c.code),
              )
            }
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

type ErrorAt = (...path: PropertyKey[]) => string | undefined;

/** After a row is added, focus its first field; after one is removed, the "add" button. */
function useRowFocus(count: number, firstFieldId: (index: number) => string, addId: string) {
  const previous = useRef(count);
  useEffect(() => {
    if (count > previous.current) document.getElementById(firstFieldId(count - 1))?.focus();
    else if (count < previous.current) document.getElementById(addId)?.focus();
    previous.current = count;
  }, [count, firstFieldId, addId]);
}

const partnerFirst = (i: number) => fieldId(['partners', i, 'name']);

function PartnerRows({
  rows,
  err,
  onChange,
}: {
  rows: PartnerRow[];
  err: ErrorAt;
  onChange: (rows: PartnerRow[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  useRowFocus(rows.length, partnerFirst, 'case-partners-add');
  const update = (i: number, patch: Partial<PartnerRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.length === 0 && <Paragraph>{t('caseForm.noPartners')}</Paragraph>}
      {rows.map((row, i) => (
        <Fieldset key={row.key} className="repeat-row">
          <Fieldset.Legend>{t('caseForm.partnerN', { n: i + 1 })}</Fieldset.Legend>
          <Textfield
            id={fieldId(['partners', i, 'name'])}
            label={t('caseForm.rowField.name')}
            value={row.name}
            error={err('partners', i, 'name')}
            onChange={(e) => update(i, { name: e.target.value })}
          />
          <Field>
            <Label>{t('caseForm.rowField.role')}</Label>
            <Select
              id={fieldId(['partners', i, 'role'])}
              value={row.role}
              aria-invalid={err('partners', i, 'role') ? true : undefined}
              onChange={(e) => update(i, { role: e.target.value })}
            >
              <Select.Option value="" disabled>
                {t('caseForm.chooseRole')}
              </Select.Option>
              {PARTNER_ROLES.values.map((r) => (
                <Select.Option key={r} value={r}>
                  {labels.label(PARTNER_ROLES, r)}
                </Select.Option>
              ))}
            </Select>
            {err('partners', i, 'role') && (
              <ValidationMessage>{err('partners', i, 'role')}</ValidationMessage>
            )}
          </Field>
          <div>
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('caseForm.removePartner', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {err('partners') && <ValidationMessage>{err('partners')}</ValidationMessage>}
      {rows.length < PARTNERS_MAX && (
        <div>
          <Button
            id="case-partners-add"
            variant="secondary"
            data-size="sm"
            onClick={() =>
              onChange([...rows, { key: rowKey(), name: '', role: '', organisationId: null }])
            }
          >
            {t('caseForm.addPartner')}
          </Button>
        </div>
      )}
    </>
  );
}

const outcomeFirst = (i: number) => fieldId(['outcomes', i, 'dimension']);

function OutcomeRows({
  rows,
  err,
  onChange,
}: {
  rows: OutcomeRow[];
  err: ErrorAt;
  onChange: (rows: OutcomeRow[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  useRowFocus(rows.length, outcomeFirst, 'case-outcomes-add');
  const update = (i: number, patch: Partial<OutcomeRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.length === 0 && <Paragraph>{t('caseForm.noOutcomes')}</Paragraph>}
      {rows.map((row, i) => (
        <Fieldset key={row.key} className="repeat-row">
          <Fieldset.Legend>{t('caseForm.outcomeN', { n: i + 1 })}</Fieldset.Legend>
          <Field>
            <Label>{t('caseForm.rowField.dimension')}</Label>
            <Select
              id={fieldId(['outcomes', i, 'dimension'])}
              value={row.dimension}
              aria-invalid={err('outcomes', i, 'dimension') ? true : undefined}
              onChange={(e) => update(i, { dimension: e.target.value })}
            >
              <Select.Option value="" disabled>
                {t('caseForm.chooseDimension')}
              </Select.Option>
              {OUTCOME_DIMENSIONS.values.map((d) => (
                <Select.Option key={d} value={d}>
                  {labels.label(OUTCOME_DIMENSIONS, d)}
                </Select.Option>
              ))}
            </Select>
            {err('outcomes', i, 'dimension') && (
              <ValidationMessage>{err('outcomes', i, 'dimension')}</ValidationMessage>
            )}
          </Field>
          <Field>
            <Label>{t('caseForm.rowField.evidence')}</Label>
            <Select
              id={fieldId(['outcomes', i, 'evidence'])}
              value={row.evidence}
              aria-invalid={err('outcomes', i, 'evidence') ? true : undefined}
              onChange={(e) => update(i, { evidence: e.target.value })}
            >
              <Select.Option value="" disabled>
                {t('caseForm.chooseEvidence')}
              </Select.Option>
              {EVIDENCE_LEVELS.values.map((d) => (
                <Select.Option key={d} value={d}>
                  {labels.label(EVIDENCE_LEVELS, d)}
                </Select.Option>
              ))}
            </Select>
            {err('outcomes', i, 'evidence') && (
              <ValidationMessage>{err('outcomes', i, 'evidence')}</ValidationMessage>
            )}
          </Field>
          <Textfield
            id={fieldId(['outcomes', i, 'note'])}
            label={`${t('caseForm.rowField.note')} ${t('common.optional')}`}
            multiline
            rows={2}
            value={row.note}
            error={err('outcomes', i, 'note')}
            onChange={(e) => update(i, { note: e.target.value })}
          />
          <div>
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('caseForm.removeOutcome', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {err('outcomes') && <ValidationMessage>{err('outcomes')}</ValidationMessage>}
      {rows.length < OUTCOMES_MAX && (
        <div>
          <Button
            id="case-outcomes-add"
            variant="secondary"
            data-size="sm"
            onClick={() =>
              onChange([...rows, { key: rowKey(), dimension: '', evidence: '', note: '' }])
            }
          >
            {t('caseForm.addOutcome')}
          </Button>
        </div>
      )}
    </>
  );
}

const linkFirst = (i: number) => fieldId(['links', i, 'url']);

function LinkRows({
  rows,
  err,
  onChange,
}: {
  rows: LinkRow[];
  err: ErrorAt;
  onChange: (rows: LinkRow[]) => void;
}) {
  const { t } = useTranslation();
  useRowFocus(rows.length, linkFirst, 'case-links-add');
  const update = (i: number, patch: Partial<LinkRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((row, i) => (
        <Fieldset key={row.key} className="repeat-row">
          <Fieldset.Legend>{t('caseForm.linkN', { n: i + 1 })}</Fieldset.Legend>
          <Textfield
            id={fieldId(['links', i, 'url'])}
            label={t('caseForm.rowField.url')}
            description={t('caseForm.urlHint')}
            type="url"
            value={row.url}
            error={err('links', i, 'url')}
            onChange={(e) => update(i, { url: e.target.value })}
          />
          <Textfield
            id={fieldId(['links', i, 'label'])}
            label={`${t('caseForm.rowField.label')} ${t('common.optional')}`}
            value={row.label}
            error={err('links', i, 'label')}
            onChange={(e) => update(i, { label: e.target.value })}
          />
          <div>
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('caseForm.removeLink', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {err('links') && <ValidationMessage>{err('links')}</ValidationMessage>}
      {rows.length < LINKS_MAX && (
        <div>
          <Button
            id="case-links-add"
            variant="secondary"
            data-size="sm"
            onClick={() => onChange([...rows, { key: rowKey(), url: '', label: '' }])}
          >
            {t('caseForm.addLink')}
          </Button>
        </div>
      )}
    </>
  );
}
