import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/AppLink.tsx';
import { ExchangeHit } from '../components/exchange/ExchangeHit.tsx';
import { ExchangeSearchForm } from '../components/exchange/ExchangeSearchForm.tsx';
import { useItems } from '../components/exchange/exchange-api.ts';
import { useExchangeTranslation } from '../components/exchange/exchange-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PagedResults } from '../components/PagedResults.tsx';
import {
  exchangePages,
  exchangeSearchFromParams,
  exchangeSearchParams,
  type ExchangeSearch,
} from '../exchange-search.ts';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';

/** Offers and requests: search, filters and pages, all in the address; post a new one. */
export function ExchangePage() {
  const { t } = useExchangeTranslation();
  usePageTitle(t('list.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => exchangeSearchFromParams(params), [params]);
  const query = useItems(search);
  const list = query.data;
  const pages = list ? exchangePages(list.total) : 1;

  function go(next: ExchangeSearch) {
    setParams(exchangeSearchParams(next));
  }

  return (
    <div className="stack">
      <PageHeading>{t('list.title')}</PageHeading>
      <Paragraph className="prose">{t('list.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/exchange/new">{t('list.post')}</AppLink>
        </li>
        {user && (
          <li>
            <AppLink to="/exchange/pledges">{t('list.myPledges')}</AppLink>
          </li>
        )}
      </ul>
      <ExchangeSearchForm search={search} signedIn={user !== null} onSearch={go} />
      <PagedResults
        id="exchange-results-heading"
        heading={t('list.resultsHeading')}
        query={query}
        items={list?.items}
        total={list?.total}
        render={(item) => <ExchangeHit key={item.id} item={item} />}
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
