import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseProxyAnswer } from '../../../electron/shell/proxy-answer';

const shown = (answer: string) =>
  parseProxyAnswer(answer).map((r) => (r.kind === 'direct' ? 'DIRECT' : r.proxy.href));

function errorOf(answer: string): AppError {
  try {
    parseProxyAnswer(answer);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`"${answer}" was read without an error`);
}

describe('parseProxyAnswer (Chromium resolveProxy answers)', () => {
  it('reads DIRECT, PROXY and HTTPS entries', () => {
    expect(shown('DIRECT')).toEqual(['DIRECT']);
    expect(shown('PROXY proxy.corp:8080')).toEqual(['http://proxy.corp:8080/']);
    expect(shown('HTTPS secure.corp:8443')).toEqual(['https://secure.corp:8443/']);
    expect(shown('PROXY [::1]:3128')).toEqual(['http://[::1]:3128/']);
    expect(shown('PROXY 10.0.0.1:3128')).toEqual(['http://10.0.0.1:3128/']);
  });

  it('keeps a list with fallbacks in order', () => {
    expect(shown('PROXY a.corp:1; PROXY b.corp:2; DIRECT')).toEqual([
      'http://a.corp:1/',
      'http://b.corp:2/',
      'DIRECT',
    ]);
    expect(shown('  proxy a.corp:1 ;direct; ')).toEqual(['http://a.corp:1/', 'DIRECT']);
  });

  it('uses the default ports when the answer names none', () => {
    expect(shown('PROXY proxy.corp')).toEqual(['http://proxy.corp/']);
    expect(parseProxyAnswer('HTTPS proxy.corp')[0]).toMatchObject({ kind: 'proxy' });
  });

  it('labels every route with where it came from', () => {
    expect(parseProxyAnswer('PROXY p:1; DIRECT', 'os').map((r) => r.from)).toEqual(['os', 'os']);
    expect(parseProxyAnswer('DIRECT', 'setting')[0]?.from).toBe('setting');
  });

  it('treats an empty answer as Chromium does: direct', () => {
    expect(shown('')).toEqual(['DIRECT']);
    expect(shown(' ; ')).toEqual(['DIRECT']);
  });

  it('refuses SOCKS with a "not supported" error naming the proxy', () => {
    for (const [answer, named] of [
      ['SOCKS socks.corp:1080', 'SOCKS proxy socks.corp:1080'],
      ['SOCKS5 s5.corp:1080', 'SOCKS5 proxy s5.corp:1080'],
      ['socks4 s4.corp:1080', 'SOCKS4 proxy s4.corp:1080'],
    ] as const) {
      const e = errorOf(answer);
      expect(e.kind).toBe('Network');
      expect(e.message).toContain(named);
      expect(e.message).toMatch(/does not support/);
      expect(e.remedy).toMatch(/Settings → Network → Proxy/);
    }
  });

  it('skips an unsupported entry when a supported one follows', () => {
    expect(shown('SOCKS5 s.corp:1080; PROXY p.corp:3128; DIRECT')).toEqual(['http://p.corp:3128/', 'DIRECT']);
  });

  it('says in words when the answer cannot be read', () => {
    for (const answer of [
      'PROXY',
      'FTP f.corp:21',
      'PROXY a b',
      'PROXY user:pw@p.corp:8080',
      'PROXY p.corp:99999',
      'DIRECT p.corp:1',
      'PROXY http://p.corp:8080/',
    ]) {
      const e = errorOf(answer);
      expect(e.message).toContain('cannot read');
      expect(e.message).toContain(answer.slice(0, 20));
    }
  });

  it('never returns a proxy with credentials, a path or no host (property)', () => {
    const token = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 5 }), (parts) => {
        const answer = parts.join(';');
        let routes;
        try {
          routes = parseProxyAnswer(answer);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          return;
        }
        expect(routes.length).toBeGreaterThan(0);
        for (const r of routes) {
          if (r.kind !== 'proxy') continue;
          expect(['http:', 'https:']).toContain(r.proxy.protocol);
          expect(r.proxy.hostname).not.toBe('');
          expect(r.proxy.username + r.proxy.password).toBe('');
          expect(r.proxy.pathname).toBe('/');
        }
      }),
    );
  });

  it('round-trips any list of well-formed entries, in order (property)', () => {
    const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z][a-z0-9-]{0,10}){0,2}$/);
    const entry = fc.oneof(
      fc.constant({ text: 'DIRECT', want: 'DIRECT' }),
      fc
        .tuple(fc.constantFrom('PROXY', 'HTTPS', 'proxy'), host, fc.integer({ min: 1, max: 65535 }))
        .map(([kw, h, p]) => {
          const protocol = kw.toUpperCase() === 'HTTPS' ? 'https:' : 'http:';
          return { text: `${kw} ${h}:${p}`, want: new URL(`${protocol}//${h}:${p}`).href };
        }),
    );
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(';', '; ', ' ; '),
        (es, sep) => {
          expect(shown(es.map((e) => e.text).join(sep))).toEqual(es.map((e) => e.want));
        },
      ),
    );
  });
});
