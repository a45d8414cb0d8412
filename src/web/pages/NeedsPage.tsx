import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../components/AppLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NeedHit } from '../components/needs/NeedHit.tsx';
import { NeedsSearchForm } from '../components/needs/NeedsSearchForm.tsx';
import { useNeeds } from '../components/needs/needs-api.ts';
import { useNeedsTranslation } from '../components/needs/needs-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import {
  needPages,
  needsSearchFromParams,
  needsSearchParams,
  type NeedsSearch,
} from '../needs-search.ts';
import { usePageTitle } from '../pageTitle.ts';
import { useOrganisation } from '../queries.ts';

/** Citizens' needs: search, filters, order and pages, all in the address; post a new one. */
export function NeedsPage() {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => needsSearchFromParams(params), [params]);
  const query = useNeeds(search);
  const list = query.data;
  const pages = list ? needPages(list.total) : 1;

  const resultsRef = useRef<HTMLHeadingElement>(null);

  function go(next: NeedsSearch) {
    setParams(needsSearchParams(next));
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
          <AppLink to="/needs/new">{t('list.post')}</AppLink>
        </li>
        <li>
          <AppLink to="/responsiveness">{t('list.responsivenessLink')}</AppLink>
        </li>
      </ul>
      <NeedsSearchForm search={search} onSearch={go} />
      {search.organisation && (
        <OrganisationFilter
          id={search.organisation}
          onClear={() => go({ ...search, organisation: null, page: 1 })}
        />
      )}
      <section aria-labelledby="need-results-heading" className="stack section">
        <Heading level={2} data-size="sm" id="need-results-heading" ref={resultsRef} tabIndex={-1}>
          {t('list.resultsHeading')}
        </Heading>
        <div role="status" className="results-status">
          <Paragraph>{status}</Paragraph>
        </div>
        {query.isPending && <Loading />}
        {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
        {list && list.items.length > 0 && (
          <ol className="case-hits" aria-labelledby="need-results-heading">
            {list.items.map((need) => (
              <NeedHit key={need.id} need={need} />
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

/** The list narrowed to the needs one organisation is responsible for (from its figures). */
function OrganisationFilter({ id, onClear }: { id: string; onClear: () => void }) {
  const { t } = useNeedsTranslation();
  const organisation = useOrganisation(id);
  return (
    <div className="button-row">
      <Paragraph>
        {t('list.forOrganisation', { name: organisation.data?.name ?? t('list.anOrganisation') })}
      </Paragraph>
      <Button variant="tertiary" data-size="sm" onClick={onClear}>
        {t('list.allOrganisations')}
      </Button>
    </div>
  );
}
