import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ExchangeItem } from '../../../shared/exchange.ts';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { useItemPledges } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';
import { PledgeSummary } from './PledgeSummary.tsx';

/** The pledges on an offer or request, newest first, each linking to its page. */
export function ItemPledges({ item }: { item: ExchangeItem }) {
  const { t } = useExchangeI18n();
  const query = useItemPledges(item.id);
  const pledges = query.data;
  return (
    <section aria-labelledby="item-pledges-heading" className="stack section">
      <Heading level={2} data-size="sm" id="item-pledges-heading">
        {t('pledges.heading')}
      </Heading>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {pledges && pledges.length === 0 && <Paragraph>{t('pledges.none')}</Paragraph>}
      {pledges && pledges.length > 0 && (
        <ul className="plain-list stack" aria-labelledby="item-pledges-heading">
          {pledges.map((p) => (
            <PledgeSummary key={p.id} pledge={p} />
          ))}
        </ul>
      )}
    </section>
  );
}
