import { Paragraph } from '@digdir/designsystemet-react';
import type { Pledge } from '../../../shared/exchange.ts';
import { pledgeQuantity } from '../../exchange-format.ts';
import { AppLink } from '../AppLink.tsx';
import { useExchangeI18n } from './exchange-labels.ts';
import { PledgeStatusTag } from './ExchangeTags.tsx';

/** One pledge in a list: who gives whom what (a link to its page), its status, when. */
export function PledgeSummary({ pledge }: { pledge: Pledge }) {
  const { t, lang, labels } = useExchangeI18n();
  const quantity = pledgeQuantity(pledge, lang);
  const about = [
    labels.kind(pledge.kind),
    quantity ? labels.phrase(quantity) : null,
    t('pledges.proposedOn', { date: labels.date(pledge.createdAt) }),
  ].filter((s): s is string => s !== null);
  const what = pledge.request?.title ?? pledge.offer?.title ?? '';
  return (
    <li className="stack">
      <Paragraph>
        <AppLink to={`/exchange/pledges/${pledge.id}`}>
          {t('pledges.line', {
            giver: labels.party(pledge.giver),
            receiver: labels.party(pledge.receiver),
          })}
        </AppLink>{' '}
        <PledgeStatusTag status={pledge.status} />
      </Paragraph>
      <Paragraph data-size="sm">
        {what && `${t('pledges.for', { title: what })} · `}
        {about.join(' · ')}
      </Paragraph>
    </li>
  );
}
