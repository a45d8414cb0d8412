import { useNavigate, useSearchParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { z } from 'zod';
import { ExchangeSide } from '../../shared/exchange.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useExchangeChanged } from '../components/exchange/exchange-api.ts';
import { useExchangeTranslation } from '../components/exchange/exchange-i18n.ts';
import { ExchangeItemForm } from '../components/exchange/ExchangeItemForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { flashState } from '../flash.ts';
import { usePageTitle } from '../pageTitle.ts';

const Id = z.uuid();

/**
 * Offer or ask for a resource (signed in). `?side=request&initiative=<id>` (from an initiative's
 * "Ask for resources" link) starts a request for that initiative.
 */
export function ExchangeCreatePage() {
  const { t } = useExchangeTranslation();
  usePageTitle(t('form.createTitle'));
  const navigate = useNavigate();
  const changed = useExchangeChanged();
  const [params] = useSearchParams();
  const side = ExchangeSide.safeParse(params.get('side'));
  const initiative = Id.safeParse(params.get('initiative'));
  const prefill = {
    side: side.success ? side.data : undefined,
    initiativeId: initiative.success ? initiative.data : undefined,
  };
  return (
    <div className="stack">
      <PageHeading>{t('form.createTitle')}</PageHeading>
      <RequireUser>
        {() => (
          <>
            <Paragraph className="prose">{t('form.createLead')}</Paragraph>
            <Paragraph>
              <AppLink to="/exchange">{t('item.back')}</AppLink>
            </Paragraph>
            <ExchangeItemForm
              prefill={prefill}
              onSaved={async (item) => {
                await changed(item);
                await navigate(`/exchange/${item.id}`, {
                  state: flashState(
                    item.side === 'offer'
                      ? 'exchangeFlash.offerPosted'
                      : 'exchangeFlash.requestPosted',
                  ),
                });
              }}
            />
          </>
        )}
      </RequireUser>
    </div>
  );
}
