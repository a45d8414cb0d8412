import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ExchangeItem } from '../../../shared/exchange.ts';
import { useSession } from '../../session.ts';
import { AppLink } from '../AppLink.tsx';
import { useExchangeI18n } from './exchange-labels.ts';
import { PledgeForm } from './PledgeForm.tsx';

/**
 * For someone not behind an open item: offer what a request asks for, or ask for what an offer
 * gives, straight away (for oneself or one of one's organisations). Signed out: a link to sign in.
 */
export function DirectPledgeSection({ item }: { item: ExchangeItem }) {
  const { t } = useExchangeI18n();
  const { user, isLoading } = useSession();
  if (item.mine || item.status !== 'open' || isLoading) return null;
  const heading = item.side === 'request' ? t('direct.offerThis') : t('direct.askForThis');
  return (
    <section aria-labelledby="direct-pledge-heading" className="stack section">
      <Heading level={2} data-size="sm" id="direct-pledge-heading">
        {heading}
      </Heading>
      {user ? (
        <>
          <Paragraph>{t(`direct.lead.${item.side}`)}</Paragraph>
          <PledgeForm
            id="direct-pledge"
            kind={item.kind}
            ids={item.side === 'request' ? { requestId: item.id } : { offerId: item.id }}
            currency={item.currency}
            onBehalf
            submitLabel={heading}
          />
        </>
      ) : (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(`/exchange/${item.id}`)}`}>
            {t(`direct.signIn.${item.side}`)}
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}
