import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, parseCsv, unguardCell } from '../../../electron/core/csv';

describe('csv reader', () => {
  it('stops after maxRecords and says on which line', () => {
    expect(parseCsv('a\nb\n\nc\nd', { maxRecords: 2 })).toEqual({
      records: [
        { line: 1, cells: ['a'] },
        { line: 2, cells: ['b'] },
      ],
      errors: [],
      stoppedAt: 3,
    });
    expect(parseCsv('a\nb\n\n ,\n', { maxRecords: 2 }).stoppedAt).toBeNull();
  });

  it('keeps quoted commas, newlines and escaped quotes, and counts lines inside quotes', () => {
    expect(parseCsv(' "a,b","x""y"\r\n"multi\nline",z\nlast').records).toEqual([
      { line: 1, cells: ['a,b', 'x"y'] },
      { line: 2, cells: ['multi\nline', 'z'] },
      { line: 4, cells: ['last'] },
    ]);
    expect(parseCsv('ab"c,d').records).toEqual([{ line: 1, cells: ['ab"c', 'd'] }]);
  });
});

describe('csv formula guard', () => {
  it('quotes and prefixes cells a spreadsheet would evaluate, in comma, semicolon and tab locales', () => {
    expect(csvCell('=1+2')).toBe(`"'=1+2"`);
    expect(csvCell('+14155550123')).toBe(`"'+14155550123"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    // In a ;-separated locale the text after ; is a new field: "x;=cmd()" would evaluate =cmd().
    expect(csvCell('x;=cmd|"/c calc"!A1')).toBe(`"'x;=cmd|""/c calc""!A1"`);
    expect(csvCell('a\t=1')).toBe(`"'a\t=1"`);
    expect(csvCell("'quoted")).toBe(`"''quoted"`);
  });

  it('leaves ordinary cells alone and quotes only what RFC 4180 needs', () => {
    expect(csvCell('Supervisor')).toBe('Supervisor');
    expect(csvCell('09845012345')).toBe('09845012345');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvRow(['a', 2, true])).toBe('a,2,true\r\n');
  });

  it('round-trips any text through write, parse and unguard', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const parsed = parseCsv(csvRow(cells));
        const back = parsed.records[0]?.cells.map(unguardCell) ?? [];
        // A record of one empty cell is a blank line, which the reader skips.
        if (cells.length === 1 && cells[0] === '') expect(parsed.records).toEqual([]);
        else expect(back).toEqual(cells);
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it('guards every exported cell that a spreadsheet in any separator locale could evaluate', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = csvCell(text);
        const guarded = out.startsWith(`"'`);
        if (!guarded) expect(out).toMatch(/^"?(?![=+\-@\t\r'])[^;\t]*$/);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
