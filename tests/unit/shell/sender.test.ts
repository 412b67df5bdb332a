import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL } from '../../../electron/shell/app-page';
import { isTrustedSender } from '../../../electron/shell/sender';

describe('isTrustedSender', () => {
  it('trusts the app page, with or without a query or fragment', () => {
    expect(isTrustedSender('app://confbar/index.html', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSender('app://confbar/index.html#/settings', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSender('app://confbar/index.html?view=mini', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSender('app://confbar/', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSender('app://CONFBAR/index.html', APP_PAGE_URL)).toBe(true);
  });

  it('trusts the dev server page only on its exact origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it.each([
    ['another page of the app origin', 'app://confbar/assets/evil.html'],
    ['another host on the scheme', 'app://evil/index.html'],
    ['a web page', 'https://example.com/index.html'],
    ['a host lookalike', 'https://confbar/index.html'],
    ['credentials', 'app://user:pw@confbar/index.html'],
    ['a file URL', 'file:///opt/ConfBar/resources/app.asar/out/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['empty', ''],
    ['garbage', 'not a url'],
  ])('does not trust %s', (_what, url) => {
    expect(isTrustedSender(url, APP_PAGE_URL)).toBe(false);
  });

  it('does not trust a missing sender or a broken expectation', () => {
    expect(isTrustedSender(null, APP_PAGE_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_PAGE_URL)).toBe(false);
    expect(isTrustedSender(APP_PAGE_URL, '')).toBe(false);
  });
});
