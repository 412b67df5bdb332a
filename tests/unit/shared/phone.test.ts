import { describe, expect, it } from 'vitest';
import { normalizeNumber } from '../../../shared/phone';

describe('normalizeNumber, India (0 + 10 digits)', () => {
  it.each([
    ['+91 98111-12222', '09811112222'],
    ['919811112222', '09811112222'],
    ['98111 12222', '09811112222'],
    ['098111 12222', '09811112222'],
    ['(098) 1111 2222', '09811112222'],
    ['0091 98111 12222', '09811112222'],
    ['+91.98111.12222', '09811112222'],
    ['  9811112222\n', '09811112222'],
    ['080 4700 0000', '08047000000'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeNumber(input, 'in')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /Enter a phone number/],
    ['12345', /10 digits.*has 5/],
    ['981111222233', /10 digits.*has 12/],
    ['+1 415 555 0123', /Only Indian numbers/],
    ['98111abcde', /contains letters/],
    ['9811#112222', /not part of a phone number/],
    ['0000000000', /not a (possible|valid) Indian number/],
  ])('%j is refused: %s', (input, message) => {
    const r = normalizeNumber(input, 'in');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('normalizeNumber, international (E.164)', () => {
  it.each([
    ['+1 (415) 555-0123', '+14155550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+91 98111 12222', '+919811112222'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeNumber(input, 'intl')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['4155550123', /start with \+ and the country code/],
    ['+1 415 555', /wrong length/],
    ['+999 1234 5678', /(wrong length|not a valid)/],
  ])('%j is refused: %s', (input, message) => {
    const r = normalizeNumber(input, 'intl');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('normalizeNumber, SIP participants', () => {
  it.each(['sip:agent7@pbx.example.com', 'agent7@pbx.example.com', 'bob@10.0.0.5:5060', '4021'])(
    '%j passes as typed',
    (input) => {
      expect(normalizeNumber(` ${input} `, 'in', { sip: true })).toEqual({ ok: true, value: input });
    },
  );
  it('refuses something that is no SIP address', () => {
    const r = normalizeNumber('not a sip address', 'intl', { sip: true });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/not a SIP address/) });
  });
});
