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

/**
 * RFC 4180 reader: quoted fields with `""` escapes and embedded commas/newlines, CRLF or LF line ends, a
 * leading BOM ignored. Blank lines are skipped. Never throws: an unterminated quote is reported and the
 * rest of the text is dropped.
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
