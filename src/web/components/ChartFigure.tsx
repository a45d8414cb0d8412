import type { ReactNode } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { downloadText, toCsv, type CsvCell } from '../csv.ts';

export interface ChartTable {
  caption: string;
  /** Column headings; the first column holds each row's heading. */
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  /** Column groups after the first column (a heading over several columns each). */
  groups?: readonly { label: string; span: number }[];
  /** Headings and keys for the CSV file (plain, stable names); defaults to `columns`. */
  csvColumns?: readonly string[];
  /** CSV rows (codes rather than labels), when they differ from the table's. */
  csvRows?: readonly (readonly CsvCell[])[];
}

interface Props {
  id: string;
  heading: string;
  description?: string;
  /** The chart: an SVG with role="img" and an accessible name. */
  chart: ReactNode;
  table: ChartTable;
  filename: string;
  /** Put the table under the chart rather than beside it (for wide charts). */
  stacked?: boolean;
  /** The heading's level: 2 for a chart of the page, 3 or 4 for one inside a section. */
  level?: 2 | 3 | 4;
}

/** A chart with its data as a real table beside it, and the data as a CSV download. */
export function ChartFigure({
  id,
  heading,
  description,
  chart,
  table,
  filename,
  stacked,
  level = 2,
}: Props) {
  const { t } = useTranslation();
  const headingId = `${id}-heading`;

  function download() {
    downloadText(filename, toCsv(table.csvColumns ?? table.columns, table.csvRows ?? table.rows));
  }

  return (
    <section aria-labelledby={headingId} className={level === 2 ? 'stack section' : 'stack'}>
      <Heading
        level={level}
        data-size={level === 2 ? 'sm' : level === 3 ? 'xs' : '2xs'}
        id={headingId}
      >
        {heading}
      </Heading>
      {description && <Paragraph>{description}</Paragraph>}
      <div className={stacked ? 'chart-figure stacked' : 'chart-figure'}>
        <div className="chart-graphic">{chart}</div>
        {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
        <div
          className="table-scroll chart-table"
          role="region"
          aria-label={table.caption}
          tabIndex={0}
        >
          <Table zebra border data-size="sm">
            <caption>{table.caption}</caption>
            {table.groups && (
              <>
                <colgroup />
                {table.groups.map((g) => (
                  <colgroup key={g.label} span={g.span} />
                ))}
              </>
            )}
            <Table.Head>
              {table.groups ? (
                <>
                  <Table.Row>
                    <Table.HeaderCell rowSpan={2} scope="col">
                      {table.columns[0]}
                    </Table.HeaderCell>
                    {table.groups.map((g) => (
                      <Table.HeaderCell key={g.label} colSpan={g.span} scope="colgroup">
                        {g.label}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                  <Table.Row>
                    {table.columns.slice(1).map((c, i) => (
                      <Table.HeaderCell key={i} scope="col">
                        {c}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </>
              ) : (
                <Table.Row>
                  {table.columns.map((c) => (
                    <Table.HeaderCell key={c} scope="col">
                      {c}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              )}
            </Table.Head>
            <Table.Body>
              {table.rows.map((row, i) => (
                <Table.Row key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <Table.HeaderCell key={j} scope="row">
                        {cell}
                      </Table.HeaderCell>
                    ) : (
                      <Table.Cell key={j} className="numeric">
                        {cell}
                      </Table.Cell>
                    ),
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </div>
      <div>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={download}
          aria-label={`${t('compare.downloadCsv')}: ${heading}`}
        >
          {t('compare.downloadCsv')}
        </Button>
      </div>
    </section>
  );
}
