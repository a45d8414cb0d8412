import { type FormEvent } from 'react';
import { Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import { EXCHANGE_SIDES, RESOURCE_KINDS } from '../../../shared/exchange.ts';
import {
  EMPTY_EXCHANGE_SEARCH,
  exchangeSearchParams,
  hasExchangeFilters,
  type ExchangeSearch,
} from '../../exchange-search.ts';
import { sortedCountries } from '../../format.ts';
import { FilterSelect, useSearchDraft, type FilterOption } from '../FilterSelect.tsx';
import { useExchangeI18n } from './exchange-labels.ts';

/** The words, the filters (side, kind, country, sector) and "only mine"; applied on submit. */
export function ExchangeSearchForm({
  search,
  signedIn,
  onSearch,
}: {
  search: ExchangeSearch;
  signedIn: boolean;
  onSearch: (next: ExchangeSearch) => void;
}) {
  const { t, lang, labels } = useExchangeI18n();
  const { t: tc } = useTranslation();
  const [draft, setDraft] = useSearchDraft(search, exchangeSearchParams(search).toString());

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  }

  const select = (
    key: 'side' | 'kind' | 'country' | 'sector',
    label: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`exchange-${key}`}
      label={label}
      allLabel={t(`list.all.${key}`)}
      value={draft[key]}
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
        id="exchange-q"
        className="needs-filters-q"
        label={t('list.q')}
        description={t('list.qHint')}
        type="search"
        maxLength={200}
        value={draft.q}
        onChange={(e) => setDraft({ ...draft, q: e.target.value })}
      />
      {select(
        'side',
        t('fields.side'),
        EXCHANGE_SIDES.values.map((v) => ({ value: v, label: labels.side(v) })),
      )}
      {select(
        'kind',
        t('fields.kind'),
        RESOURCE_KINDS.values.map((v) => ({ value: v, label: labels.kind(v) })),
      )}
      {select(
        'country',
        t('fields.country'),
        sortedCountries(lang).map((c) => ({ value: c.code, label: c.name })),
      )}
      {select(
        'sector',
        t('fields.sector'),
        CASE_SECTORS.values.map((v) => ({ value: v, label: labels.sector(v) })),
      )}
      {signedIn && (
        <Checkbox
          id="exchange-mine"
          className="needs-filters-q"
          label={t('list.mine')}
          description={t('list.mineHint')}
          checked={draft.mine}
          onChange={(e) => setDraft({ ...draft, mine: e.target.checked })}
        />
      )}
      <div className="button-row filters-actions">
        <Button type="submit">{tc('common.search')}</Button>
        {hasExchangeFilters(search) && (
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(EMPTY_EXCHANGE_SEARCH);
              onSearch(EMPTY_EXCHANGE_SEARCH);
            }}
          >
            {t('list.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
