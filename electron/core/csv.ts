/**
 * The one CSV module: RFC 4180 reading and writing for the files agents open in spreadsheets (the
 * directory and the call history) and import back.
 *
 * Writing guards against CSV injection (OWASP): a cell that starts with `= + - @` (or a tab / CR, which
 * some spreadsheets strip before evaluating) or contains `;` or a tab (a field separator in semicolon- and
 * tab-separated locales, where the rest of the cell would start a new, evaluated field) is prefixed with
 * `'` and quoted, so it is shown as text. A cell that already starts with `'` is guarded too, so that
 * `unguardCell` can undo the guard exactly and a round trip loses nothing.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** Records that could not be read (an unterminated quote), by starting line. */
  errors: { line: number; reason: string }[];
}

const GUARD_START = /^[=+\-@\t\r']/;
const GUARD_ANYWHERE = /[;\t]/;

function needsGuard(text: string): boolean {
  return GUARD_START.test(text) || GUARD_ANYWHERE.test(text);
}

export function csvCell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (needsGuard(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: ReadonlyArray<CsvValue>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The inverse of the formula guard, for importing a file this app exported. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

/**
 * RFC 4180 reader: quoted fields with `""` escapes and embedded commas/newlines, CRLF or LF line ends, a
 * leading BOM ignored. Blank lines are skipped. Never throws: an unterminated quote is reported and the
 * rest of the text is dropped. Linear in the input.
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvParseResult['errors'] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedCell = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '' && !quotedCell))
      records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    quotedCell = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      quotedCell = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (inQuotes) errors.push({ line: recordLine, reason: 'a quoted field is never closed' });
  else if (cell !== '' || cells.length > 0) endRecord();
  return { records, errors };
}
