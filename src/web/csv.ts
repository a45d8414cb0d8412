/** CSV of a table for the "download as CSV" links: the rules are src/core/csv.ts's. */
export { toCsv, type CsvCell } from '../core/csv.ts';

/**
 * Offer text as a file download (a Blob; nothing is sent to the server). A byte-order mark lets
 * spreadsheet programs read a CSV file as UTF-8; leave it out (`bom: false`) for scripts.
 */
export function downloadText(
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
  { bom = true }: { bom?: boolean } = {},
) {
  const blob = new Blob(bom ? ['\uFEFF', text] : [text], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
