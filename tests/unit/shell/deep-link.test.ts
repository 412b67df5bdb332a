import { describe, expect, it } from 'vitest';
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
