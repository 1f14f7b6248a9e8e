/**
 * CSV for auditors: RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), UTF-8 with a byte-order mark so Excel reads æ, ø and å correctly, and safe against formula
 * injection: a cell starting with = + - @ (or a tab/carriage return) is prefixed with an apostrophe,
 * so a spreadsheet shows it as text instead of running it (OWASP's advice).
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
