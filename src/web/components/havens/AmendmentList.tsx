import { Paragraph, Table } from '@digdir/designsystemet-react';
import { PLAN_FIELDS } from '../../../shared/havens.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDateTime } from '../../format.ts';
import { planValueText } from '../../havens-format.ts';
import { NotSet } from '../NotSet.tsx';
import { useHavensTranslation, type HavensTranslate } from './havens-i18n.ts';

export interface AmendmentRow {
  id?: string;
  field: string;
  before: unknown;
  after: unknown;
  reason: string;
  /** Who made it: not in a published lesson. */
  by?: { name: string } | null;
  at: string;
}

export function fieldLabel(t: HavensTranslate, field: string): string {
  const known = PLAN_FIELDS.find((f) => f === field);
  return known ? t(`plan.fields.${known}`) : field;
}

/** The changes to the plan after the start: field, before → after, why, who and when. */
export function AmendmentList({ amendments }: { amendments: readonly AmendmentRow[] }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const withBy = amendments.some((a) => a.by !== undefined);
  if (amendments.length === 0) return <Paragraph>{t('amendments.none')}</Paragraph>;

  const text = (field: string, value: unknown) =>
    planValueText(field, value, labels.lang) ?? <NotSet />;

  return (
    <div className="table-scroll">
      <Table zebra border>
        <caption className="visually-hidden">{t('amendments.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('amendments.colField')}</Table.HeaderCell>
            <Table.HeaderCell>{t('amendments.colBefore')}</Table.HeaderCell>
            <Table.HeaderCell>{t('amendments.colAfter')}</Table.HeaderCell>
            <Table.HeaderCell>{t('amendments.colReason')}</Table.HeaderCell>
            {withBy && <Table.HeaderCell>{t('amendments.colBy')}</Table.HeaderCell>}
            <Table.HeaderCell>{t('amendments.colAt')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {amendments.map((a, i) => (
            <Table.Row key={a.id ?? i}>
              <Table.HeaderCell scope="row">{fieldLabel(t, a.field)}</Table.HeaderCell>
              <Table.Cell className="prose">{text(a.field, a.before)}</Table.Cell>
              <Table.Cell className="prose">{text(a.field, a.after)}</Table.Cell>
              <Table.Cell className="prose">{a.reason}</Table.Cell>
              {withBy && <Table.Cell>{a.by?.name ?? <NotSet />}</Table.Cell>}
              <Table.Cell>{formatDateTime(a.at, lang)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
