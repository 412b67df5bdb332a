import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoClientOver } from '../../support/net/demo-client';
import type { RouteSource, Trust } from '../../../electron/core/cloudagent/transport';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { cliRoutes } from '../../../electron/core/net/routes';
import { loadTrust, trustOnly } from '../../../electron/core/net/trust';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { actionsSent } from '../../support/sim-requests';
import { makeLeaf } from '../../support/net/certs';
import { startConnectProxy, type ConnectProxy, type ProxyMode } from '../../support/net/connect-proxy';
import { CLOUDAGENT_HOST, startTlsCloudAgent, type TlsCloudAgent } from '../../support/net/cloudagent-tls';

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

async function proxy(mode: ProxyMode): Promise<ConnectProxy> {
  const p = await startConnectProxy(mode);
  cleanup.push(() => p.close());
  return p;
}

function clientVia(
  routing: { routes: RouteSource; credentials?: ReturnType<typeof cliRoutes>['credentials'] },
  opts: { url?: string; trust?: Trust } = {},
) {
  const transport = createNodeTransport({
    ...routing,
    trust: opts.trust ?? trustOnly([ca.publicCa.cert]),
    lookup: ca.lookup,
  });
  const client = demoClientOver(opts.url ?? ca.url, transport, 3000);
  cleanup.push(() => transport.dispose());
  return { client, transport };
}

const newCall = () => ca.sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
const dial = (client: ReturnType<typeof clientVia>['client'], ucid = newCall()) =>
  client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });

describe('through an HTTP proxy (CONNECT)', () => {
  it('HTTPS_PROXY routes the actions through one kept-alive tunnel', async () => {
    const p = await proxy({ kind: 'tunnel' });
    const { client, transport } = clientVia(cliRoutes({ env: { HTTPS_PROXY: p.url } }));
    const ucid = newCall();
    await dial(client, ucid);
    for (let i = 0; i < 20; i++) {
      await client.callControl({ action: i % 2 ? 'UNMUTE' : 'MUTE', ucid, conferenceNumber: PARTY });
    }
    expect(p.connects).toEqual([`${CLOUDAGENT_HOST}:${ca.front.port}`]);
    const d = await transport.describe(new URL(ca.url).origin);
    expect(d.route).toMatchObject({ kind: 'proxy', from: 'environment' });
    expect(d.route.kind === 'proxy' && d.route.proxy.host).toBe(`127.0.0.1:${p.port}`);
    expect(d.certificate).toMatchObject({ subject: CLOUDAGENT_HOST, issuer: 'ConfBar Test Public Root' });
  });

  it('NO_PROXY sends matching hosts direct (lower-case wins) and others through the proxy', async () => {
    const p = await proxy({ kind: 'tunnel' });
    const direct = clientVia(
      cliRoutes({ env: { HTTPS_PROXY: p.url, NO_PROXY: 'nothing.example', no_proxy: '.test' } }),
    );
    await dial(direct.client);
    expect(p.connects).toEqual([]);
    expect((await direct.transport.describe(new URL(ca.url).origin)).route).toEqual({
      kind: 'direct',
      from: 'environment',
    });
    const proxied = clientVia(
      cliRoutes({ env: { HTTPS_PROXY: p.url, NO_PROXY: 'other.test,cloudagent.test:1' } }),
    );
    await dial(proxied.client);
    expect(p.connects).toHaveLength(1);
  });

  it('sends Basic credentials from the proxy URL, never shows them', async () => {
    const p = await proxy({ kind: 'tunnel', login: { username: 'agent7', password: 'pr0xy-s3cret' } });
    const { client, transport } = clientVia(
      cliRoutes({ env: {}, proxy: `http://agent7:pr0xy-s3cret@127.0.0.1:${p.port}` }),
    );
    await dial(client);
    expect(p.logins).toEqual([`Basic ${Buffer.from('agent7:pr0xy-s3cret').toString('base64')}`]);
    const d = await transport.describe(new URL(ca.url).origin);
    expect(JSON.stringify(d)).not.toMatch(/s3cret|agent7/);
    expect(d.route).toMatchObject({ kind: 'proxy', from: 'option' });
  });

  it('a 407 says the proxy wants a login and names the scheme (Basic), and a wrong login says so', async () => {
    const p = await proxy({ kind: 'tunnel', login: { username: 'agent7', password: 'right' } });
    const none = clientVia(cliRoutes({ env: { HTTPS_PROXY: p.url } }));
    await expect(dial(none.client)).rejects.toMatchObject({
      kind: 'Network',
      message: `The proxy 127.0.0.1:${p.port} wants a login (407, it asks for Basic).`,
      remedy: expect.stringMatching(/Settings → Network.*--proxy http:\/\/user:password@host:port/),
    });
    const wrong = clientVia(cliRoutes({ env: { HTTPS_PROXY: `http://agent7:wrong@127.0.0.1:${p.port}` } }));
    const err = await dial(wrong.client).catch((e: Error) => e);
    expect(err.message).toMatch(/refused the proxy login \(407, it asks for Basic\)/);
    expect(`${err.message} ${(err as { remedy?: string }).remedy}`).not.toMatch(/wrong/);
    expect(actionsSent(ca.sim)).toEqual([]);
  });

  it('without a Windows login to offer, a proxy asking for NTLM/Negotiate is named with its schemes, never a hang', async () => {
    const p = await proxy({ kind: 'ask', schemes: ['NTLM', 'Negotiate'] });
    const { client } = clientVia(cliRoutes({ env: { HTTPS_PROXY: p.url } }));
    await expect(dial(client)).rejects.toMatchObject({
      message: `The proxy 127.0.0.1:${p.port} wants a login (407, it asks for NTLM or Negotiate).`,
      remedy: expect.stringMatching(
        /by Basic, or by Negotiate with your Windows login \(not by NTLM alone\)/,
      ),
    });
  });

  it('a refused CONNECT names the proxy and its status; a 502 says the proxy could not reach CloudAgent', async () => {
    const p = await proxy({ kind: 'refuse', status: 403 });
    const { client } = clientVia(cliRoutes({ env: { HTTPS_PROXY: p.url } }));
    await expect(dial(client)).rejects.toMatchObject({
      message: `The proxy 127.0.0.1:${p.port} refused the connection to ${CLOUDAGENT_HOST}:${ca.front.port} (403 Forbidden).`,
    });
    p.mode = { kind: 'refuse', status: 502 };
    await expect(dial(client)).rejects.toMatchObject({
      message: `The proxy 127.0.0.1:${p.port} could not reach CloudAgent at ${CLOUDAGENT_HOST}:${ca.front.port} (502 Bad Gateway).`,
    });
  });

  it("an HTTPS proxy whose own certificate the company's CA signed: works once that CA is trusted", async () => {
    const p = await startConnectProxy({ kind: 'tunnel' }, await makeLeaf(ca.inspectionCa, ['localhost']));
    cleanup.push(() => p.close());
    const env = { HTTPS_PROXY: `https://localhost:${p.port}` };
    const without = clientVia(cliRoutes({ env }));
    await expect(dial(without.client)).rejects.toMatchObject({
      kind: 'Network',
      message: expect.stringMatching(
        new RegExp(`^Could not reach the proxy localhost:${p.port}: its certificate is not trusted \\(`),
      ),
      remedy: expect.stringMatching(/Extra CA file \(CLI: --ca-file\)/),
    });
    expect(p.connects).toEqual([]);
    const trusted = clientVia(cliRoutes({ env }), {
      trust: trustOnly([ca.publicCa.cert, ca.inspectionCa.cert]),
    });
    await dial(trusted.client);
    expect(p.connects).toEqual([`${CLOUDAGENT_HOST}:${ca.front.port}`]);
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
  });

  it('"could not reach the proxy" is told apart from CloudAgent failing', async () => {
    const p = await proxy({ kind: 'tunnel' });
    await p.close();
    const { client } = clientVia(cliRoutes({ env: { HTTPS_PROXY: p.url } }));
    await expect(dial(client)).rejects.toMatchObject({
      message: `Could not reach the proxy 127.0.0.1:${p.port} (connection refused).`,
      remedy: expect.stringMatching(/from the environment/),
    });
  });

  it('a dial the proxy refused before sending anything falls through to the next route, and is sent once', async () => {
    const p = await proxy({ kind: 'refuse', status: 403 });
    const routes: RouteSource = {
      routesFor: async () => [
        { kind: 'proxy', proxy: new URL(p.url), from: 'os' },
        { kind: 'direct', from: 'os' },
      ],
      invalidate: () => undefined,
    };
    const { client } = clientVia({ routes });
    await dial(client);
    expect(p.connects).toHaveLength(1);
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
  });
});

describe('a network that inspects TLS', () => {
  it('names the issuer and the fix when the certificate is signed by a CA ConfBar does not trust', async () => {
    const { client } = clientVia(cliRoutes({ env: {} }), { url: ca.inspectedUrl, trust: await loadTrust() });
    await expect(dial(client)).rejects.toMatchObject({
      kind: 'Network',
      message:
        `${CLOUDAGENT_HOST}:${ca.inspectedFront.port}'s certificate is signed by 'Acme Corp Inspection CA', which ` +
        'ConfBar does not trust: your network inspects TLS; ask IT for that CA and set Network → Extra CA file (CLI: --ca-file).',
    });
    expect(actionsSent(ca.sim)).toEqual([]);
  });

  it('works once the inspection CA is given as the extra CA file', async () => {
    const trust = await loadTrust({ extraCaFile: ca.inspectionCaFile });
    expect(trust.describe.extra).toEqual({
      file: ca.inspectionCaFile,
      subjects: ['Acme Corp Inspection CA'],
    });
    expect(trust.describe.bundled).toBeGreaterThan(100);
    const { client, transport } = clientVia(cliRoutes({ env: {} }), { url: ca.inspectedUrl, trust });
    await dial(client);
    const d = await transport.describe(new URL(ca.inspectedUrl).origin);
    expect(d.certificate?.issuer).toBe('Acme Corp Inspection CA');
  });
});
