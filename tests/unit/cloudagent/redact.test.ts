import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from '../../../electron/core/cloudagent/redact';

describe('redactUrl', () => {
  it('hides api_key, apiKey and token values and nothing else', () => {
    const url =
      'https://h.example/callcontrol_v4.php?action=MUTE&api_key=SECRET-KEY-1234567890&ucid=1&apiKey=k2&token=t3#x';
    expect(redactUrl(url)).toBe(
      'https://h.example/callcontrol_v4.php?action=MUTE&api_key=***&ucid=1&apiKey=***&token=***#x',
    );
  });

  it('matches parameter names case-insensitively and accepts URL objects', () => {
    const url = new URL('http://127.0.0.1/x?API_KEY=abc%20def&b=2');
    expect(redactUrl(url)).toBe('http://127.0.0.1/x?API_KEY=***&b=2');
  });

  it('does not touch parameters that merely end in the same letters', () => {
    expect(redactUrl('https://h/x?my_api_key_hint=1&notoken=2')).toBe(
      'https://h/x?my_api_key_hint=1&notoken=2',
    );
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence, typed or URL-encoded', () => {
    const secret = 'SECRET KEY/1234567890';
    const text = `key ${secret} in ${encodeURIComponent(secret)} and ${secret}`;
    expect(redactSecrets(text, [secret])).toBe('key *** in *** and ***');
  });

  it('ignores missing and trivially short secrets', () => {
    expect(redactSecrets('a b c', [null, undefined, '', 'a'])).toBe('a b c');
  });
});
