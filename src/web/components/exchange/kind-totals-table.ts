import { RESOURCE_KINDS, type KindTotals } from '../../../shared/exchange.ts';
import { formatAmounts, formatNumber, kindsIn, totalsOf } from '../../exchange-format.ts';
import type { ChartTable } from '../ChartFigure.tsx';
import type { useExchangeI18n } from './exchange-labels.ts';

type I18n = ReturnType<typeof useExchangeI18n>;

/** The cells of one kind's totals: pledges, hours, days, money (formatted for the table). */
function cells(i18n: I18n, totals: KindTotals): string[] {
  const { t, lang } = i18n;
  return [
    formatNumber(totals.pledges, lang),
    formatNumber(totals.hours, lang),
    formatNumber(totals.days, lang),
    formatAmounts(totals.amounts, lang) || t('totals.noMoney'),
  ];
}

/** The same cells for the CSV file: plain numbers, money as `EUR 100; GBP 20`. */
function csvCells(totals: KindTotals): (string | number)[] {
  return [
    totals.pledges,
    totals.hours,
    totals.days,
    totals.amounts.map((a) => `${a.currency} ${a.amount}`).join('; '),
  ];
}

/** The columns after the kind: pledges, hours, days, money. */
export function totalsColumns(i18n: I18n): string[] {
  const { t } = i18n;
  return [t('totals.pledges'), t('totals.hours'), t('totals.days'), t('totals.money')];
}

/**
 * A table of totals by kind, one group of columns per list (received; or given and received),
 * for ChartFigure: the kinds that occur, in the vocabulary's order.
 */
export function kindTotalsTable(
  i18n: I18n,
  caption: string,
  lists: readonly { label: string; csv: string; totals: readonly KindTotals[] }[],
): ChartTable {
  const kinds = kindsIn(RESOURCE_KINDS.values, ...lists.map((l) => l.totals));
  const columns = totalsColumns(i18n);
  const csvNames = ['pledges', 'hours', 'days', 'money'];
  return {
    caption,
    columns: [i18n.t('fields.kind'), ...lists.flatMap(() => columns)],
    groups: lists.length > 1 ? lists.map((l) => ({ label: l.label, span: 4 })) : undefined,
    rows: kinds.map((k) => [
      i18n.labels.kind(k),
      ...lists.flatMap((l) => cells(i18n, totalsOf(l.totals, k))),
    ]),
    csvColumns: ['kind', ...lists.flatMap((l) => csvNames.map((c) => `${l.csv}_${c}`))],
    csvRows: kinds.map((k) => [k, ...lists.flatMap((l) => csvCells(totalsOf(l.totals, k)))]),
  };
}
