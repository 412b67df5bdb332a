import { describe, expect, it } from 'vitest';
import { parseUcid } from '../../../electron/core/conference/ucid';
import { readUcid } from '../../../shared/ucid';

describe('parseUcid', () => {
  it.each([
    ['1234567890123456', '1234567890123456'],
    ['  1234567890123456 \n', '1234567890123456'],
    ['1234 5678 9012', '123456789012'],
    ['https://crm.example.com/call?ucid=987654321012&agent=7', '987654321012'],
    ['https://crm.example.com/calls/ucid/987654321012', '987654321012'],
    ['{"ucid": "5550001112223334", "did": "08047000000"}', '5550001112223334'],
    ['{"UCID":5550001112223334}', '5550001112223334'],
    ['call 5550001112223334 from the CRM', '5550001112223334'],
    ['Call ID (ucid): 4984996619038741', '4984996619038741'],
    ['ucid 4984996619038741', '4984996619038741'],
    ['UCID\t4984996619038741', '4984996619038741'],
    ['ucid\n4984996619038741\n', '4984996619038741'],
    ['call 2026-12-01 ucid? 4984996619038741', '4984996619038741'],
    ['+91 98111 12222 on the line, call 4984996619038741', '4984996619038741'],
  ])('finds the ucid in %j', (text, ucid) => {
    expect(parseUcid(text)).toBe(ucid);
  });

  it.each([
    ['', /Paste or type/],
    ['   ', /Paste or type/],
    ['hello', /No ucid found/],
    ['12345', /6–30 digits/],
    ['1'.repeat(31), /6–30 digits/],
    ['from 08047000000 to 09811112222', /holds 2 numbers \(08047000000, 09811112222\)/],
    // Cells of a spreadsheet row are separate values, never one long number.
    ['4984996619038741\t09811112222', /holds 2 numbers/],
    ['4984996619038741\n09811112222', /holds 2 numbers/],
    ['x'.repeat(2001), /2,001 characters long; ConfBar reads at most 2,000/],
  ])('rejects %j with a clear message', (text, message) => {
    expect(() => parseUcid(text)).toThrow(message);
  });
});

describe('readUcid: broken digits are refused with the likely value, never cut short', () => {
  it.each([
    ['4984996619O38741', '4984996619038741', /letters where digits belong/],
    ['4984996619o38741', '4984996619038741', /letters where digits belong/],
    ['49849966l9038741', '4984996619038741', /letters where digits belong/],
    ['49849966I9038741', '4984996619038741', /letters where digits belong/],
    ['Call ID (ucid): 4984996619O38741', '4984996619038741', /letters where digits belong/],
    ['4984996619.038741', '4984996619038741', /broken by another character/],
  ])('%j → Did you mean %s?', (text, suggestion, why) => {
    const r = readUcid(text);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(why), suggestion });
    if (!r.ok) expect(r.message).toContain(`Did you mean ${suggestion}?`);
    expect(() => parseUcid(text)).toThrow(`Did you mean ${suggestion}?`);
  });

  it('offers nothing when the corrected value would still not be a ucid', () => {
    const r = readUcid('12O4');
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.suggestion).toBeUndefined();
  });
});
