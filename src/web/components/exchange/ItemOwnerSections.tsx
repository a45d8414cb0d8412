import { useRef } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ExchangeItem, ItemStatus } from '../../../shared/exchange.ts';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { EditDetails } from '../EditDetails.tsx';
import { changeItemStatus, useExchangeChanged } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';
import { ExchangeItemForm } from './ExchangeItemForm.tsx';

/** Change an offer or request: the people behind it. */
export function ItemEditSection({ item }: { item: ExchangeItem }) {
  const { t } = useExchangeI18n();
  const changed = useExchangeChanged();
  return (
    <EditDetails
      summary={t('edit.summary')}
      changed={changed}
      form={(onSaved) => <ExchangeItemForm item={item} onSaved={onSaved} />}
    />
  );
}

/** What may come next: an open item is closed or withdrawn; a closed one reopened or withdrawn. */
const NEXT: Record<ItemStatus, ItemStatus[]> = {
  open: ['closed', 'withdrawn'],
  closed: ['open', 'withdrawn'],
  withdrawn: ['open'],
};

/** Close an offer or request once it is served, withdraw it, or open it again. */
export function ItemStatusSection({ item }: { item: ExchangeItem }) {
  const { t, labels } = useExchangeI18n();
  const changed = useExchangeChanged();
  const action = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function move(to: ItemStatus) {
    let updated: ExchangeItem | undefined;
    const ok = await action.run(
      async () => {
        updated = await changeItemStatus(item.id, to);
      },
      t('status.done', { status: labels.itemStatus(to) }),
      { same_status: t('status.conflict'), withdrawn: t('status.conflict') },
    );
    await changed(updated);
    // The button pressed is gone now: keep focus in this section.
    if (ok) headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="item-status-heading" className="stack section">
      <Heading level={2} data-size="sm" id="item-status-heading" ref={headingRef} tabIndex={-1}>
        {t('status.heading')}
      </Heading>
      <Paragraph>{t('status.current', { status: labels.itemStatus(item.status) })}</Paragraph>
      <div className="button-row">
        {NEXT[item.status].map((to) => (
          <Button
            key={to}
            variant={to === 'withdrawn' ? 'secondary' : 'primary'}
            loading={action.busy}
            onClick={() => void move(to)}
          >
            {t(`status.to.${to}`)}
          </Button>
        ))}
      </div>
      <ActionFeedback status={action.status} failure={action.failure} />
    </section>
  );
}
