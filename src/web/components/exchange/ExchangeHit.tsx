import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ExchangeItem } from '../../../shared/exchange.ts';
import { AppLink } from '../AppLink.tsx';
import { useExchangeI18n } from './exchange-labels.ts';
import { ItemTags } from './ExchangeTags.tsx';

/** One offer or request in a list: its title as a link, side and kind, who, where, when, how much. */
export function ExchangeHit({ item, level = 3 }: { item: ExchangeItem; level?: 3 | 4 }) {
  const { t, labels } = useExchangeI18n();
  return (
    <li className="case-hit">
      <Heading level={level} data-size="xs" className="case-hit-title">
        <AppLink to={`/exchange/${item.id}`}>{item.title}</AppLink>
      </Heading>
      <ItemTags item={item} label={t('list.about', { title: item.title })} />
      <Paragraph data-size="sm">{labels.about(item)}</Paragraph>
    </li>
  );
}
