import { useMemo, useRef, type FormEvent } from 'react';
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
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
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
  const { t: tc } = useTranslation();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => initiativesSearchFromParams(params), [params]);
  const query = useInitiatives(search);
  const list = query.data;
  const pages = list ? initiativePages(list.total) : 1;
  const resultsRef = useRef<HTMLHeadingElement>(null);

  function go(next: InitiativesSearch) {
    setParams(initiativesSearchParams(next));
  }

  /** Another page: focus goes to the results' heading (the button pressed may be disabled now). */
  function turn(page: number) {
    go({ ...search, page });
    resultsRef.current?.focus();
  }

  const status = query.isPlaceholderData
    ? t('list.searching')
    : list
      ? list.total === 0
        ? t('list.noResults')
        : t('list.resultCount', { count: list.total })
      : '';

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
      <section aria-labelledby="initiative-results-heading" className="stack section">
        <Heading
          level={2}
          data-size="sm"
          id="initiative-results-heading"
          ref={resultsRef}
          tabIndex={-1}
        >
          {t('list.resultsHeading')}
        </Heading>
        <div role="status" className="results-status">
          <Paragraph>{status}</Paragraph>
        </div>
        {query.isPending && <Loading />}
        {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
        {list && list.items.length > 0 && (
          <ol className="case-hits" aria-labelledby="initiative-results-heading">
            {list.items.map((initiative) => (
              <InitiativeHit key={initiative.id} initiative={initiative} />
            ))}
          </ol>
        )}
        {list && pages > 1 && (
          <nav aria-label={t('list.pagination')} className="button-row">
            <Button
              variant="secondary"
              disabled={search.page <= 1}
              onClick={() => turn(search.page - 1)}
            >
              {tc('common.previousPage')}
            </Button>
            <Paragraph>{t('list.pageOf', { page: search.page, pages })}</Paragraph>
            <Button
              variant="secondary"
              disabled={search.page >= pages}
              onClick={() => turn(search.page + 1)}
            >
              {tc('common.nextPage')}
            </Button>
          </nav>
        )}
      </section>
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
