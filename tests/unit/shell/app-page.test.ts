import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_PAGE_URL,
  appResponseHeaders,
  pageSource,
  resolveAppAsset,
} from '../../../electron/shell/app-page';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';

const root = path.resolve('/opt/ConfBar/resources/app.asar/out/renderer');

describe('resolveAppAsset', () => {
  it('maps app://confbar/ paths into the renderer folder', () => {
    expect(resolveAppAsset('app://confbar/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset('app://confbar/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset('app://confbar/assets/index-1a2b.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-1a2b.js'),
    );
    expect(resolveAppAsset('app://confbar/assets/a%20b.css', root)).toBe(
      path.join(root, 'assets', 'a b.css'),
    );
  });

  it('keeps dot-dot paths inside the folder (the URL parser resolves them first)', () => {
    expect(resolveAppAsset('app://confbar/../../../../etc/passwd', root)).toBe(
      path.join(root, 'etc', 'passwd'),
    );
    expect(resolveAppAsset('app://confbar/%2e%2e/%2e%2e/main/index.js', root)).toBe(
      path.join(root, 'main', 'index.js'),
    );
  });

  it('never resolves outside the folder, whatever the path (property)', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2f',
      '%5c',
      '%00',
      'assets',
      'index.html',
      '',
      '%',
      'a b',
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const file = resolveAppAsset(`app://confbar/${parts.join('/')}`, root);
        if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
      }),
    );
  });

  it.each([
    ['encoded slash dot-dot', 'app://confbar/assets%2f..%2f..%2fmain%2findex.js'],
    ['backslash', 'app://confbar/..%5c..%5cmain%5cindex.js'],
    ['NUL byte', 'app://confbar/index.html%00.png'],
    ['malformed encoding', 'app://confbar/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['credentials', 'app://a:b@confbar/index.html'],
    ['another scheme', 'file:///opt/ConfBar/resources/app.asar/out/renderer/index.html'],
    ['garbage', '::'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });
});

describe('pageSource', () => {
  it('uses the dev server only unpackaged and only on loopback http', () => {
    expect(pageSource({ packaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    });
    expect(pageSource({ packaged: true, devServerUrl: 'http://localhost:5173' }).url).toBe(APP_PAGE_URL);
    expect(pageSource({ packaged: false, devServerUrl: 'https://evil.example/' }).url).toBe(APP_PAGE_URL);
    expect(pageSource({ packaged: false, devServerUrl: 'http://10.0.0.5:5173/' }).url).toBe(APP_PAGE_URL);
    expect(pageSource({ packaged: false, devServerUrl: 'not a url' }).url).toBe(APP_PAGE_URL);
    expect(pageSource({ packaged: false, devServerUrl: undefined })).toEqual({
      kind: 'app-scheme',
      url: APP_PAGE_URL,
    });
  });
});

describe('appResponseHeaders', () => {
  it('sends the CSP, no-sniff and the right type', () => {
    const html = appResponseHeaders('/x/index.html');
    expect(html).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(appResponseHeaders('/x/a.JS')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders('/x/a.unknown')['Content-Type']).toBe('application/octet-stream');
  });
});
