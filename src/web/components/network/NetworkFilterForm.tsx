import { useState, type FormEvent } from 'react';
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
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import {
  MODE_TIE_KINDS,
  NETWORK_GROUPINGS,
  NETWORK_MODES,
  type NetworkGrouping,
  type NetworkMode,
  type TieKind,
} from '../../../shared/network.ts';
import { useLabels } from '../../case-labels.ts';
import { sortedCountries } from '../../format.ts';
import {
  canonicalTies,
  defaultFilters,
  effectiveTies,
  filterParams,
  parseYear,
  type NetworkFilters,
} from '../../network-view.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { useNetworkTranslation } from './network-i18n.ts';

type FormField = 'yearFrom' | 'yearTo' | 'tie';

interface Draft {
  nodes: NetworkMode;
  ties: TieKind[];
  yearFrom: string;
  yearTo: string;
  country: string[];
  sector: string[];
  group: NetworkGrouping;
}

/** The value of a select that stands for several values chosen through the address. */
const SEVERAL = '__several';

function toDraft(f: NetworkFilters): Draft {
  return {
    nodes: f.nodes,
    ties: [...effectiveTies(f)],
    yearFrom: f.yearFrom?.toString() ?? '',
    yearTo: f.yearTo?.toString() ?? '',
    country: f.country,
    sector: f.sector,
    group: f.group,
  };
}

const ID = {
  yearFrom: 'network-year-from',
  yearTo: 'network-year-to',
  tie: 'network-tie-first',
} as const;

/** Which network to show: what the nodes are, which ties count, which cases, which grouping. */
export function NetworkFilterForm({
  filters,
  onApply,
}: {
  filters: NetworkFilters;
  onApply: (next: NetworkFilters) => void;
}) {
  const { t } = useNetworkTranslation();
  const labels = useLabels();
  const form = useFormErrors<FormField>();
  const [draft, setDraft] = useState(() => toDraft(filters));
  // Back and forward change the address: show its filters in the form again.
  const key = filterParams(filters).toString();
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setDraft(toDraft(filters));
    form.clear();
  }
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const allowed = MODE_TIE_KINDS[draft.nodes];
  const countries = sortedCountries(labels.lang);

  function chooseMode(nodes: NetworkMode) {
    setDraft((d) => {
      // Every kind of the old mode chosen means every kind of the new one; otherwise keep the
      // chosen kinds the new mode has, or all of its kinds when none of them is left.
      const all = MODE_TIE_KINDS[d.nodes].every((k) => d.ties.includes(k));
      const kept = d.ties.filter((k) => MODE_TIE_KINDS[nodes].includes(k));
      return { ...d, nodes, ties: all || kept.length === 0 ? [...MODE_TIE_KINDS[nodes]] : kept };
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const yearFrom = parseYear(draft.yearFrom);
    const yearTo = parseYear(draft.yearTo);
    const errors: Partial<Record<FormField, string>> = {};
    if (yearFrom === 'invalid') errors.yearFrom = t('filters.yearInvalid');
    if (yearTo === 'invalid') errors.yearTo = t('filters.yearInvalid');
    if (!errors.yearFrom && !errors.yearTo && yearFrom !== null && yearTo !== null) {
      if (yearFrom > yearTo) errors.yearTo = t('filters.yearOrder');
    }
    const ties = draft.ties.filter((k) => allowed.includes(k));
    if (ties.length === 0) errors.tie = t('filters.noTies');
    if (Object.keys(errors).length > 0 || yearFrom === 'invalid' || yearTo === 'invalid') {
      form.show(errors);
      return;
    }
    form.clear();
    onApply({
      nodes: draft.nodes,
      tie: canonicalTies(draft.nodes, ties),
      yearFrom,
      yearTo,
      country: draft.country,
      sector: draft.sector,
      group: draft.group,
    });
  }

  function reset() {
    form.clear();
    setDraft(toDraft(defaultFilters()));
    onApply(defaultFilters());
  }

  const several = (codes: string[], name: (code: string) => string) =>
    codes.length > 1 ? (
      <Select.Option value={SEVERAL}>
        {t('filters.several', { list: codes.map(name).join(', ') })}
      </Select.Option>
    ) : null;
  const selectValue = (codes: string[]) =>
    codes.length === 0 ? '' : codes.length === 1 ? codes[0]! : SEVERAL;
  const fromSelect = (value: string, current: string[]) =>
    value === SEVERAL ? current : value === '' ? [] : [value];

  return (
    <section aria-labelledby="network-filters-heading" className="stack">
      <Heading level={2} data-size="xs" id="network-filters-heading">
        {t('filters.heading')}
      </Heading>
      <FormErrorSummary
        fields={[
          { name: 'tie', id: ID.tie, label: t('filters.ties') },
          { name: 'yearFrom', id: ID.yearFrom, label: t('filters.yearFrom') },
          { name: 'yearTo', id: ID.yearTo, label: t('filters.yearTo') },
        ]}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
      />
      <form
        noValidate
        aria-labelledby="network-filters-heading"
        onSubmit={submit}
        className="network-filters"
      >
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('filters.mode')}</Fieldset.Legend>
          {NETWORK_MODES.map((mode) => (
            <Radio
              key={mode}
              data-size="sm"
              id={`network-nodes-${mode}`}
              name="network-nodes"
              value={mode}
              label={t(`modes.${mode}`)}
              checked={draft.nodes === mode}
              onChange={() => chooseMode(mode)}
            />
          ))}
        </Fieldset>

        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('filters.ties')}</Fieldset.Legend>
          {allowed.length > 1 ? (
            <>
              <Fieldset.Description>{t('filters.tiesHint')}</Fieldset.Description>
              {allowed.map((kind, i) => (
                <Checkbox
                  key={kind}
                  data-size="sm"
                  id={i === 0 ? ID.tie : `network-tie-${kind}`}
                  value={kind}
                  label={t(`tieKinds.${kind}`)}
                  checked={draft.ties.includes(kind)}
                  aria-invalid={form.errors.tie ? true : undefined}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    setDraft((d) => ({
                      ...d,
                      ties: checked ? [...d.ties, kind] : d.ties.filter((k) => k !== kind),
                    }));
                  }}
                />
              ))}
              {form.errors.tie && <ValidationMessage>{form.errors.tie}</ValidationMessage>}
            </>
          ) : (
            <Paragraph data-size="sm">{t(`filters.onlyTie.${draft.nodes}`)}</Paragraph>
          )}
        </Fieldset>

        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('filters.years')}</Fieldset.Legend>
          <Fieldset.Description>{t('filters.yearsHint')}</Fieldset.Description>
          <div className="year-range">
            <Textfield
              data-size="sm"
              id={ID.yearFrom}
              label={t('filters.yearFrom')}
              inputMode="numeric"
              autoComplete="off"
              size={6}
              value={draft.yearFrom}
              error={form.errors.yearFrom}
              onChange={(e) => set({ yearFrom: e.target.value })}
            />
            <Textfield
              data-size="sm"
              id={ID.yearTo}
              label={t('filters.yearTo')}
              inputMode="numeric"
              autoComplete="off"
              size={6}
              value={draft.yearTo}
              error={form.errors.yearTo}
              onChange={(e) => set({ yearTo: e.target.value })}
            />
          </div>
        </Fieldset>

        <div className="stack network-filter-selects">
          <Field data-size="sm">
            <Label htmlFor="network-country">{t('filters.country')}</Label>
            <Select
              id="network-country"
              value={selectValue(draft.country)}
              onChange={(e) => set({ country: fromSelect(e.target.value, draft.country) })}
            >
              <Select.Option value="">{t('filters.allCountries')}</Select.Option>
              {several(draft.country, labels.country)}
              {countries.map((c) => (
                <Select.Option key={c.code} value={c.code}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field data-size="sm">
            <Label htmlFor="network-sector">{t('filters.sector')}</Label>
            <Select
              id="network-sector"
              value={selectValue(draft.sector)}
              onChange={(e) => set({ sector: fromSelect(e.target.value, draft.sector) })}
            >
              <Select.Option value="">{t('filters.allSectors')}</Select.Option>
              {several(draft.sector, (s) => labels.label(CASE_SECTORS, s))}
              {CASE_SECTORS.values.map((s) => (
                <Select.Option key={s} value={s}>
                  {labels.label(CASE_SECTORS, s)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>

        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('filters.group')}</Fieldset.Legend>
          <Fieldset.Description>{t('filters.groupHint')}</Fieldset.Description>
          {NETWORK_GROUPINGS.map((g) => (
            <Radio
              key={g}
              data-size="sm"
              id={`network-group-${g}`}
              name="network-group"
              value={g}
              label={t(`groups.${g}`)}
              checked={draft.group === g}
              onChange={() => set({ group: g })}
            />
          ))}
        </Fieldset>

        <div className="button-row network-filter-actions">
          <Button type="submit">{t('filters.submit')}</Button>
          <Button type="button" variant="secondary" onClick={reset}>
            {t('filters.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
