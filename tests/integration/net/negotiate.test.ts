import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { IntegratedProxyLogin, ProxyCredentials } from '../../../electron/core/cloudagent/transport';
import { networkChecks } from '../../../electron/core/net/doctor-lines';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { cliRoutes } from '../../../electron/core/net/routes';
import { trustOnly } from '../../../electron/core/net/trust';
import { makeLeaf } from '../../support/net/certs';
import { demoCall, demoClientOver } from '../../support/net/demo-client';
import { CLOUDAGENT_HOST, startTlsCloudAgent, type TlsCloudAgent } from '../../support/net/cloudagent-tls';
import {
  fakeNegotiateLogin,
  fakeToken,
  startNegotiateProxy,
  type NegotiateProxy,
  type NegotiateProxyOptions,
} from '../../support/net/negotiate-proxy';
import { createMemoryLogger } from '../../support/memory-logger';
import { actionsSent } from '../../support/sim-requests';

// The Windows login (Negotiate) on the proxy CONNECT, against an in-process proxy that checks every leg.
// The real thing (squid + a local KDC + the kerberos package) is in negotiate-squid.test.ts.
const PARTY = '09876543210';
let ca: TlsCloudAgent;
const cleanup: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  ca = await startTlsCloudAgent();
});
afterAll(() => ca.close());
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  ca.sim.clearRequests();
});

async function proxy(opts: NegotiateProxyOptions = {}): Promise<NegotiateProxy> {
  const p = await startNegotiateProxy(opts);
  cleanup.push(() => p.close());
  return p;
}

function clientVia(
  p: NegotiateProxy,
  login: IntegratedProxyLogin | undefined,
  timeoutMs = 3000,
  proxyUrl = p.url,
  stored?: ProxyCredentials,
) {
  const log = createMemoryLogger();
  const { routes, credentials: fromUrl } = cliRoutes({ env: { HTTPS_PROXY: proxyUrl } });
  const credentials = stored ?? fromUrl;
  const transport = createNodeTransport({
    routes,
    credentials,
    integratedLogin: login,
    trust: trustOnly([ca.publicCa.cert, ca.inspectionCa.cert]),
    lookup: ca.lookup,
    log,
  });
  cleanup.push(() => transport.dispose());
  const client = demoClientOver(ca.url, transport, timeoutMs);
  return { log, transport, ...demoCall(ca.sim, client, PARTY) };
}

const target = () => `${CLOUDAGENT_HOST}:${ca.front.port}`;

describe('a proxy that asks for Negotiate (the Windows login)', () => {
  it('logs in on the CONNECT, dials once, and keeps the tunnel for the next actions', async () => {
    const p = await proxy({ legs: 1 });
    const login = fakeNegotiateLogin();
    const c = clientVia(p, login);
    await c.dial();
    for (let i = 0; i < 10; i++) await c.toggle(i);
    expect(actionsSent(ca.sim)).toHaveLength(11);
    expect(actionsSent(ca.sim)[0]).toBe(`CONFERENCE ${PARTY}`);
    // The first CONNECT learns the scheme (407), the second logs in; then one tunnel carries everything.
    expect(p.connects.map((x) => x.authorization)).toEqual(['', `Negotiate ${fakeToken(1, '')}`]);
    expect(p.connects.every((x) => x.target === target())).toBe(true);
    expect(p.tunnels).toBe(1);
    expect(login.steps).toEqual([{ proxy: `127.0.0.1:${p.port}`, challenge: '' }]);
  });

  it('a new connection logs in at once, without asking the proxy first', async () => {
    const p = await proxy({ legs: 1 });
    const c = clientVia(p, fakeNegotiateLogin());
    await c.dial();
    c.transport.reset(); // as after sleep or a network change
    await c.toggle(0);
    expect(p.connects.map((x) => x.authorization.split(' ')[0])).toEqual(['', 'Negotiate', 'Negotiate']);
    expect(p.tunnels).toBe(2);
  });

  it('three legs bound to one connection (NTLM inside SPNEGO) all go on that connection', async () => {
    const p = await proxy({ legs: 3, connectionBound: true });
    const c = clientVia(p, fakeNegotiateLogin());
    await c.dial();
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
    const legs = p.connects.filter((x) => x.authorization);
    expect(legs).toHaveLength(3);
    expect(new Set(legs.map((x) => x.connection)).size).toBe(1);
  });

  it('a proxy that closes between legs gets the next leg on a new connection', async () => {
    const p = await proxy({ legs: 2, closeBetweenLegs: true });
    const c = clientVia(p, fakeNegotiateLogin());
    await c.dial();
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
    const legs = p.connects.filter((x) => x.authorization);
    expect(legs.map((x) => x.connection)).toEqual([2, 3]);
  });

  it("an HTTPS proxy (its own certificate signed by the company's CA): the login runs inside its TLS", async () => {
    const p = await proxy({
      legs: 2,
      connectionBound: true,
      secure: await makeLeaf(ca.inspectionCa, ['localhost']),
    });
    const c = clientVia(p, fakeNegotiateLogin(), 3000, `https://localhost:${p.port}`);
    await c.dial();
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
    expect(p.tunnels).toBe(1);
  });

  it('a refused login names the proxy and says so; the dial never reached CloudAgent', async () => {
    const p = await proxy({ refuse: true, offer: ['Negotiate', 'Basic'] });
    const c = clientVia(p, fakeNegotiateLogin());
    await expect(c.dial()).rejects.toMatchObject({
      kind: 'Network',
      message: `The proxy 127.0.0.1:${p.port} refused your Windows login (407 after Negotiate; it asks for Negotiate or Basic).`,
      remedy: expect.stringMatching(/user name and password in Settings → Network/),
    });
    expect(actionsSent(ca.sim)).toEqual([]);
  });

  it('no ticket (a laptop outside the domain): said in words; once a Basic login is stored, Basic is used', async () => {
    const p = await proxy({
      offer: ['Negotiate', 'Basic'],
      basic: { username: 'agent7', password: 'b4sic' },
    });
    const noTicket: IntegratedProxyLogin = {
      begin: async () => {
        throw new AppError('Network', 'Could not log in with your Windows login: no credentials.');
      },
    };
    const stored: { login?: { username: string; password: string } } = {};
    const c = clientVia(p, noTicket, 3000, p.url, { get: async () => stored.login });
    await expect(c.dial()).rejects.toMatchObject({ message: expect.stringMatching(/no credentials/) });
    // The agent enters the proxy login in Settings (which resets the pool), and presses again.
    stored.login = { username: 'agent7', password: 'b4sic' };
    c.transport.reset();
    await c.dial();
    await c.toggle(0);
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`, `MUTE ${PARTY}`]);
    expect(p.connects.map((x) => x.authorization.split(' ')[0])).toEqual(['', 'Basic']);
    expect(c.log.lines().join('\n')).toMatch(/Windows login failed; using the stored Basic login/);
    expect(c.log.lines().join('\n')).not.toMatch(/b4sic|YWdlbnQ3OmI0c2lj/);
    expect((await c.transport.describe(new URL(ca.url).origin)).proxyLogin).toBe('Basic');
  });

  it('a refused Windows login is said; once a Basic login is stored, the refusal falls back to it', async () => {
    const p = await proxy({
      refuse: true,
      offer: ['Negotiate', 'Basic'],
      basic: { username: 'agent7', password: 'b4sic' },
    });
    const stored: { login?: { username: string; password: string } } = {};
    const c = clientVia(p, fakeNegotiateLogin(), 3000, p.url, { get: async () => stored.login });
    await expect(c.dial()).rejects.toMatchObject({
      message: expect.stringMatching(/refused your Windows login/),
    });
    stored.login = { username: 'agent7', password: 'b4sic' };
    c.transport.reset();
    await c.dial();
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
    expect(p.connects.map((x) => x.authorization.split(' ')[0])).toEqual([
      '',
      'Negotiate',
      'Negotiate',
      'Basic',
    ]);
    expect(c.log.lines().join('\n')).toMatch(/Windows login failed; using the stored Basic login/);
  });

  it('NTLM alone is not answered: the error names the proxy and the scheme', async () => {
    const p = await proxy({ offer: ['NTLM'] });
    const login = fakeNegotiateLogin();
    const c = clientVia(p, login);
    await expect(c.dial()).rejects.toMatchObject({
      message: `The proxy 127.0.0.1:${p.port} wants a login (407, it asks for NTLM).`,
      remedy: expect.stringMatching(/not by NTLM alone/),
    });
    expect(login.steps).toEqual([]);
    expect(p.connects).toHaveLength(1);
  });

  it("the login's own failure (no ticket) is said in words, and nothing is sent", async () => {
    const p = await proxy();
    const noTicket: IntegratedProxyLogin = {
      begin: async (proxyUrl) => {
        throw new AppError(
          'Network',
          `Could not log in to the proxy ${proxyUrl.host} with your Windows login.`,
        );
      },
    };
    const c = clientVia(p, noTicket);
    await expect(c.dial()).rejects.toMatchObject({
      message: `Could not log in to the proxy 127.0.0.1:${p.port} with your Windows login.`,
    });
    expect(actionsSent(ca.sim)).toEqual([]);
  });

  it('a proxy that stops answering mid-login ends in the timeout, and the dial is not sent', async () => {
    const p = await proxy({ legs: 2, silentAtLeg: 2 });
    const c = clientVia(p, fakeNegotiateLogin(), 600);
    const started = Date.now();
    await expect(c.dial()).rejects.toMatchObject({ kind: 'Timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(actionsSent(ca.sim)).toEqual([]);
    // The half-done login's connection is closed with the request, not left to the proxy's own timeout.
    for (let i = 0; i < 50 && p.openClients() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(p.openClients()).toBe(0);
  });

  it('doctor says how the proxy is logged in to, once a CONNECT has shown it', async () => {
    const p = await proxy({ legs: 1 });
    const c = clientVia(p, fakeNegotiateLogin());
    expect((await c.transport.describe(new URL(ca.url).origin)).proxyLogin).toBeUndefined();
    const { checks, reached } = await networkChecks(c.transport, new URL(ca.url), 3000);
    expect(reached).toBe(true);
    expect(checks.find((x) => x.name === 'Proxy login')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/Windows login: ConfBar answers Negotiate .* no password is stored/),
    });
    expect(actionsSent(ca.sim)).toEqual([]); // doctor's HEAD is not an action
  });

  it('no token reaches a log line or an error', async () => {
    const p = await proxy({ refuse: true });
    const c = clientVia(p, fakeNegotiateLogin());
    const err = (await c.dial().catch((e: unknown) => e)) as AppError;
    const token = fakeToken(1, '');
    expect(JSON.stringify(err)).not.toContain(token);
    expect(c.log.lines().join('\n')).not.toContain(token);
    expect(c.log.lines().join('\n')).toMatch(/asks for Negotiate/);
  });
});
