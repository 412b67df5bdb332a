/**
 * RFC 4180 output for files people open in spreadsheets. A cell starting with = + - @ (or a tab / CR,
 * which some spreadsheets strip before evaluating) is prefixed with `'` so it is shown as text and never
 * evaluated as a formula (OWASP "CSV injection"). Readers of our own files undo that with `unguardCell`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The inverse of the formula guard, for importing a file this app exported. */
export function unguardCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
