import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `npm start`'s renderer: the dev server electron-vite starts (the renderer section of electron.vite.config.ts,
 * resolved for 'serve' exactly as `electron-vite dev` resolves it), loaded in Chromium. The production page keeps
 * its strict CSP (tests/unit/shell/csp.test.ts); this proves the dev page's CSP lets Vite's client work.
 */
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  const { resolveConfig } = await import('electron-vite');
  const resolved = await resolveConfig({ root: ROOT, logLevel: 'warn' }, 'serve', 'development');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section.');
  server = await createServer({
    ...renderer,
    configFile: false,
    logLevel: 'silent',
    server: { ...renderer.server, host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dev server (npm start)', () => {
  it('serves a CSP that lets Vite work: no violation, styles applied, hot reload connected', async () => {
    const page = await browser.newPage();
    // Loopback only: the dev server and nothing else.
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const target = route.request().url();
      if (target.startsWith(url)) return route.continue();
      blocked.push(target);
      return route.abort('blockedbyclient');
    });
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const connected = page.waitForEvent('console', {
      predicate: (m) => m.text().includes('[vite] connected'),
      timeout: 30_000,
    });
    await page.goto(url);
    await connected;
    // The toolbar's own stylesheet (base.css) arrived as Vite's <style> tags: the browser's 8px margin is gone.
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).marginTop), { timeout: 15_000 })
      .toBe('0px');
    const styles = await page.evaluate(() => document.querySelectorAll('style[data-vite-dev-id]').length);
    expect(styles).toBeGreaterThan(0);
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    // Chromium's note that a <meta> CSP cannot carry frame-ancestors is not a violation (Electron sends a header).
    const cspMessages = messages.filter(
      (m) => /Content Security Policy|Refused to/i.test(m) && !/frame-ancestors' is ignored/.test(m),
    );
    expect(cspMessages).toEqual([]);
    expect(blocked).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'tests/artifacts/dev-server.png') });
    await page.close();
  });

  it("the dev page's CSP adds only a nonce and its own websocket; the built page keeps the production one", async () => {
    const html = await (await fetch(url)).text();
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(meta).toMatch(/style-src 'self' 'nonce-[^']+'/);
    expect(meta).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const built = readFileSync(join(inject('rendererDir'), 'index.html'), 'utf8');
    const builtMeta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(built)?.[1];
    expect(builtMeta).toBe(CONTENT_SECURITY_POLICY);
    expect(built).not.toMatch(/nonce|csp-nonce/);
  });
});
