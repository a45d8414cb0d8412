import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { QcaDataSet } from '../../../shared/qca.ts';
import { useQcaFormat } from '../../qca-format.ts';
import { AppLink } from '../AppLink.tsx';
import { NotSet } from '../NotSet.tsx';
import { useQcaTranslation } from '../../qca-i18n.ts';

/** The first rows of a data set (cases from the library link to their page). */
export function QcaDataTable({
  data,
  caption,
  limit = 10,
}: {
  data: QcaDataSet;
  caption: string;
  limit?: number;
}) {
  const { t } = useQcaTranslation();
  const format = useQcaFormat();
  const shown = data.rows.slice(0, limit);
  return (
    <div className="stack">
      <Paragraph>
        {t('data.count', { count: data.rows.length, sets: data.columns.length })}{' '}
        {data.rows.length > shown.length && t('data.firstRows', { count: shown.length })}
      </Paragraph>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <Table zebra border data-size="sm">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('data.case')}</Table.HeaderCell>
              {data.columns.map((c) => (
                <Table.HeaderCell key={c} scope="col" className="numeric">
                  {c}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((row, i) => (
              <Table.Row key={i}>
                <Table.HeaderCell scope="row">
                  {row.caseId ? (
                    <AppLink to={`/cases/${row.caseId}`}>{row.case}</AppLink>
                  ) : (
                    row.case
                  )}
                </Table.HeaderCell>
                {row.values.map((v, j) => (
                  <Table.Cell key={j} className="numeric">
                    {v === null ? <NotSet /> : format.value(v)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
