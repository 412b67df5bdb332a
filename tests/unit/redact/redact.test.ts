import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetSecrets,
  redact,
  redactClip,
  redactValue,
  rememberSecret,
} from '../../../electron/core/redact';

const KEY = 'Kx/AB 12cd+EF34';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl';

afterEach(() => forgetSecrets());

describe('redact: remembered values in every case and encoding', () => {
  const forms = [
    ['as typed', KEY],
    ['upper case', KEY.toUpperCase()],
    ['lower case', KEY.toLowerCase()],
    ['encodeURIComponent', encodeURIComponent(KEY)],
    ['encodeURIComponent, lower-case hex', encodeURIComponent(KEY).toLowerCase()],
    ['form encoding', new URLSearchParams({ k: KEY }).toString().slice(2)],
    ['JSON escaping', JSON.stringify(KEY).slice(1, -1)],
  ] as const;

  it.each(forms)('masks the key %s', (_label, form) => {
    rememberSecret(KEY);
    const out = redact(`CloudAgent said: unknown user ${form} (code 7)`);
    expect(out).toBe('CloudAgent said: unknown user *** (code 7)');
  });

  it('masks values passed for one call without remembering them', () => {
    expect(redact(`x ${KEY} y`, [KEY])).toBe('x *** y');
    expect(redact(`x ${KEY} y`)).toContain('12cd');
  });

  it('ignores missing and trivially short secrets', () => {
    rememberSecret('a');
    expect(redact('a b c', [null, undefined, '', 'ab'])).toBe('a b c');
  });
});

describe('redact: credential-shaped text never seen before', () => {
  it.each([
    [`GET https://h/callcontrol_v4.php?action=MUTE&api_key=abcd1234&ucid=1`, 'api_key=***&ucid=1'],
    [`GET https://h/x?API_KEY=abc%20def&b=2`, 'API_KEY=***&b=2'],
    [`userName=demo&apiKey=abcd1234`, 'apiKey=***'],
    [`Authorization: Bearer abcd1234`, 'Authorization: Bearer ***'],
    [`Authorization: abcd1234`, 'Authorization: ***'],
    [`headers {"apiKey":"abcd1234","Content-Type":"application/json"}`, '"apiKey":"***"'],
    [`apiKey: abcd1234`, 'apiKey: ***'],
    [`token=abcd1234`, 'token=***'],
    [`a token ${TOKEN} in prose`, 'a token *** in prose'],
  ])('masks %s', (text, expected) => {
    const out = redact(text);
    expect(out).toContain(expected);
    expect(out).not.toMatch(/abcd1234|abc%20def|c2lnbmF0dXJl/);
  });

  it('leaves ordinary prose and look-alike parameters alone', () => {
    for (const text of [
      'MUTE for ucid 1234567 took 120 ms',
      'Token Expired',
      'Token Should Not be Null or Empty.',
      'https://h/x?my_api_key_hint=1&notoken=2&tokenForm=raw',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('redactClip', () => {
  it('redacts before cutting, so half a secret never survives', () => {
    rememberSecret(KEY);
    const text = `${'x'.repeat(10)}${KEY}`;
    expect(redactClip(text, 14)).toBe(`${'x'.repeat(10)}***`);
    expect(redactClip(text, 12)).not.toContain('Kx');
  });
});

describe('redactValue', () => {
  it('masks secret-named fields at any depth and strings inside values', () => {
    const out = redactValue({
      account: {
        userName: 'agent1',
        apiKey: KEY,
        nested: [{ token: KEY, url: `https://h/x?apiKey=${encodeURIComponent(KEY)}` }],
      },
      Authorization: `Bearer ${KEY}`,
      tokenForm: 'raw',
    });
    expect(JSON.stringify(out)).not.toContain('12cd');
    expect(out).toMatchObject({
      account: { userName: 'agent1', apiKey: '***' },
      Authorization: '***',
      tokenForm: 'raw',
    });
  });

  it('masks Error messages and stacks without touching the original', () => {
    rememberSecret(KEY);
    const error = new Error(`request failed: ${KEY.toUpperCase()}`);
    const out = redactValue(error) as Error;
    expect(out).toBeInstanceOf(Error);
    expect(out.message).toBe('request failed: ***');
    expect(out.stack ?? '').not.toContain('12CD');
    expect(error.message).toContain('12CD');
  });

  it('survives cycles and keeps non-string primitives and null secrets', () => {
    const a: Record<string, unknown> = { n: 1, ok: true, none: null, token: null };
    a.self = a;
    expect(redactValue(a)).toEqual({ n: 1, ok: true, none: null, token: null, self: '[circular]' });
  });
});
