/**
 * RFC 4180 CSV for downloads and exports, safe to open in a spreadsheet. Used by the network
 * exports, the command line and the web app's "download as CSV" links.
 */

/** A CSV cell: `null` is an empty cell. */
export type CsvCell = string | number | boolean | null;

/**
 * One RFC 4180 cell, quoted when it holds a quote, a comma, a line break or white space at
 * either end. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) gets a leading apostrophe (OWASP "CSV injection"); numbers are written at
 * full precision with `String` (no locale), so a negative number stays a number.
 *
 * @example
 * csvCell('=1+1'); // "'=1+1"
 * csvCell('a, "b"'); // '"a, ""b"""'
 * csvCell(-0.5); // '-0.5'
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && s.length > 0 && '=+-@\t\r'.includes(s[0]!)) s = `'${s}`;
  // Quoted too: text with leading or trailing white space, which some readers trim otherwise.
  const quote =
    s.includes('"') || s.includes(',') || s.includes('\n') || s.includes('\r') || s !== s.trim();
  return quote ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * RFC 4180 CSV: a header and one record per row, CRLF after every record, cells as
 * {@link csvCell}.
 *
 * @example
 * toCsv(['country', 'cases'], [['NL', 12], ['BE', 3]]); // 'country,cases\r\nNL,12\r\nBE,3\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of [header, ...rows]) out += `${row.map(csvCell).join(',')}\r\n`;
  return out;
}
