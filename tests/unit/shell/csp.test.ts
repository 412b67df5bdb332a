import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../../electron/shell/csp';

describe('CONTENT_SECURITY_POLICY', () => {
  it("is exactly the renderer's <meta> CSP, so header and page agree", () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline or remote script and no network from the page', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('devContentSecurityPolicy (npm start only)', () => {
  const nonce = 'AbCdEfGhIjKlMnOpQrSt';
  const dev = devContentSecurityPolicy(nonce, 'http://localhost:5173');

  it("adds the dev server's nonce to script and style, and its own websocket, and nothing else", () => {
    expect(dev).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(dev).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    const rest = (csp: string) => csp.split('; ').filter((d) => !/^(script|style|connect)-src/.test(d));
    expect(rest(dev)).toEqual(rest(CONTENT_SECURITY_POLICY));
    expect(dev).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('refuses a nonce too short to be one', () => {
    expect(() => devContentSecurityPolicy('abc', 'http://localhost:5173')).toThrow(/nonce/);
    expect(() => devContentSecurityPolicy("x' 'unsafe-inline", 'http://localhost:5173')).toThrow(/nonce/);
  });
});
