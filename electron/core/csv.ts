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
  /** With `maxRecords`: the line where reading stopped with text left over; null when all was read. */
  stoppedAt: number | null;
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
 * rest of the text is dropped. Scans runs of plain text with sticky regexes rather than character by
 * character, so a megabyte is read in milliseconds.
 */
export function parseCsv(input: string, opts: { maxRecords?: number } = {}): CsvParseResult {
  const max = opts.maxRecords ?? Infinity;
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvParseResult['errors'] = [];
  const plain = /[^",\r\n]*/y;
  const rest = /[^,\r\n]*/y;
  const runTo = (re: RegExp, from: number) => {
    re.lastIndex = from;
    re.exec(text);
    return re.lastIndex;
  };
  let i = 0;
  let line = 1;
  while (i < text.length) {
    if (records.length >= max) {
      return { records, errors, stoppedAt: /[^\s,]/.test(text.slice(i)) ? line : null };
    }
    const recordLine = line;
    const cells: string[] = [];
    let quoted = false;
    for (;;) {
      const stop = runTo(plain, i);
      let cell: string;
      if (text[stop] === '"' && text.slice(i, stop).trim() === '') {
        // A quoted field (leading blanks dropped); what follows its closing quote up to the next
        // separator is kept as typed.
        quoted = true;
        const parts: string[] = [];
        let j = stop + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            errors.push({ line: recordLine, reason: 'a quoted field is never closed' });
            return { records, errors, stoppedAt: null };
          }
          const chunk = text.slice(j, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
          parts.push(chunk);
          if (text[q + 1] !== '"') {
            j = q + 1;
            break;
          }
          parts.push('"');
          j = q + 2;
        }
        i = runTo(rest, j);
        cell = parts.join('') + text.slice(j, i);
      } else {
        const end = runTo(rest, i);
        cell = text.slice(i, end);
        i = end;
      }
      cells.push(cell);
      if (text[i] !== ',') break;
      i++;
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '' && !quoted))
      records.push({ line: recordLine, cells });
    if (i < text.length) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    }
  }
  return { records, errors, stoppedAt: null };
}
