/** A cell value: text is neutralised and quoted as needed; numbers and null pass as-is. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Spreadsheet apps run cells starting with these as formulas (CSV injection, OWASP); such
 * text cells get a leading `'` so they are shown, not evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell per RFC 4180, with formula injection neutralised. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV document (CRLF line ends, header first).
 *
 * @example
 * toCsv(['id', 'message'], [['f1', '=1+1']]) // 'id,message\r\nf1,\'=1+1\r\n'
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
