import { type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { PLEDGE_STATUSES, PledgeStatus } from '../../shared/exchange.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useMyPledges } from '../components/exchange/exchange-api.ts';
import { useExchangeI18n } from '../components/exchange/exchange-labels.ts';
import { PledgeSummary } from '../components/exchange/PledgeSummary.tsx';
import { FilterSelect, useSearchDraft } from '../components/FilterSelect.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { groupByStatus } from '../exchange-format.ts';
import { usePageTitle } from '../pageTitle.ts';

/** The pledges I am a party of (in person or through an organisation), grouped by status. */
export function PledgesPage() {
  const { t } = useExchangeI18n();
  usePageTitle(t('pledges.title'));
  return (
    <div className="stack">
      <PageHeading>{t('pledges.title')}</PageHeading>
      <Paragraph className="prose">{t('pledges.lead')}</Paragraph>
      <Paragraph>
        <AppLink to="/exchange">{t('item.back')}</AppLink>
      </Paragraph>
      <RequireUser>{() => <MyPledges />}</RequireUser>
    </div>
  );
}

function MyPledges() {
  const { t, labels } = useExchangeI18n();
  const [params, setParams] = useSearchParams();
  const parsed = PledgeStatus.safeParse(params.get('status'));
  const status = parsed.success ? parsed.data : null;
  const [draft, setDraft] = useSearchDraft<string | null>(status, status ?? '');
  const query = useMyPledges(true);
  const pledges = query.data;
  const shown = pledges ? pledges.filter((p) => status === null || p.status === status) : [];
  const groups = groupByStatus(shown);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(draft ? { status: draft } : {});
  }

  return (
    <>
      <form onSubmit={submit} className="inline-form" aria-label={t('pledges.filter')}>
        <FilterSelect
          id="pledges-status"
          label={t('fields.status')}
          allLabel={t('pledges.allStatuses')}
          value={draft}
          options={PLEDGE_STATUSES.values.map((s) => ({ value: s, label: labels.pledgeStatus(s) }))}
          onChange={setDraft}
        />
        <Button type="submit" variant="secondary">
          {t('pledges.show')}
        </Button>
      </form>
      <div role="status" className="results-status">
        {pledges && (
          <Paragraph>
            {shown.length === 0
              ? status
                ? t('pledges.noneWithStatus', { status: labels.pledgeStatus(status) })
                : t('pledges.noneMine')
              : t('pledges.count', { count: shown.length })}
          </Paragraph>
        )}
      </div>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {groups.map((g) => (
        <section
          key={g.status}
          aria-labelledby={`pledges-${g.status}-heading`}
          className="stack section"
        >
          <Heading level={2} data-size="sm" id={`pledges-${g.status}-heading`}>
            {t('pledges.group', { status: labels.pledgeStatus(g.status), count: g.pledges.length })}
          </Heading>
          <ul className="plain-list stack" aria-labelledby={`pledges-${g.status}-heading`}>
            {g.pledges.map((p) => (
              <PledgeSummary key={p.id} pledge={p} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
