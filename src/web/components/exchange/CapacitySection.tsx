import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_KINDS } from '../../../shared/exchange.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/organisations.ts';
import { formatNumber, formatShare, kindsIn, totalsOf } from '../../exchange-format.ts';
import { kindLabel } from '../../vocab.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { useCapacity } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';
import { KindBars } from './KindBars.tsx';
import { kindTotalsTable } from './kind-totals-table.ts';

function isOrganisationKind(kind: string): kind is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind);
}

/**
 * On an organisation's page: its connective capacity from confirmed pledges — what it gave and
 * received by kind (a chart with its table), its partners by kind and by country, and how many
 * of its ties cross a sector or a border.
 */
export function CapacitySection({
  organisationId,
  name,
}: {
  organisationId: string;
  name: string;
}) {
  const i18n = useExchangeI18n();
  const { t, lang, labels } = i18n;
  const { t: tc } = useTranslation();
  const query = useCapacity(organisationId);
  const profile = query.data;
  const empty = profile ? profile.given.length === 0 && profile.received.length === 0 : false;
  const partnerKind = (kind: string) =>
    isOrganisationKind(kind) ? kindLabel(tc, kind) : t('capacity.person');

  return (
    <section aria-labelledby="org-capacity-heading" className="stack section">
      <Heading level={2} data-size="sm" id="org-capacity-heading">
        {t('capacity.heading')}
      </Heading>
      <Paragraph>{t('capacity.lead', { name })}</Paragraph>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {profile && empty && <Paragraph>{t('capacity.none')}</Paragraph>}
      {profile && !empty && (
        <>
          <ChartFigure
            id="capacity-by-kind"
            level={3}
            heading={t('capacity.byKindHeading')}
            filename="connective-capacity.csv"
            stacked
            chart={(() => {
              const kinds = kindsIn(RESOURCE_KINDS.values, profile.given, profile.received);
              return (
                <KindBars
                  label={t('capacity.chartLabel', {
                    summary: kinds
                      .map((k) =>
                        t('capacity.chartPart', {
                          kind: labels.kind(k),
                          given: totalsOf(profile.given, k).pledges,
                          received: totalsOf(profile.received, k).pledges,
                        }),
                      )
                      .join('; '),
                  })}
                  rows={kinds.map((k) => ({
                    label: labels.kind(k),
                    values: [
                      totalsOf(profile.given, k).pledges,
                      totalsOf(profile.received, k).pledges,
                    ],
                  }))}
                  series={[
                    { name: t('capacity.given'), barClass: 'bar', swatchClass: 'swatch-bar' },
                    {
                      name: t('capacity.received'),
                      barClass: 'bar bar-received',
                      swatchClass: 'swatch-received',
                    },
                  ]}
                  legendLabel={t('capacity.legend')}
                  lang={lang}
                />
              );
            })()}
            table={kindTotalsTable(i18n, t('capacity.byKindCaption'), [
              { label: t('capacity.given'), csv: 'given', totals: profile.given },
              { label: t('capacity.received'), csv: 'received', totals: profile.received },
            ])}
          />
          <Heading level={3} data-size="xs">
            {t('capacity.partnersHeading')}
          </Heading>
          <dl className="details-list">
            <dt>{t('capacity.ties')}</dt>
            <dd>{formatNumber(profile.ties, lang)}</dd>
            <dt>{t('capacity.crossSector')}</dt>
            <dd>
              {formatShare(profile.crossSectorShare, lang) ?? t('capacity.notKnown')}
              <span className="cell-note"> {t('capacity.crossSectorDefinition')}</span>
            </dd>
            <dt>{t('capacity.crossBorder')}</dt>
            <dd>
              {formatShare(profile.crossBorderShare, lang) ?? t('capacity.notKnown')}
              <span className="cell-note"> {t('capacity.crossBorderDefinition')}</span>
            </dd>
          </dl>
          <div className="legend-row">
            <SmallTable
              caption={t('capacity.byPartnerKindCaption')}
              head={[t('capacity.partnerKind'), t('capacity.partners')]}
              rows={profile.partnersByKind.map((p) => [
                partnerKind(p.kind),
                formatNumber(p.partners, lang),
              ])}
            />
            <SmallTable
              caption={t('capacity.byCountryCaption')}
              head={[t('fields.country'), t('capacity.partners')]}
              rows={profile.partnersByCountry.map((p) => [
                labels.country(p.country),
                formatNumber(p.partners, lang),
              ])}
            />
          </div>
        </>
      )}
    </section>
  );
}

/** A two-column table: a heading per row and its number. */
function SmallTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: [string, string];
  rows: [string, string][];
}) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{head[0]}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {head[1]}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(([label, value]) => (
            <Table.Row key={label}>
              <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
              <Table.Cell className="numeric">{value}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
