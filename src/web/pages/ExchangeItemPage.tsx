import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { ExchangeItem } from '../../shared/exchange.ts';
import { AppLink } from '../components/AppLink.tsx';
import { DirectPledgeSection } from '../components/exchange/DirectPledgeSection.tsx';
import { useItem } from '../components/exchange/exchange-api.ts';
import { useExchangeI18n } from '../components/exchange/exchange-labels.ts';
import { ItemTags } from '../components/exchange/ExchangeTags.tsx';
import { ItemDetails } from '../components/exchange/ItemDetails.tsx';
import { ItemEditSection, ItemStatusSection } from '../components/exchange/ItemOwnerSections.tsx';
import { ItemPledges } from '../components/exchange/ItemPledges.tsx';
import { MatchesSection } from '../components/exchange/MatchesSection.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';

/**
 * An offer or request: what it is, its best matches with their explanation, and its pledges. The
 * people behind it change, close or reopen it and propose pledges to its matches; others offer
 * or ask for it straight away.
 */
export function ExchangeItemPage() {
  const { id = '' } = useParams();
  const { t } = useExchangeI18n();
  const query = useItem(id);
  const item = query.data;
  usePageTitle(item?.title ?? t('item.title'));

  return (
    <div className="stack">
      <PageHeading>{item?.title ?? t('item.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/exchange">{t('item.back')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('item.notFound')} />
      {item && <ItemContent key={item.id} item={item} />}
    </div>
  );
}

function ItemContent({ item }: { item: ExchangeItem }) {
  const { t } = useExchangeI18n();
  return (
    <>
      <ItemTags item={item} label={t('list.about', { title: item.title })} />
      <ItemDetails item={item} />
      {item.mine && <ItemEditSection item={item} />}
      {item.mine && <ItemStatusSection item={item} />}
      <MatchesSection item={item} />
      <DirectPledgeSection item={item} />
      <ItemPledges item={item} />
    </>
  );
}
