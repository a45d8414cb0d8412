import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ExchangeItem, Match } from '../../../shared/exchange.ts';
import { partPoints, scorePercent } from '../../exchange-format.ts';
import { useSession } from '../../session.ts';
import { AppLink } from '../AppLink.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { useMatches } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';
import { ItemTags } from './ExchangeTags.tsx';
import { PledgeForm } from './PledgeForm.tsx';
import './exchange.css';

/**
 * The ten best matches on the other side, best first: each with its score as a number and a bar,
 * the explanation of the score part by part, and, for the people behind this item, a form to
 * propose a pledge between the two.
 */
export function MatchesSection({ item }: { item: ExchangeItem }) {
  const { t } = useExchangeI18n();
  const { user } = useSession();
  const query = useMatches(item.id);
  const matches = query.data?.matches;
  return (
    <section aria-labelledby="matches-heading" className="stack section">
      <Heading level={2} data-size="sm" id="matches-heading">
        {t('matches.heading')}
      </Heading>
      <Paragraph>{t(`matches.lead.${item.side}`)}</Paragraph>
      {item.status !== 'open' && <Paragraph>{t('matches.notOpen')}</Paragraph>}
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {matches && matches.length === 0 && <Paragraph>{t('matches.none')}</Paragraph>}
      {matches && matches.length > 0 && (
        <ol className="match-list" aria-labelledby="matches-heading">
          {matches.map((m, i) => (
            <MatchEntry
              key={m.item.id}
              item={item}
              match={m}
              rank={i + 1}
              canPropose={user !== null && item.mine && item.status === 'open'}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function MatchEntry({
  item,
  match,
  rank,
  canPropose,
}: {
  item: ExchangeItem;
  match: Match;
  rank: number;
  canPropose: boolean;
}) {
  const { t, lang, labels } = useExchangeI18n();
  const other = match.item;
  const percent = scorePercent(match.score);
  const offer = item.side === 'offer' ? item : other;
  const request = item.side === 'request' ? item : other;
  return (
    <li>
      <Heading level={3} data-size="xs">
        <AppLink to={`/exchange/${other.id}`}>{other.title}</AppLink>
      </Heading>
      <ItemTags item={other} label={t('list.about', { title: other.title })} />
      <Paragraph data-size="sm">{labels.about(other)}</Paragraph>
      <ScoreBar percent={percent} />
      <Details>
        <Details.Summary>
          {t('matches.why')}
          <span className="visually-hidden">{t('matches.forTitle', { title: other.title })}</span>
        </Details.Summary>
        <Details.Content>
          <ul className="match-parts" aria-label={t('matches.partsLabel', { title: other.title })}>
            {match.parts.map((part) => {
              const points = partPoints(part, lang);
              return (
                <li key={part.part}>
                  <span className="match-part-name">{t(`parts.${part.part}`)}</span>
                  {': '}
                  {t('matches.pointsOf', points)} {labels.reason(part.reason)}
                </li>
              );
            })}
          </ul>
          <Paragraph data-size="sm">{t('matches.total', { points: percent, rank })}</Paragraph>
        </Details.Content>
      </Details>
      {canPropose && other.status === 'open' && (
        <Details>
          <Details.Summary>
            {t('matches.propose')}
            <span className="visually-hidden">{t('matches.forTitle', { title: other.title })}</span>
          </Details.Summary>
          <Details.Content>
            <Paragraph data-size="sm">{t(`matches.proposeLead.${item.side}`)}</Paragraph>
            <PledgeForm
              id={`propose-${other.id}`}
              kind={offer.kind}
              ids={{ offerId: offer.id, requestId: request.id }}
              currency={request.currency ?? offer.currency}
              onBehalf={false}
              submitLabel={t('pledgeForm.submit')}
            />
          </Details.Content>
        </Details>
      )}
    </li>
  );
}

/** The score as a number in words, with a bar that repeats it for the eye. */
export function ScoreBar({ percent }: { percent: number }) {
  const { t } = useExchangeI18n();
  return (
    <div className="match-score">
      <svg
        className="score-bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect className="track" x="0.5" y="0.5" width="99" height="9" />
        <rect className="fill" x="0.5" y="0.5" width={(99 * percent) / 100} height="9" />
      </svg>
      <span>{t('matches.score', { percent })}</span>
    </div>
  );
}
