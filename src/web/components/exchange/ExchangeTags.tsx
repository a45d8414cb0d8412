import { Tag } from '@digdir/designsystemet-react';
import type { ExchangeItem, ItemStatus, PledgeStatus } from '../../../shared/exchange.ts';
import { useExchangeLabels } from './exchange-labels.ts';

type Colour = 'info' | 'neutral' | 'success' | 'warning' | 'accent';

const PLEDGE_COLOURS: Record<PledgeStatus, Colour> = {
  proposed: 'info',
  accepted: 'accent',
  delivered: 'accent',
  confirmed: 'success',
  declined: 'warning',
  cancelled: 'neutral',
};

const ITEM_COLOURS: Record<ItemStatus, Colour> = {
  open: 'success',
  closed: 'neutral',
  withdrawn: 'warning',
};

/** A pledge's status as a tag (its colour repeats what the words say). */
export function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  const labels = useExchangeLabels();
  return (
    <Tag data-color={PLEDGE_COLOURS[status]} data-size="sm">
      {labels.pledgeStatus(status)}
    </Tag>
  );
}

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const labels = useExchangeLabels();
  return (
    <Tag data-color={ITEM_COLOURS[status]} data-size="sm">
      {labels.itemStatus(status)}
    </Tag>
  );
}

/** Offer or request, the kind of resource, and the status when it is no longer open. */
export function ItemTags({ item, label }: { item: ExchangeItem; label: string }) {
  const labels = useExchangeLabels();
  return (
    <ul className="tag-list" aria-label={label}>
      <li>
        <Tag data-color={item.side === 'offer' ? 'info' : 'accent'} data-size="sm">
          {labels.side(item.side)}
        </Tag>
      </li>
      <li>
        <Tag data-color="neutral" data-size="sm">
          {labels.kind(item.kind)}
        </Tag>
      </li>
      {item.status !== 'open' && (
        <li>
          <ItemStatusTag status={item.status} />
        </li>
      )}
    </ul>
  );
}
