import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { RESOURCE_KINDS } from '../../../shared/exchange.ts';
import type { Initiative } from '../../../shared/initiatives.ts';
import { formatAmounts, formatNumber, kindsIn } from '../../exchange-format.ts';
import { AppLink } from '../AppLink.tsx';
import { ChartFigure } from '../ChartFigure.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { useLedger } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';
import { KindBars } from './KindBars.tsx';
import { kindTotalsTable, totalsColumns } from './kind-totals-table.ts';

/**
 * On an initiative's page: what it received through confirmed pledges, by kind (a chart with its
 * table) and by giver; its stakeholders ask for more from here.
 */
export function LedgerSection({ initiative }: { initiative: Initiative }) {
  const i18n = useExchangeI18n();
  const { t, lang, labels } = i18n;
  const query = useLedger(initiative.id);
  const ledger = query.data;
  const received = ledger?.received ?? [];
  const kinds = kindsIn(RESOURCE_KINDS.values, received);
  const byKind = new Map(received.map((r) => [r.kind, r]));

  return (
    <section aria-labelledby="initiative-ledger-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-ledger-heading">
        {t('ledger.heading')}
      </Heading>
      <Paragraph>{t('ledger.lead')}</Paragraph>
      {initiative.myRole !== null && (
        <Paragraph>
          <AppLink to={`/exchange/new?side=request&initiative=${initiative.id}`}>
            {t('ledger.ask')}
          </AppLink>
        </Paragraph>
      )}
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {ledger && received.length === 0 && <Paragraph>{t('ledger.none')}</Paragraph>}
      {ledger && received.length > 0 && (
        <>
          <ChartFigure
            id="ledger-by-kind"
            level={3}
            heading={t('ledger.byKindHeading')}
            filename="resources-received.csv"
            stacked
            chart={
              <KindBars
                label={t('ledger.chartLabel', {
                  summary: kinds
                    .map((k) =>
                      t('ledger.chartPart', {
                        kind: labels.kind(k),
                        count: byKind.get(k)?.pledges ?? 0,
                      }),
                    )
                    .join('; '),
                })}
                rows={kinds.map((k) => ({
                  label: labels.kind(k),
                  values: [byKind.get(k)?.pledges ?? 0],
                }))}
                series={[{ name: t('totals.pledges'), barClass: 'bar', swatchClass: 'swatch-bar' }]}
                legendLabel={t('ledger.byKindHeading')}
                lang={lang}
              />
            }
            table={kindTotalsTable(i18n, t('ledger.byKindCaption'), [
              { label: t('ledger.received'), csv: 'received', totals: received },
            ])}
          />
          <div
            className="table-scroll"
            role="region"
            aria-label={t('ledger.byGiverCaption')}
            tabIndex={0}
          >
            <Table zebra border data-size="sm">
              <caption>{t('ledger.byGiverCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('ledger.giver')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('fields.kind')}</Table.HeaderCell>
                  {totalsColumns(i18n).map((c) => (
                    <Table.HeaderCell key={c} scope="col" className="numeric">
                      {c}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {ledger.givers.flatMap((g, i) =>
                  g.totals.map((k) => (
                    <Table.Row key={`${i}-${k.kind}`}>
                      <Table.HeaderCell scope="row">
                        {g.giver.organisation ? (
                          <AppLink to={`/organisations/${g.giver.organisation.id}`}>
                            {g.giver.organisation.name}
                          </AppLink>
                        ) : (
                          labels.party(g.giver)
                        )}
                      </Table.HeaderCell>
                      <Table.Cell>{labels.kind(k.kind)}</Table.Cell>
                      <Table.Cell className="numeric">{formatNumber(k.pledges, lang)}</Table.Cell>
                      <Table.Cell className="numeric">{formatNumber(k.hours, lang)}</Table.Cell>
                      <Table.Cell className="numeric">{formatNumber(k.days, lang)}</Table.Cell>
                      <Table.Cell className="numeric">
                        {formatAmounts(k.amounts, lang) || t('totals.noMoney')}
                      </Table.Cell>
                    </Table.Row>
                  )),
                )}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
