import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Party, Pledge } from '../../../shared/exchange.ts';
import { pledgeQuantity } from '../../exchange-format.ts';
import { formatDateTime } from '../../format.ts';
import { AppLink } from '../AppLink.tsx';
import { NotSet } from '../NotSet.tsx';
import { useExchangeI18n } from './exchange-labels.ts';
import { PledgeStatusTag } from './ExchangeTags.tsx';
import './exchange.css';

function PartyName({ party }: { party: Party }) {
  const { labels } = useExchangeI18n();
  return party.organisation ? (
    <AppLink to={`/organisations/${party.organisation.id}`}>{party.organisation.name}</AppLink>
  ) : (
    <>{labels.party(party)}</>
  );
}

/** What a pledge is: kind, parties, the items it links, quantity, status; and its history. */
export function PledgeDetails({ pledge }: { pledge: Pledge }) {
  const { t, lang, labels } = useExchangeI18n();
  const quantity = pledgeQuantity(pledge, lang);
  return (
    <>
      <dl className="details-list">
        <dt>{t('fields.kind')}</dt>
        <dd>{labels.kind(pledge.kind)}</dd>
        <dt>{t('fields.status')}</dt>
        <dd>
          <PledgeStatusTag status={pledge.status} />
        </dd>
        <dt>{t('pledge.giver')}</dt>
        <dd>
          <PartyName party={pledge.giver} />
        </dd>
        <dt>{t('pledge.receiver')}</dt>
        <dd>
          <PartyName party={pledge.receiver} />
        </dd>
        <dt>{t('pledge.offer')}</dt>
        <dd>
          {pledge.offer ? (
            <AppLink to={`/exchange/${pledge.offer.id}`}>{pledge.offer.title}</AppLink>
          ) : (
            <NotSet />
          )}
        </dd>
        <dt>{t('pledge.request')}</dt>
        <dd>
          {pledge.request ? (
            <AppLink to={`/exchange/${pledge.request.id}`}>{pledge.request.title}</AppLink>
          ) : (
            <NotSet />
          )}
        </dd>
        {pledge.initiative && (
          <>
            <dt>{t('fields.initiativeId')}</dt>
            <dd>
              <AppLink to={`/initiatives/${pledge.initiative.id}`}>
                {pledge.initiative.title}
              </AppLink>
            </dd>
          </>
        )}
        <dt>{t('fields.quantity')}</dt>
        <dd>{quantity ? labels.phrase(quantity) : <NotSet />}</dd>
        <dt>{t('pledge.proposedBy')}</dt>
        <dd>{labels.party(pledge.proposedBy === 'giver' ? pledge.giver : pledge.receiver)}</dd>
        <dt>{t('pledge.proposedOn')}</dt>
        <dd>{labels.date(pledge.createdAt)}</dd>
        <dt>{t('pledge.note')}</dt>
        <dd className="prose">{pledge.note || <NotSet />}</dd>
      </dl>
      <section aria-labelledby="pledge-history-heading" className="stack section">
        <Heading level={2} data-size="sm" id="pledge-history-heading">
          {t('pledge.history')}
        </Heading>
        <ol className="plain-list stack pledge-history" aria-labelledby="pledge-history-heading">
          {pledge.history.map((h, i) => (
            <li key={i}>
              <Paragraph className="need-event-what">{labels.pledgeStatus(h.status)}</Paragraph>
              <Paragraph data-size="sm" className="need-event-meta">
                {t('pledge.byOn', {
                  name: h.by ?? t('pledge.formerAccount'),
                  date: formatDateTime(h.at, lang),
                })}
              </Paragraph>
              {h.note && <Paragraph className="prose">{h.note}</Paragraph>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
