import { Table } from '@digdir/designsystemet-react';
import type { ResponsivenessRanking } from '../../../shared/needs.ts';
import { AppLink } from '../AppLink.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';
import { AnsweredShare, Days } from './ResponsivenessFigures.tsx';

/** Every organisation responsible for needs, most needs first, with its figures. */
export function ResponsivenessTable({
  organisations,
}: {
  organisations: ResponsivenessRanking['organisations'];
}) {
  const { t } = useNeedsTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={t('ranking.caption')} tabIndex={0}>
      <Table zebra border>
        <caption>{t('ranking.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('ranking.colOrganisation')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('figures.needs')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('figures.toAcknowledged')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('figures.toAddressed')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('figures.toResolved')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('figures.answered')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {organisations.map(({ organisation, figures }) => (
            <Table.Row key={organisation.id}>
              <Table.HeaderCell scope="row">
                <AppLink to={`/responsiveness?organisation=${organisation.id}`}>
                  {organisation.name}
                </AppLink>
              </Table.HeaderCell>
              <Table.Cell className="numeric">{figures.needs}</Table.Cell>
              <Table.Cell>
                <Days value={figures.medianDaysToAcknowledged} />
              </Table.Cell>
              <Table.Cell>
                <Days value={figures.medianDaysToAddressed} />
              </Table.Cell>
              <Table.Cell>
                <Days value={figures.medianDaysToResolved} />
              </Table.Cell>
              <Table.Cell>
                <AnsweredShare figures={figures} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
