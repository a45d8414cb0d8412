import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/AppLink.tsx';
import { NeedHit } from '../components/needs/NeedHit.tsx';
import { NeedsSearchForm } from '../components/needs/NeedsSearchForm.tsx';
import { useNeeds } from '../components/needs/needs-api.ts';
import { useNeedsTranslation } from '../components/needs/needs-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PagedResults } from '../components/PagedResults.tsx';
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
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => needsSearchFromParams(params), [params]);
  const query = useNeeds(search);
  const list = query.data;
  const pages = list ? needPages(list.total) : 1;

  function go(next: NeedsSearch) {
    setParams(needsSearchParams(next));
  }

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
      <PagedResults
        id="need-results-heading"
        heading={t('list.resultsHeading')}
        query={query}
        items={list?.items}
        total={list?.total}
        render={(need) => <NeedHit key={need.id} need={need} />}
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
