import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { HttpRequest } from '../../../electron/core/cloudagent/transport';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { noProxyMatches } from '../../../electron/core/net/routes';
import { trustOnly } from '../../../electron/core/net/trust';
import { createMemoryVault } from '../../../electron/core/vault/memory-vault';
import { vaultProxyCredentials } from '../../../electron/core/vault/proxy-login';
import { createOsRouteSource } from '../../../electron/shell/os-route-source';
import { closedPort, startLoopbackProxy } from '../../support/loopback-proxy';
import { makeTestCerts, startTlsEcho } from '../../support/test-tls';

/**
 * The app's route source (Chromium's resolveProxy answer, doubled here) with the real Node transport, an
 * in-process CONNECT proxy and a TLS server on loopback. `cloudagent.test` resolves inside the test: the
 * proxy maps it from its own table, the transport through its `lookup` option.
 */
const HOST = 'cloudagent.test';
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== HOST) {
    callback(
      Object.assign(new Error(`test lookup: ${hostname} is not a test host`), { code: 'ENOTFOUND' }),
      '',
      4,
    );
    return;
  }
  if ((options as { all?: boolean }).all)
    (callback as (e: null, a: unknown[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(opts: { authenticate?: string[]; acceptAuthorization?: string } = {}) {
  const certs = await makeTestCerts([HOST]);
  const server = await startTlsEcho(certs);
  cleanups.push(() => server.close());
  const proxy = await startLoopbackProxy({ hosts: { [HOST]: '127.0.0.1' }, ...opts });
  cleanups.push(() => proxy.close());
  const origin = `https://${HOST}:${server.port}`;
  const answers = { current: 'DIRECT' };
  const asked: string[] = [];
  const network: Settings['network'] = { ...DEFAULT_SETTINGS.network };
  const vault = createMemoryVault();
  const routes = createOsRouteSource({
    network: () => network,
    resolveProxy: async (url) => {
      asked.push(url);
      return answers.current;
    },
    bypass: (url, noProxy) => noProxyMatches(noProxy, url),
  });
  const transport = createNodeTransport({
    routes,
    trust: trustOnly([certs.caCert]),
    credentials: vaultProxyCredentials(vault),
    lookup,
  });
  cleanups.push(() => transport.dispose());
  const get = (path = '/'): Promise<string> => {
    const req: HttpRequest = { method: 'GET', url: new URL(path, origin), timeoutMs: 3000, replay: 'once' };
    return transport.request(req).then((r) => `${r.status} ${r.body}`);
  };
  /** The AppError a request fails with (the test fails if it succeeds or throws anything else). */
  const failure = async (): Promise<AppError> => {
    const e = await get().then(
      (ok) => new Error(`expected a failure, got ${ok}`),
      (x: unknown) => x,
    );
    if (!(e instanceof AppError)) throw e;
    return e;
  };
  return { server, proxy, origin, answers, asked, network, vault, transport, get, failure };
}

describe("the app's routes through the real transport (in-process proxy on loopback)", () => {
  it('routes a request through the proxy the OS/PAC answer names, and keeps the tunnel for the next', async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    expect(await s.get()).toBe('200 cloudagent');
    expect(await s.get('/again')).toBe('200 cloudagent');
    expect(s.proxy.connects).toEqual([`${HOST}:${s.server.port}`]);
    expect(s.asked).toEqual([`${s.origin}/`]);
    const d = await s.transport.describe(s.origin);
    expect(d.route).toMatchObject({ kind: 'proxy', from: 'os' });
    expect(d.certificate?.issuer).toMatch(/ConfBar test inspection CA/);
  });

  it("falls through 'PROXY dead; DIRECT' to a direct connection (nothing was sent to the dead proxy)", async () => {
    const s = await setup();
    const dead = await closedPort();
    s.answers.current = `PROXY 127.0.0.1:${dead}; DIRECT`;
    expect(await s.get()).toBe('200 cloudagent');
    expect(s.proxy.connects).toEqual([]);
    expect(s.server.connections).toBe(1);
  });

  it('lets the settings override the OS: No proxy hosts and Proxy none go direct, a proxy URL is used as set', async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${await closedPort()}`;
    s.network.noProxy = HOST;
    expect(await s.get()).toBe('200 cloudagent');
    s.network.noProxy = '';
    s.network.proxy = `http://127.0.0.1:${s.proxy.port}`;
    s.transport.reset();
    expect(await s.get()).toBe('200 cloudagent');
    expect(s.proxy.connects).toHaveLength(1);
    expect(s.asked).toEqual([]);
  });

  it('a reset (resume, network change) asks the OS again and opens a new tunnel at once', async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    await s.get();
    s.transport.reset();
    await s.get();
    expect(s.proxy.connects).toHaveLength(2);
    expect(s.asked).toHaveLength(2);
  });

  it('sends the Basic login kept in the keychain once the agent entered it after a 407', async () => {
    const basic = `Basic ${Buffer.from('jdoe:pr0xy-pass').toString('base64')}`;
    const s = await setup({ authenticate: ['Basic realm="corp"'], acceptAuthorization: basic });
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    const refused = await s.failure();
    expect(refused.kind).toBe('Network');
    expect(refused.message).toMatch(
      new RegExp(`proxy 127\\.0\\.0\\.1:${s.proxy.port} wants a login \\(407, it asks for Basic\\)`),
    );
    expect(refused.remedy).toMatch(/Settings → Network/);
    await s.vault.setProxyLogin(`127.0.0.1:${s.proxy.port}`, { username: 'jdoe', password: 'pr0xy-pass' });
    expect(await s.get()).toBe('200 cloudagent');
    expect(s.proxy.authorizations.at(-1)).toBe(basic);
  });

  it('names the proxy and the scheme when a Windows domain proxy asks for NTLM/Negotiate', async () => {
    const s = await setup({ authenticate: ['Negotiate', 'NTLM'] });
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    const e = await s.failure();
    expect(e.message).toBe(
      `The proxy 127.0.0.1:${s.proxy.port} wants a login (407, it asks for Negotiate or NTLM).`,
    );
    expect(e.remedy).toMatch(/Basic only/);
    expect(s.server.connections).toBe(0);
  });

  it('refuses a SOCKS answer with an error naming the proxy, sending nothing', async () => {
    const s = await setup();
    s.answers.current = 'SOCKS5 127.0.0.1:1080';
    await expect(s.get()).rejects.toThrow(/SOCKS5 proxy 127\.0\.0\.1:1080, which ConfBar does not support/);
    expect(s.server.connections).toBe(0);
  });
});
