import { describe, expect, it } from 'vitest';
import { parseUcid } from '../../../electron/core/conference/ucid';

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
  ])('finds the ucid in %j', (text, ucid) => {
    expect(parseUcid(text)).toBe(ucid);
  });

  it.each([
    ['', /Paste or type/],
    ['   ', /Paste or type/],
    ['hello', /No ucid found/],
    ['12345', /6–30 digits/],
    ['1'.repeat(31), /6–30 digits/],
    ['from 08047000000 to 09811112222', /several long numbers/],
  ])('rejects %j with a clear message', (text, message) => {
    expect(() => parseUcid(text)).toThrow(message);
  });
});
