/**
 * CSV for auditors: RFC 4180 (CRLF line ends, fields with the separator, a quote or a line break quoted,
 * quotes doubled), UTF-8 with a byte-order mark so Excel reads æ, ø and å correctly, and safe against
 * formula injection: a cell starting with = + - @ (or a tab/carriage return) is prefixed with an
 * apostrophe, so a spreadsheet shows it as text instead of running it (OWASP's advice).
 *
 * The separator follows the UI language, because Excel takes it from the system's regional settings
 * when it opens a .csv file: Norwegian Excel splits on ";" (its decimal separator is ","), English on ",".
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;
export type CsvDelimiter = ';' | ',';

export function csvDelimiter(language: 'nb' | 'en'): CsvDelimiter {
  return language === 'nb' ? ';' : ',';
}

export function csvCell(value: CsvCell, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, delimiter: CsvDelimiter): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
