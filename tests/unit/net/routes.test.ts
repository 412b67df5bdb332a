import fc from 'fast-check';
import { getProxyForUrl } from 'proxy-from-env';
import { afterEach, describe, expect, it } from 'vitest';
import { cliRoutes, noProxyMatches, parseProxyUrl } from '../../../electron/core/net/routes';

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['no_proxy', 'NO_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('NO_PROXY matching', () => {
  it('agrees with proxy-from-env on hosts, suffixes, wildcards and ports', () => {
    const label = fc.constantFrom('a', 'b', 'cloudagent', 'ozonetel', 'example');
    const host = fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => `${l.join('.')}.test`);
    const port = fc.constantFrom('', ':443', ':8443');
    const entry = fc.oneof(
      host,
      host.map((h) => `.${h.split('.').slice(1).join('.')}`),
      host.map((h) => `*.${h.split('.').slice(-2).join('.')}`),
      fc.tuple(host, port).map(([h, p]) => h + p),
      fc.constant('*'),
    );
    fc.assert(
      fc.property(
        host,
        port,
        fc.array(entry, { maxLength: 4 }),
        fc.constantFrom(',', ' ', ', '),
        (h, p, list, sep) => {
          const url = new URL(`https://${h}${p}/x`);
          const noProxy = list.join(sep);
          process.env.https_proxy = 'http://proxy.test:3128';
          process.env.no_proxy = noProxy;
          const oracleDirect = getProxyForUrl(url.toString()) === '';
          expect(noProxyMatches(noProxy, url)).toBe(oracleDirect);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the CLI route', () => {
  const origin = 'https://in1-ccaas-api.ozonetel.com';
  const route = async (o: Parameters<typeof cliRoutes>[0], at = origin) =>
    (await cliRoutes(o).routes.routesFor(at))[0];

  it('takes --no-proxy, then --proxy, then https_proxy over HTTPS_PROXY over HTTP_PROXY, else direct', async () => {
    const env = {
      HTTPS_PROXY: 'http://upper:1',
      https_proxy: 'http://lower:2',
      HTTP_PROXY: 'http://plain:3',
    };
    expect(await route({ env, noProxy: true })).toEqual({ kind: 'direct', from: 'option' });
    expect(await route({ env, proxy: 'opt.corp:8080' })).toMatchObject({ kind: 'proxy', from: 'option' });
    const lower = await route({ env });
    expect(lower?.kind === 'proxy' && lower.proxy.host).toBe('lower:2');
    const fallback = await route({ env: { HTTP_PROXY: 'http://plain:3' } });
    expect(fallback?.kind === 'proxy' && fallback.proxy.host).toBe('plain:3');
    expect(await route({ env: {} })).toEqual({ kind: 'direct', from: 'default' });
  });

  it('sends loopback (demo mode, the simulator) direct whatever the proxy', async () => {
    expect(await route({ env: { HTTPS_PROXY: 'http://p:1' } }, 'http://127.0.0.1:5000')).toEqual({
      kind: 'direct',
      from: 'loopback',
    });
  });

  it('keeps credentials out of the route and hands them to the transport', async () => {
    const r = cliRoutes({ env: { HTTPS_PROXY: 'http://me%40corp:p%3Ass@proxy.corp:3128' } });
    const [first] = await r.routes.routesFor(origin);
    expect(first?.kind === 'proxy' && first.proxy.href).toBe('http://proxy.corp:3128/');
    expect(await r.credentials.get(new URL('http://proxy.corp:3128/'))).toEqual({
      username: 'me@corp',
      password: 'p:ss',
    });
  });

  it('refuses SOCKS and other schemes in words', () => {
    expect(() => parseProxyUrl('socks5://p:1080', '--proxy')).toThrow(
      /SOCKS proxy \(p:1080\); ConfBar supports HTTP proxies only/,
    );
    expect(() => parseProxyUrl('ftp://p:21', 'HTTPS_PROXY')).toThrow(
      /must start with http:\/\/ or https:\/\//,
    );
    expect(() => parseProxyUrl('http://', '--proxy')).toThrow(/not a proxy address/);
  });
});
