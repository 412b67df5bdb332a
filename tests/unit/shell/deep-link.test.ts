import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDeepLinkArg, parseDeepLink } from '../../../electron/shell/deep-link';

describe('parseDeepLink', () => {
  it.each([
    ['confbar://call/1234567890', '1234567890'],
    ['confbar://call/1234567890/', '1234567890'],
    ['confbar://call?ucid=987654321', '987654321'],
    ['confbar://call/?ucid=987654321', '987654321'],
    ['CONFBAR://CALL/123456', '123456'],
    ['confbar://call/' + '1'.repeat(30), '1'.repeat(30)],
  ])('accepts %s', (url, ucid) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, link: { kind: 'call', ucid } });
  });

  it.each([
    ['another scheme', 'https://call/1234567890'],
    ['file scheme', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)//confbar://call/123456'],
    ['no slashes', 'confbar:call/1234567890'],
    ['another host', 'confbar://settings/1234567890'],
    ['host lookalike', 'confbar://call.evil.com/1234567890'],
    ['credentials', 'confbar://user:pw@call/1234567890'],
    ['a port', 'confbar://call:8080/1234567890'],
    ['a fragment', 'confbar://call/1234567890#x'],
    ['extra segments', 'confbar://call/1234567890/drop'],
    ['traversal', 'confbar://call/../settings/1234567890'],
    ['dot segments resolving to a ucid', 'confbar://call/x/../1234567890'],
    ['a single dot segment', 'confbar://call/./1234567890'],
    ['encoded dot segments', 'confbar://call/x/%2e%2e/1234567890'],
    ['upper-case encoded dots', 'confbar://call/x/%2E%2E/1234567890'],
    ['half-encoded dots', 'confbar://call/x/.%2e/1234567890'],
    ['a trailing dot segment', 'confbar://call/1234567890/..'],
    ['backslash segments', 'confbar://call/x\\..\\1234567890'],
    ['too short ucid', 'confbar://call/12345'],
    ['too long ucid', 'confbar://call/' + '1'.repeat(31)],
    ['letters', 'confbar://call/12345abc'],
    ['encoded digits in path', 'confbar://call/%31%32%33%34%35%36'],
    ['negative', 'confbar://call?ucid=-1234567'],
    ['two ucids', 'confbar://call?ucid=1234567&ucid=7654321'],
    ['extra parameter', 'confbar://call?ucid=1234567&apiKey=secret'],
    ['path and query', 'confbar://call/1234567?ucid=7654321'],
    ['empty ucid', 'confbar://call?ucid='],
    ['no ucid', 'confbar://call'],
    ['whitespace', 'confbar://call/1234567 '],
    ['newline injection', 'confbar://call/1234567\n--inspect'],
    ['NUL byte', 'confbar://call/1234567\u0000'],
    ['huge', 'confbar://call/' + '1'.repeat(5000)],
    ['empty', ''],
    ['not a URL', '1234567890'],
  ])('rejects %s', (_what, url) => {
    const result = parseDeepLink(url);
    expect(result.ok).toBe(false);
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['confbar://call/123456']]) {
      expect(parseDeepLink(value).ok).toBe(false);
    }
  });

  it('never echoes the link in its reason', () => {
    const result = parseDeepLink('confbar://call?ucid=1234567&apiKey=TOPSECRET');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('TOPSECRET');
  });
});

describe('findDeepLinkArg', () => {
  it('finds the link among Chromium switches and the app path', () => {
    const argv = ['/opt/ConfBar/confbar', '--allow-file-access-from-files', 'confbar://call/1234567'];
    expect(findDeepLinkArg(argv)).toBe('confbar://call/1234567');
  });

  it('returns an invalid link too, so it can be reported', () => {
    expect(findDeepLinkArg(['app', 'CONFBAR://nope'])).toBe('CONFBAR://nope');
  });

  it('returns null when there is none', () => {
    expect(findDeepLinkArg(['/usr/bin/confbar', '.', 'https://example.com'])).toBeNull();
  });
});

describe('parseDeepLink: numbers (tel:, callto:, sip:, confbar://call?add=, confbar://dial)', () => {
  const number = (text: string, extension: string | null = null) => ({ text, sip: false, extension });

  it.each([
    ['tel:+91-98111-12222', '+919811112222'],
    ['TEL:+91.98111.12222', '+919811112222'],
    ['tel:+91(981)1112222', '+919811112222'],
    ['tel:%2B91%2098111%2012222', '+919811112222'],
    ['tel:98111-12222;phone-context=+91', '+919811112222'],
    ['tel:98111-12222;phone-context=example.com', '9811112222'],
    ['tel:+1-415-555-0123;phone-context=+44', '+14155550123'],
    ['tel:098111-12222', '09811112222'],
  ])('reads %s as %s', (url, text) => {
    expect(parseDeepLink(url)).toEqual({
      ok: true,
      link: { kind: 'number', scheme: 'tel', number: number(text) },
    });
  });

  it('reads callto: with or without the slashes, and keeps an extension for its guidance', () => {
    expect(parseDeepLink('callto:+919811112222')).toEqual({
      ok: true,
      link: { kind: 'number', scheme: 'callto', number: number('+919811112222') },
    });
    expect(parseDeepLink('callto://+919811112222')).toMatchObject({ ok: true, link: { scheme: 'callto' } });
    expect(parseDeepLink('tel:+91-98111-12222;ext=12')).toEqual({
      ok: true,
      link: { kind: 'number', scheme: 'tel', number: number('+919811112222', '12') },
    });
  });

  it('reads sip: and sips: addresses, without their parameters', () => {
    expect(parseDeepLink('sip:priya@pbx.example.com;transport=tls')).toEqual({
      ok: true,
      link: {
        kind: 'number',
        scheme: 'sip',
        number: { text: 'priya@pbx.example.com', sip: true, extension: null },
      },
    });
    expect(parseDeepLink('sips:2001@pbx.example.com:5061')).toMatchObject({
      ok: true,
      link: { scheme: 'sip' },
    });
  });

  it('reads confbar://call/<ucid>?add=<number>[&label=<name>]', () => {
    expect(parseDeepLink('confbar://call/1234567890?add=+91-98111-12222&label=Priya%20Sharma')).toEqual({
      ok: true,
      link: {
        kind: 'call',
        ucid: '1234567890',
        add: { number: number('+919811112222'), label: 'Priya Sharma' },
      },
    });
    expect(parseDeepLink('confbar://call/1234567890/?add=9811112222')).toEqual({
      ok: true,
      link: { kind: 'call', ucid: '1234567890', add: { number: number('9811112222'), label: null } },
    });
  });

  it('reads confbar://dial?number=…[&uui=…]', () => {
    expect(parseDeepLink('confbar://dial?number=09811112222&uui=ORDER-42')).toEqual({
      ok: true,
      link: { kind: 'dial', number: number('09811112222'), reference: 'ORDER-42' },
    });
    expect(parseDeepLink('confbar://dial/?number=%2B14155550123')).toEqual({
      ok: true,
      link: { kind: 'dial', number: number('+14155550123'), reference: null },
    });
  });

  it("reads a dial link's uui by Start call's rule: up to 64 characters of a CRM id, said in words otherwise", () => {
    const full = 'T'.repeat(64);
    expect(parseDeepLink(`confbar://dial?number=09811112222&uui=${full}`)).toMatchObject({
      ok: true,
      link: { reference: full },
    });
    expect(parseDeepLink(`confbar://dial?number=09811112222&uui=${full}T`)).toEqual({
      ok: false,
      reason: "the reference is 65 characters long; CloudAgent's reports take at most 64",
    });
    expect(parseDeepLink('confbar://dial?number=09811112222&uui=A%3CB')).toEqual({
      ok: false,
      reason: 'the reference may hold letters, digits, spaces and - _ . : / # @ only (not "<")',
    });
  });

  it.each([
    ['no number', 'tel:'],
    ['letters', 'tel:1-800-FLOWERS'],
    ['a word', 'callto:priya.sharma'],
    ['a skype query', 'callto:+919811112222?call'],
    ['a fragment', 'tel:+919811112222#x'],
    ['a literal space', 'tel:+91 98111 12222'],
    ['an unknown parameter', 'tel:+919811112222;foo=bar'],
    ['a repeated parameter', 'tel:9811112222;phone-context=+91;phone-context=+44'],
    ['an ISDN subaddress', 'tel:+919811112222;isub=12'],
    ['a non-digit extension', 'tel:+919811112222;ext=abc'],
    ['a plus inside', 'tel:91+9811112222'],
    ['too short', 'tel:12'],
    ['too long', `tel:+${'1'.repeat(21)}`],
    ['broken percent-encoding', 'tel:%E0%A4%A'],
    ['an encoded newline', 'tel:+91%0A9811112222'],
    ['a bad phone-context', 'tel:9811112222;phone-context=%20evil%20'],
    ['sip without a host', 'sip:priya'],
    ['sip with a bidi override', 'sip:pri%E2%80%AEya@pbx.example.com'],
    ['add without a ucid path', 'confbar://call?ucid=1234567&add=9811112222'],
    ['another query with a path', 'confbar://call/1234567?add=9811112222&apiKey=x'],
    ['label without add', 'confbar://call/1234567?label=Priya'],
    ['two adds', 'confbar://call/1234567?add=9811112222&add=9811112223'],
    ['a letter number to add', 'confbar://call/1234567?add=abc'],
    ['an empty label', 'confbar://call/1234567?add=9811112222&label='],
    ['a control character in a label', 'confbar://call/1234567?add=9811112222&label=a%07b'],
    ['a long label', `confbar://call/1234567?add=9811112222&label=${'a'.repeat(61)}`],
    ['add with a bad ucid', 'confbar://call/12345?add=9811112222'],
    ['dial without a number', 'confbar://dial?uui=x'],
    ['dial with a path', 'confbar://dial/9811112222'],
    ['dial with an unknown key', 'confbar://dial?number=9811112222&campaign=x'],
    ['dial with a long uui', `confbar://dial?number=9811112222&uui=${'u'.repeat(65)}`],
    ['dial with a uui Start call would refuse', 'confbar://dial?number=9811112222&uui=ORDER%3C42%3E'],
  ])('refuses %s', (_what, url) => {
    expect(parseDeepLink(url).ok).toBe(false);
  });
});

describe('parseDeepLink under fast-check', () => {
  // Indian mobile numbers as a CRM might write them: any visual separators, optionally percent-encoded.
  const digits = fc.stringMatching(/^[6-9]\d{9}$/);
  const separator = fc.constantFrom('', '-', '.', '(', ')', '%20', '%2D');
  const written = fc
    .tuple(digits, fc.array(separator, { minLength: 10, maxLength: 10 }), fc.boolean())
    .map(([d, seps, plus]) => ({
      digits: d,
      text: (plus ? '+91' : '') + [...d].map((c, i) => `${seps[i]}${c}`).join(''),
      plus,
    }));

  it('reads any separator spelling of a number to the same digits, by tel:, callto: and ?add=', () => {
    fc.assert(
      fc.property(written, fc.constantFrom('tel:', 'callto:', 'callto://'), (n, scheme) => {
        const want = n.plus ? `+91${n.digits}` : n.digits;
        const r = parseDeepLink(`${scheme}${n.text}`);
        expect(r).toMatchObject({
          ok: true,
          link: { kind: 'number', number: { text: want, extension: null } },
        });
        const add = parseDeepLink(`confbar://call/1234567?add=${n.text.replace(/\+/g, '%2B')}`);
        expect(add).toMatchObject({ ok: true, link: { add: { number: { text: want } } } });
      }),
    );
  });

  it('whatever it accepts as a number is digits with at most a leading +, or a SIP address', () => {
    const piece = fc.constantFrom(
      'tel:',
      'callto:',
      'sip:',
      '+',
      '91',
      '98111',
      '-',
      ';',
      'ext=',
      'phone-context=',
      '%',
      '%2B',
      '%0A',
      '@',
      'a',
      '?',
      '#',
      '.',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 10 }), (parts) => {
        const r = parseDeepLink(parts.join(''));
        if (!r.ok || r.link.kind !== 'number') return;
        const { text, sip, extension } = r.link.number;
        if (sip) expect(text).toMatch(/^[^@\s]+@[A-Za-z0-9.-]+(:\d+)?$/);
        else expect(text).toMatch(/^\+?\d{3,20}$/);
        if (extension !== null) expect(extension).toMatch(/^\d{1,10}$/);
      }),
    );
  });

  it("a path's query is only add (once) and label (once): any other key refuses the link", () => {
    const key = fc.stringMatching(/^[a-zA-Z]{1,8}$/).filter((k) => k !== 'add' && k !== 'label');
    fc.assert(
      fc.property(key, fc.stringMatching(/^\d{0,12}$/), (k, v) => {
        expect(parseDeepLink(`confbar://call/1234567?add=9811112222&${k}=${v}`).ok).toBe(false);
        expect(parseDeepLink(`confbar://call/1234567?${k}=${v}`).ok).toBe(false);
      }),
    );
  });

  it('never echoes the link in a reason', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{8,20}$/), (secret) => {
        for (const url of [
          `tel:${secret}`,
          `confbar://call/1234567?add=${secret}`,
          `confbar://dial?number=1&uui=${secret}&x=1`,
        ]) {
          const r = parseDeepLink(url);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).not.toContain(secret);
        }
      }),
    );
  });
});

describe('findDeepLinkArg: phone links', () => {
  it('finds tel:, callto: and sip: links among the arguments', () => {
    expect(findDeepLinkArg(['C:\\ConfBar\\ConfBar.exe', '--flag', 'tel:+919811112222'])).toBe(
      'tel:+919811112222',
    );
    expect(findDeepLinkArg(['/opt/confbar', 'CALLTO:9811112222'])).toBe('CALLTO:9811112222');
    expect(findDeepLinkArg(['/opt/confbar', 'sip:a@b.example'])).toBe('sip:a@b.example');
    expect(findDeepLinkArg(['/opt/confbar', 'telnet:host'])).toBeNull();
  });
});
