import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Button,
  Field,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isCountryCode } from '../../shared/countries.ts';
import { ORGANISATION_KINDS, OrganisationKind } from '../../shared/organisations.ts';
import { listOrganisations, type OrganisationFilters } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { countryName, sortedCountries } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';
import { kindLabel, levelLabel, sectorLabel } from '../vocab.ts';

const PAGE_SIZE = 20;

function filtersFrom(params: URLSearchParams): OrganisationFilters {
  const q = params.get('q')?.trim() || undefined;
  const kind = OrganisationKind.safeParse(params.get('kind'));
  const country = params.get('country')?.toUpperCase() ?? '';
  return {
    q,
    kind: kind.success ? kind.data : undefined,
    country: isCountryCode(country) ? country : undefined,
  };
}

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('organisations.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useState({
    q: filters.q ?? '',
    kind: filters.kind ?? '',
    country: filters.country ?? '',
  });
  // Back and forward change the address: show its filters in the form again.
  const [shownSearch, setShownSearch] = useState(params.toString());
  if (shownSearch !== params.toString()) {
    setShownSearch(params.toString());
    setDraft({ q: filters.q ?? '', kind: filters.kind ?? '', country: filters.country ?? '' });
  }
  const tableRef = useRef<HTMLTableElement>(null);
  const focusIndex = useRef<number | null>(null);

  const query = useInfiniteQuery({
    queryKey: ['organisations', filters],
    queryFn: ({ pageParam }) =>
      listOrganisations({ ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  // After "load more", move focus to the first newly loaded organisation.
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || query.isFetchingNextPage) return;
    focusIndex.current = null;
    tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody a')[index]?.focus();
  }, [items.length, query.isFetchingNextPage]);

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.kind) next.set('kind', draft.kind);
    if (draft.country) next.set('country', draft.country);
    setParams(next);
  }

  function onReset() {
    setDraft({ q: '', kind: '', country: '' });
    setParams(new URLSearchParams());
  }

  const countries = sortedCountries(i18n.language);
  const resultText =
    query.isSuccess && items.length > 0
      ? query.hasNextPage
        ? t('organisations.resultsMore', { count: items.length })
        : t('organisations.results', { count: items.length })
      : query.isSuccess
        ? filters.q || filters.kind || filters.country
          ? t('organisations.none')
          : t('organisations.empty')
        : '';

  return (
    <div className="stack">
      <PageHeading>{t('organisations.title')}</PageHeading>
      <Paragraph>{t('organisations.lead')}</Paragraph>
      {user && (
        <Paragraph>
          <AppLink to="/organisations/new">{t('organisations.create')}</AppLink>
        </Paragraph>
      )}
      <form
        role="search"
        aria-label={t('common.search')}
        onSubmit={onSearch}
        className="filters"
        noValidate
      >
        <Textfield
          id="org-search"
          label={t('organisations.searchLabel')}
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <Field>
          <Label>{t('organisations.kindFilter')}</Label>
          <Select
            id="org-filter-kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <Select.Option value="">{t('organisations.allKinds')}</Select.Option>
            {ORGANISATION_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {kindLabel(t, k)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('organisations.countryFilter')}</Label>
          <Select
            id="org-filter-country"
            value={draft.country}
            onChange={(e) => setDraft({ ...draft, country: e.target.value })}
          >
            <Select.Option value="">{t('organisations.allCountries')}</Select.Option>
            {countries.map((c) => (
              <Select.Option key={c.code} value={c.code}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="button-row filters-actions">
          <Button type="submit">{t('organisations.apply')}</Button>
          <Button type="button" variant="tertiary" onClick={onReset}>
            {t('organisations.reset')}
          </Button>
        </div>
      </form>

      <div role="status" className="results-status">
        <Paragraph>{resultText}</Paragraph>
      </div>

      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}

      {items.length > 0 && (
        <div className="table-scroll">
          <Table ref={tableRef} zebra border>
            <caption className="visually-hidden">{t('organisations.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('organisations.colName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('organisations.colKind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('organisations.colCountry')}</Table.HeaderCell>
                <Table.HeaderCell>{t('organisations.colLevel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('organisations.colSector')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((org) => (
                <Table.Row key={org.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/organisations/${org.id}`}>{org.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{kindLabel(t, org.kind)}</Table.Cell>
                  <Table.Cell>{countryName(org.country, i18n.language)}</Table.Cell>
                  <Table.Cell>{org.level ? levelLabel(t, org.level) : <NotSet />}</Table.Cell>
                  <Table.Cell>{org.sector ? sectorLabel(t, org.sector) : <NotSet />}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
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
    </div>
  );
}
