import { type FormEvent } from 'react';
import { Button, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import { NEED_SORTS, NEED_STATUSES } from '../../../shared/needs.ts';
import { useLabels } from '../../case-labels.ts';
import { sortedCountries } from '../../format.ts';
import {
  EMPTY_NEEDS_SEARCH,
  hasNeedFilters,
  needsSearchParams,
  type NeedsSearch,
} from '../../needs-search.ts';
import { FilterSelect, useSearchDraft, type FilterOption } from '../FilterSelect.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';

/** The text query, the country, sector and status filters and the order; applied on submit. */
export function NeedsSearchForm({
  search,
  onSearch,
}: {
  search: NeedsSearch;
  onSearch: (next: NeedsSearch) => void;
}) {
  const { t, lang } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useSearchDraft(search, needsSearchParams(search).toString());

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  }

  const select = (
    key: 'country' | 'sector' | 'status',
    label: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`needs-${key}`}
      label={label}
      allLabel={t(`list.all.${key}`)}
      value={draft[key] ?? null}
      options={options}
      onChange={(value) => setDraft({ ...draft, [key]: value })}
    />
  );

  return (
    <form
      role="search"
      aria-label={t('list.searchForm')}
      onSubmit={submit}
      className="filters needs-filters"
    >
      <Textfield
        id="needs-q"
        className="needs-filters-q"
        label={t('list.q')}
        description={t('list.qHint')}
        type="search"
        maxLength={200}
        value={draft.q}
        onChange={(e) => setDraft({ ...draft, q: e.target.value })}
      />
      {select(
        'country',
        t('fields.country'),
        sortedCountries(lang).map((c) => ({ value: c.code, label: c.name })),
      )}
      {select(
        'sector',
        t('fields.sector'),
        CASE_SECTORS.values.map((v) => ({ value: v, label: labels.label(CASE_SECTORS, v) })),
      )}
      {select(
        'status',
        t('fields.status'),
        NEED_STATUSES.values.map((v) => ({ value: v, label: labels.label(NEED_STATUSES, v) })),
      )}
      <Field>
        <Label>{t('list.sort')}</Label>
        <Select
          id="needs-sort"
          value={draft.sort}
          onChange={(e) => {
            const sort = NEED_SORTS.find((s) => s === e.target.value);
            if (sort) setDraft({ ...draft, sort });
          }}
        >
          {NEED_SORTS.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`list.sorts.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div className="button-row filters-actions">
        <Button type="submit">{tc('common.search')}</Button>
        {hasNeedFilters(search) && (
          <Button
            variant="secondary"
            onClick={() => {
              const cleared = { ...EMPTY_NEEDS_SEARCH, sort: search.sort };
              setDraft(cleared);
              onSearch(cleared);
            }}
          >
            {t('list.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
