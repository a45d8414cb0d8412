import { useMemo, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_SECTORS, CASE_STAGES } from '../../shared/case-vocabulary.ts';
import type { InitiativeSummary } from '../../shared/initiatives.ts';
import { useLabels } from '../case-labels.ts';
import { AppLink } from '../components/AppLink.tsx';
import { FilterSelect, useSearchDraft, type FilterOption } from '../components/FilterSelect.tsx';
import { useInitiatives } from '../components/initiatives/initiatives-api.ts';
import { useInitiativesTranslation } from '../components/initiatives/initiatives-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PagedResults } from '../components/PagedResults.tsx';
import { formatDate, sortedCountries } from '../format.ts';
import {
  EMPTY_INITIATIVES_SEARCH,
  hasInitiativeFilters,
  initiativePages,
  initiativesSearchFromParams,
  initiativesSearchParams,
  type InitiativesSearch,
} from '../initiatives-search.ts';
import { usePageTitle } from '../pageTitle.ts';

/** Citizens' initiatives: search, filters and pages, all in the address; start a new one. */
export function InitiativesPage() {
  const { t } = useInitiativesTranslation();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => initiativesSearchFromParams(params), [params]);
  const query = useInitiatives(search);
  const list = query.data;
  const pages = list ? initiativePages(list.total) : 1;

  function go(next: InitiativesSearch) {
    setParams(initiativesSearchParams(next));
  }

  return (
    <div className="stack">
      <PageHeading>{t('list.title')}</PageHeading>
      <Paragraph className="prose">{t('list.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/initiatives/new">{t('list.start')}</AppLink>
        </li>
      </ul>
      <InitiativesSearchForm search={search} onSearch={go} />
      <PagedResults
        id="initiative-results-heading"
        heading={t('list.resultsHeading')}
        query={query}
        items={list?.items}
        total={list?.total}
        render={(initiative) => <InitiativeHit key={initiative.id} initiative={initiative} />}
        page={search.page}
        pages={pages}
        onPage={(page) => go({ ...search, page })}
        messages={{
          searching: t('list.searching'),
          noResults: t('list.noResults'),
          resultCount: (count) => t('list.resultCount', { count }),
          pagination: t('list.pagination'),
          pageOf: (page, pages) => t('list.pageOf', { page, pages }),
        }}
      />
    </div>
  );
}

function InitiativeHit({ initiative }: { initiative: InitiativeSummary }) {
  const { t, lang } = useInitiativesTranslation();
  const labels = useLabels();
  const where = [initiative.place, labels.country(initiative.country)].filter(Boolean).join(', ');
  return (
    <li className="case-hit">
      <Heading level={3} data-size="xs">
        <AppLink to={`/initiatives/${initiative.id}`}>{initiative.title}</AppLink>
      </Heading>
      <Paragraph data-size="sm">
        {where} · {labels.label(CASE_STAGES, initiative.stage)}
        {initiative.sector ? ` · ${labels.label(CASE_SECTORS, initiative.sector)}` : ''}
      </Paragraph>
      <Paragraph data-size="sm">
        {t('list.counts', {
          stakeholders: initiative.stakeholders,
          followers: initiative.followers,
          date: formatDate(initiative.createdAt, lang),
        })}
      </Paragraph>
    </li>
  );
}

/** The text query and the country, sector and stage filters; applied on submit. */
function InitiativesSearchForm({
  search,
  onSearch,
}: {
  search: InitiativesSearch;
  onSearch: (next: InitiativesSearch) => void;
}) {
  const { t, lang } = useInitiativesTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useSearchDraft(search, initiativesSearchParams(search).toString());

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  }

  const select = (
    key: 'country' | 'sector' | 'stage',
    label: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`initiatives-${key}`}
      label={label}
      allLabel={t(`list.all.${key}`)}
      value={draft[key] ?? null}
      options={options}
      onChange={(value) => setDraft({ ...draft, [key]: value })}
    />
  );

  return (
    <form role="search" aria-label={t('list.searchForm')} onSubmit={submit} className="filters">
      <Textfield
        id="initiatives-q"
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
        'stage',
        t('fields.stage'),
        CASE_STAGES.values.map((v) => ({ value: v, label: labels.label(CASE_STAGES, v) })),
      )}
      <div className="button-row filters-actions">
        <Button type="submit">{tc('common.search')}</Button>
        {hasInitiativeFilters(search) && (
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(EMPTY_INITIATIVES_SEARCH);
              onSearch(EMPTY_INITIATIVES_SEARCH);
            }}
          >
            {t('list.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
