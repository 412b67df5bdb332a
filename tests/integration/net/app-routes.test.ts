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
import { CLOUDAGENT_HOST, startTlsCloudAgent } from '../../support/net/cloudagent-tls';
import { startConnectProxy, type ProxyMode } from '../../support/net/connect-proxy';

/**
 * The app's route source (Chromium's resolveProxy answer, doubled here) with the real Node transport, an
 * in-process CONNECT proxy and the simulator behind TLS on loopback. `cloudagent.test` resolves inside the
 * test: the proxy tunnels to loopback, the transport resolves through its `lookup` option.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(mode: ProxyMode = { kind: 'tunnel' }) {
  const ca = await startTlsCloudAgent();
  cleanups.push(() => ca.close());
  const proxy = await startConnectProxy(mode);
  cleanups.push(() => proxy.close());
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
    trust: trustOnly([ca.publicCa.cert]),
    credentials: vaultProxyCredentials(vault),
    lookup: ca.lookup,
  });
  cleanups.push(() => transport.dispose());
  /** One request; answers with whether it went over a pooled connection. */
  const get = async (): Promise<{ reused: boolean }> => {
    const req: HttpRequest = { method: 'GET', url: new URL('/', ca.url), timeoutMs: 3000, replay: 'once' };
    const r = await transport.request(req);
    return { reused: r.reusedSocket };
  };
  /** The AppError a request fails with (the test fails if it succeeds or throws anything else). */
  const failure = async (): Promise<AppError> => {
    const e = await get().then(
      () => new Error('expected a failure'),
      (x: unknown) => x,
    );
    if (!(e instanceof AppError)) throw e;
    return e;
  };
  const target = `${CLOUDAGENT_HOST}:${ca.front.port}`;
  return { ca, proxy, target, answers, asked, network, vault, transport, get, failure };
}

/** A proxy address that refuses connections (started, then closed). */
async function deadProxy(): Promise<number> {
  const p = await startConnectProxy({ kind: 'tunnel' });
  await p.close();
  return p.port;
}

describe("the app's routes through the real transport (in-process proxy on loopback)", () => {
  it('routes a request through the proxy the OS/PAC answer names, and keeps the tunnel for the next', async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    expect(await s.get()).toEqual({ reused: false });
    expect(await s.get()).toEqual({ reused: true });
    expect(s.proxy.connects).toEqual([s.target]);
    expect(s.asked).toEqual([`${s.ca.url}/`]);
    const d = await s.transport.describe(s.ca.url);
    expect(d.route).toMatchObject({ kind: 'proxy', from: 'os' });
    expect(d.certificate?.issuer).toMatch(/ConfBar Test Public Root/);
  });

  it("falls through 'PROXY dead; DIRECT' to a direct connection (nothing was sent to the dead proxy)", async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${await deadProxy()}; DIRECT`;
    await s.get();
    expect(s.proxy.connects).toEqual([]);
    expect(s.ca.front.simulatorSockets).toBe(1);
  });

  it('lets the settings override the OS: No proxy hosts and Proxy none go direct, a proxy URL is used as set', async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${await deadProxy()}`;
    s.network.noProxy = CLOUDAGENT_HOST;
    await s.get();
    s.network.noProxy = '';
    s.network.proxy = 'none';
    await s.get();
    s.network.proxy = s.proxy.url;
    s.transport.reset();
    await s.get();
    expect(s.proxy.connects).toEqual([s.target]);
    expect(s.asked).toEqual([]);
  });

  it('a reset (resume, network change) asks the OS again and opens a new tunnel at once', async () => {
    const s = await setup();
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    await s.get();
    s.transport.reset();
    expect(await s.get()).toEqual({ reused: false });
    expect(s.proxy.connects).toHaveLength(2);
    expect(s.asked).toHaveLength(2);
  });

  it('sends the Basic login kept in the keychain once the agent entered it after a 407', async () => {
    const login = { username: 'jdoe', password: 'pr0xy-pass' };
    const s = await setup({ kind: 'tunnel', login });
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    const refused = await s.failure();
    expect(refused.kind).toBe('Network');
    expect(refused.message).toBe(
      `The proxy 127.0.0.1:${s.proxy.port} wants a login (407, it asks for Basic).`,
    );
    expect(refused.remedy).toMatch(/Settings → Network/);
    await s.vault.setProxyLogin(`127.0.0.1:${s.proxy.port}`, login);
    await s.get();
    expect(s.proxy.logins.at(-1)).toBe(`Basic ${Buffer.from('jdoe:pr0xy-pass').toString('base64')}`);
    expect(s.ca.front.simulatorSockets).toBe(1);
  });

  it('names the proxy and the scheme when a Windows domain proxy asks for NTLM/Negotiate', async () => {
    const s = await setup({ kind: 'ask', schemes: ['Negotiate', 'NTLM'] });
    s.answers.current = `PROXY 127.0.0.1:${s.proxy.port}`;
    const e = await s.failure();
    expect(e.message).toBe(
      `The proxy 127.0.0.1:${s.proxy.port} wants a login (407, it asks for Negotiate or NTLM).`,
    );
    expect(e.remedy).toMatch(/not by NTLM alone/);
    expect(s.ca.front.simulatorSockets).toBe(0);
  });

  it('refuses a SOCKS answer with an error naming the proxy, sending nothing', async () => {
    const s = await setup();
    s.answers.current = 'SOCKS5 127.0.0.1:1080';
    await expect(s.get()).rejects.toThrow(/SOCKS5 proxy 127\.0\.0\.1:1080, which ConfBar does not support/);
    expect(s.ca.front.simulatorSockets).toBe(0);
  });
});
