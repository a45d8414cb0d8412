/**
 * CSV (RFC 4180) of a table, for the "download as CSV" links beside the charts. Cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) get a
 * leading apostrophe (OWASP "CSV injection"), so opening a download is safe.
 */
export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * @example
 * toCsv(['country', 'cases'], [['NL', 12], ['BE', 3]]); // 'country,cases\r\nNL,12\r\nBE,3\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',') + '\r\n').join('');
}

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
