import { useParams } from 'react-router';
import { AppLink } from '../components/AppLink.tsx';
import { usePledge } from '../components/exchange/exchange-api.ts';
import { useExchangeTranslation } from '../components/exchange/exchange-i18n.ts';
import { PledgeActions } from '../components/exchange/PledgeActions.tsx';
import { PledgeDetails } from '../components/exchange/PledgeDetails.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';

/** A pledge: who gives whom what, its history, and the moves the viewer may make now. */
export function PledgePage() {
  const { id = '' } = useParams();
  const { t } = useExchangeTranslation();
  const { user } = useSession();
  const query = usePledge(id);
  const pledge = query.data;
  const what = pledge?.request?.title ?? pledge?.offer?.title;
  const title = what ? t('pledge.titleFor', { title: what }) : t('pledge.title');
  usePageTitle(title);

  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <ul className="action-links">
        {user && (
          <li>
            <AppLink to="/exchange/pledges">{t('pledges.title')}</AppLink>
          </li>
        )}
        <li>
          <AppLink to="/exchange">{t('item.back')}</AppLink>
        </li>
      </ul>
      <HavensLoadState query={query} notFound={t('pledge.notFound')} />
      {pledge && <PledgeDetails pledge={pledge} />}
      {pledge && user && <PledgeActions key={pledge.id} pledge={pledge} />}
    </div>
  );
}
