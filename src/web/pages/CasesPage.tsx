import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_MATURITIES } from '../../shared/case-vocabulary.ts';
import {
  SEARCH_SORTS,
  SearchSort,
  type CaseHit,
  type CaseSearchResult,
  type FacetCount,
} from '../../shared/cases.ts';
import { searchCases } from '../api.ts';
import { useLabels } from '../case-labels.ts';
import {
  LIST_FACETS,
  clearFilters,
  exportPath,
  filterParams,
  hasFilters,
  parseYear,
  searchFromParams,
  searchParams,
  toggleValue,
  type Coded,
  type ListFacet,
  type SearchState,
} from '../case-search.ts';
import { AppLink } from '../components/AppLink.tsx';
import { JRC_SOURCE, JrcAttribution } from '../components/JrcAttribution.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Snippet } from '../components/Snippet.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';

const PAGE_SIZE = 20;
/** Values a facet shows before "show all". */
const FACET_PREVIEW = 8;

export function CasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => searchFromParams(params), [params]);
  const key = searchParams(search).toString();
  // Open beside the results on wide screens; folded away on narrow ones, where they would
  // push the results below the fold.
  const [filtersOpen, setFiltersOpen] = useState(
    () => window.matchMedia?.('(min-width: 60rem)').matches ?? true,
  );
  const listRef = useRef<HTMLOListElement>(null);
  const focusIndex = useRef<number | null>(null);
  const searchInputRef = useRef<HTMLInputElement>(null);

  const query = useInfiniteQuery({
    queryKey: ['cases', 'search', key],
    queryFn: ({ pageParam }) => searchCases(search, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the facets and results on screen while the next search loads, so a ticked
    // checkbox keeps its place (and focus).
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((p) => p.items);

  // After "load more", move focus to the first newly loaded case.
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || query.isFetchingNextPage) return;
    focusIndex.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('.case-hit-title a')[index]?.focus();
  }, [items.length, query.isFetchingNextPage]);

  // The router updates the address in a transition; until it has, show the new choice (a ticked
  // checkbox stays ticked) and build the next change on it, not on the address.
  const [pending, setPending] = useState<{ from: string; state: SearchState } | null>(null);
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    // The address has changed (this change landed, or back/forward): it is the truth again.
    setSeenKey(key);
    setPending(null);
  }
  const shown = pending && pending.from === key ? pending.state : search;

  function go(next: SearchState) {
    setPending({ from: key, state: next });
    setParams(searchParams(next));
  }

  const filtersId = useId();
  const status = query.isPlaceholderData
    ? t('cases.searching')
    : first
      ? first.total === 0
        ? t('cases.noResults')
        : t('cases.resultCount', { count: first.total })
      : '';

  return (
    <div className="stack">
      <PageHeading>{t('cases.title')}</PageHeading>
      <Paragraph>{t('cases.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to={compareLink(shown)}>{t('cases.compareLink')}</AppLink>
        </li>
        <li>
          <AppLink to="/cases/coding">{t('cases.codingLink')}</AppLink>
        </li>
        <li>
          <AppLink to={qcaLink(shown)}>{t('cases.qcaLink')}</AppLink>
        </li>
        {user && (
          <>
            <li>
              <AppLink to="/cases/new">{t('cases.create')}</AppLink>
            </li>
            <li>
              <AppLink to="/cases/mine">{t('cases.mine')}</AppLink>
            </li>
          </>
        )}
      </ul>

      <SearchForm search={shown} onSearch={go} inputRef={searchInputRef} />

      <div className={filtersOpen ? 'case-search' : 'case-search filters-closed'}>
        <aside aria-labelledby="case-filters-heading" className="case-filters">
          <div className="case-filters-head">
            <Heading level={2} data-size="xs" id="case-filters-heading">
              {t('cases.filtersHeading')}
            </Heading>
            <Button
              variant="tertiary"
              data-size="sm"
              aria-expanded={filtersOpen}
              aria-controls={filtersId}
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {filtersOpen ? t('cases.hideFilters') : t('cases.showFilters')}
            </Button>
          </div>
          <div id={filtersId} hidden={!filtersOpen} className="stack">
            {first && (
              <Facets
                search={shown}
                result={first}
                onChange={go}
                onCleared={() => searchInputRef.current?.focus()}
              />
            )}
          </div>
        </aside>

        <section aria-labelledby="case-results-heading" className="case-results stack">
          <Heading level={2} data-size="xs" id="case-results-heading">
            {t('cases.resultsHeading')}
          </Heading>
          <div role="status" className="results-status">
            <Paragraph>{status}</Paragraph>
          </div>
          {first && first.total > 0 && (
            <SortSelect
              value={shown.sort ?? first.sort}
              onChange={(sort) => go({ ...shown, sort })}
            />
          )}
          {query.isPending && <Loading />}
          {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
          {items.length > 0 && (
            <ol ref={listRef} className="case-hits" aria-labelledby="case-results-heading">
              {items.map((hit) => (
                <CaseHitItem key={hit.id} hit={hit} />
              ))}
            </ol>
          )}
          {query.hasNextPage && (
            <div>
              <Button
                variant="secondary"
                loading={query.isFetchingNextPage}
                onClick={() => {
                  if (query.isFetchingNextPage) return;
                  focusIndex.current = items.length;
                  void query.fetchNextPage();
                }}
              >
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </section>
      </div>

      <Downloads search={shown} />
      <JrcAttribution />
    </div>
  );
}

function compareLink(search: SearchState): string {
  const s = filterParams(search).toString();
  return s ? `/cases/compare?${s}` : '/cases/compare';
}

/** The QCA workbench on the cases of this search. */
function qcaLink(search: SearchState): string {
  const s = filterParams(search).toString();
  return s ? `/qca?${s}` : '/qca';
}

function SearchForm({
  search,
  onSearch,
  inputRef,
}: {
  search: SearchState;
  onSearch: (next: SearchState) => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(search.q);
  // Back and forward change the address: show its query in the field again.
  const [shown, setShown] = useState(search.q);
  if (shown !== search.q) {
    setShown(search.q);
    setText(search.q);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...search, q: text.trim() });
  }

  return (
    <form role="search" aria-label={t('cases.searchForm')} onSubmit={submit} className="case-query">
      <Textfield
        ref={inputRef as React.RefObject<HTMLInputElement>}
        id="case-search-q"
        label={t('cases.searchLabel')}
        description={t('cases.searchHint')}
        type="search"
        value={text}
        maxLength={300}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <Button type="submit">{t('common.search')}</Button>
      </div>
    </form>
  );
}

function SortSelect({
  value,
  onChange,
}: {
  value: SearchSort;
  onChange: (sort: SearchSort) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field className="case-sort">
      <Label>{t('cases.sortLabel')}</Label>
      <Select
        id="case-sort"
        width="auto"
        value={value}
        onChange={(e) => {
          const parsed = SearchSort.safeParse(e.target.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        {SEARCH_SORTS.map((s) => (
          <Select.Option key={s} value={s}>
            {t(`cases.sort.${s}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function CaseHitItem({ hit }: { hit: CaseHit }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <li className="case-hit">
      <Heading level={3} data-size="xs" className="case-hit-title">
        <AppLink to={`/cases/${hit.id}`}>{hit.title}</AppLink>
      </Heading>
      <Paragraph className="case-hit-text">
        {hit.snippet.length > 0 ? <Snippet parts={hit.snippet} /> : hit.summary}
      </Paragraph>
      <ul className="tag-list" aria-label={t('cases.aboutCase', { title: hit.title })}>
        {hit.countries.map((c) => (
          <li key={c}>
            <Tag data-color="neutral" data-size="sm">
              {labels.country(c)}
            </Tag>
          </li>
        ))}
        {hit.yearLaunched !== null && (
          <li>
            <Tag data-color="neutral" data-size="sm">
              {t('cases.launched', { year: hit.yearLaunched })}
            </Tag>
          </li>
        )}
        {hit.maturity && (
          <li>
            <Tag data-color="info" data-size="sm">
              {labels.label(CASE_MATURITIES, hit.maturity)}
            </Tag>
          </li>
        )}
        {hit.codeCount > 0 && (
          <li>
            <Tag data-color="success" data-size="sm">
              {t('cases.codeCount', { count: hit.codeCount })}
            </Tag>
          </li>
        )}
        {hit.illustrative && (
          <li>
            <Tag data-color="warning" data-size="sm">
              {t('cases.illustrative')}
            </Tag>
          </li>
        )}
        {hit.source === JRC_SOURCE && (
          <li>
            <Tag data-color="accent" data-size="sm">
              {t('cases.jrcBadge')}
            </Tag>
          </li>
        )}
      </ul>
    </li>
  );
}

function Facets({
  search,
  result,
  onChange,
  onCleared,
}: {
  search: SearchState;
  result: CaseSearchResult;
  onChange: (next: SearchState) => void;
  onCleared: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {hasFilters(search) && (
        <div>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => {
              onChange(clearFilters(search));
              onCleared();
            }}
          >
            {t('cases.clearFilters')}
          </Button>
        </div>
      )}
      {LIST_FACETS.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          counts={result.facets[facet] ?? []}
          selected={search.lists[facet]}
          onToggle={(value) => onChange(toggleValue(search, facet, value))}
        />
      ))}
      <YearRange search={search} years={result.facets.year ?? []} onChange={onChange} />
      <CodedFilter
        value={search.coded}
        counts={result.facets.coded ?? []}
        onChange={(coded) => onChange({ ...search, coded })}
      />
    </>
  );
}

function FacetGroup({
  facet,
  counts,
  selected,
  onToggle,
}: {
  facet: ListFacet;
  counts: readonly FacetCount[];
  selected: readonly string[];
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [showAll, setShowAll] = useState(false);
  // Selected values stay listed (with 0) when the other filters leave no case with them.
  const byValue = new Map(counts.map((c) => [c.value, c.count]));
  for (const value of selected) if (!byValue.has(value)) byValue.set(value, 0);
  const collator = new Intl.Collator(labels.lang);
  const options = [...byValue]
    .map(([value, count]) => ({ value, count, label: labels.facetValue(facet, value) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  if (options.length === 0) return null;
  const visible = showAll
    ? options
    : options.filter((o, i) => i < FACET_PREVIEW || selected.includes(o.value));
  const more = options.length - visible.length;

  return (
    <Fieldset data-size="sm" className="facet">
      <Fieldset.Legend>{t(`cases.facet.${facet}`)}</Fieldset.Legend>
      {visible.map((o) => (
        <Checkbox
          key={o.value}
          data-size="sm"
          label={t('cases.facetOption', { label: o.label, n: o.count })}
          value={o.value}
          checked={selected.includes(o.value)}
          onChange={() => onToggle(o.value)}
        />
      ))}
      {(more > 0 || showAll) && options.length > FACET_PREVIEW && (
        <div>
          <Button
            variant="tertiary"
            data-size="sm"
            aria-expanded={showAll}
            onClick={() => setShowAll((v) => !v)}
          >
            {showAll ? t('cases.showFewer') : t('cases.showAll', { total: options.length })}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}

function YearRange({
  search,
  years,
  onChange,
}: {
  search: SearchState;
  years: readonly FacetCount[];
  onChange: (next: SearchState) => void;
}) {
  const { t } = useTranslation();
  const current = `${search.yearFrom ?? ''}-${search.yearTo ?? ''}`;
  const [from, setFrom] = useState(search.yearFrom?.toString() ?? '');
  const [to, setTo] = useState(search.yearTo?.toString() ?? '');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setFrom(search.yearFrom?.toString() ?? '');
    setTo(search.yearTo?.toString() ?? '');
    setErrors({});
  }
  const known = years.map((y) => Number(y.value)).filter((y) => Number.isInteger(y));
  const range =
    known.length > 0
      ? t('cases.yearRangeHint', { first: Math.min(...known), last: Math.max(...known) })
      : undefined;

  function apply(event: FormEvent) {
    event.preventDefault();
    const yearFrom = parseYear(from);
    const yearTo = parseYear(to);
    const next: { from?: string; to?: string } = {};
    if (yearFrom === 'invalid') next.from = t('cases.yearInvalid');
    if (yearTo === 'invalid') next.to = t('cases.yearInvalid');
    if (!next.from && !next.to && yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
      next.to = t('cases.yearOrder');
    }
    setErrors(next);
    if (next.from || next.to || yearFrom === 'invalid' || yearTo === 'invalid') return;
    onChange({ ...search, yearFrom, yearTo });
  }

  return (
    <form onSubmit={apply} noValidate>
      <Fieldset data-size="sm" className="facet">
        <Fieldset.Legend>{t('cases.facet.year')}</Fieldset.Legend>
        {range && <Fieldset.Description>{range}</Fieldset.Description>}
        <div className="year-range">
          <Textfield
            data-size="sm"
            id="case-year-from"
            label={t('cases.yearFrom')}
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={from}
            error={errors.from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <Textfield
            data-size="sm"
            id="case-year-to"
            label={t('cases.yearTo')}
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={to}
            error={errors.to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" data-size="sm">
            {t('cases.applyYears')}
          </Button>
        </div>
      </Fieldset>
    </form>
  );
}

function CodedFilter({
  value,
  counts,
  onChange,
}: {
  value: Coded | null;
  counts: readonly FacetCount[];
  onChange: (value: Coded | null) => void;
}) {
  const { t } = useTranslation();
  const count = (v: Coded) => counts.find((c) => c.value === v)?.count ?? 0;
  const name = useId();
  return (
    <Fieldset data-size="sm" className="facet">
      <Fieldset.Legend>{t('cases.facet.coded')}</Fieldset.Legend>
      <Radio
        data-size="sm"
        name={name}
        label={t('cases.codedAny')}
        value=""
        checked={value === null}
        onChange={() => onChange(null)}
      />
      <Radio
        data-size="sm"
        name={name}
        label={t('cases.facetOption', { label: t('cases.codedYes'), n: count('yes') })}
        value="yes"
        checked={value === 'yes'}
        onChange={() => onChange('yes')}
      />
      <Radio
        data-size="sm"
        name={name}
        label={t('cases.facetOption', { label: t('cases.codedNo'), n: count('no') })}
        value="no"
        checked={value === 'no'}
        onChange={() => onChange('no')}
      />
    </Fieldset>
  );
}

function Downloads({ search }: { search: SearchState }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-downloads" className="stack section">
      <Heading level={2} data-size="xs" id="case-downloads">
        {t('cases.downloadsHeading')}
      </Heading>
      <ul className="action-links">
        <li>
          <Link href={exportPath(search, 'csv')} download>
            {t('cases.exportCsv')}
          </Link>
        </li>
        <li>
          <Link href={exportPath(search, 'csv', 'codes')} download>
            {t('cases.exportCodes')}
          </Link>
        </li>
        <li>
          <Link href={exportPath(search, 'json')} download>
            {t('cases.exportJson')}
          </Link>
        </li>
        <li>
          <Link href="/api/cases/codebook" download>
            {t('cases.codebook')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
