import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoCall, demoClientOver } from '../../support/net/demo-client';
import type { Trust } from '../../../electron/core/cloudagent/transport';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { cliRoutes } from '../../../electron/core/net/routes';
import { loadTrust } from '../../../electron/core/net/trust';
import { actionsSent } from '../../support/sim-requests';
import { CLOUDAGENT_HOST, startTlsCloudAgent, type TlsCloudAgent } from '../../support/net/cloudagent-tls';
import { squidMissing, startSquid, type Squid, type SquidOptions } from '../../support/net/squid';

// A real proxy from Debian's squid-openssl, started on loopback for each case. Where it is not installed
// the cases report "skipped: squid-openssl not installed", never passed.
const missing = squidMissing();
const PARTY = '09876543210';

let ca: TlsCloudAgent;
const cleanup: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  if (!missing) ca = await startTlsCloudAgent();
});
afterAll(async () => {
  await ca?.close();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  ca?.sim.clearRequests();
});

async function squid(opts: Partial<SquidOptions> = {}): Promise<Squid> {
  const s = await startSquid({ hosts: [CLOUDAGENT_HOST], upstreamCaFile: ca.publicCaFile, ...opts });
  cleanup.push(() => s.close());
  return s;
}

function client(proxyUrl: string, trust: Trust) {
  const { routes, credentials } = cliRoutes({ env: { HTTPS_PROXY: proxyUrl } });
  const transport = createNodeTransport({ routes, credentials, trust, lookup: ca.lookup });
  cleanup.push(() => transport.dispose());
  const c = demoClientOver(ca.url, transport, 5000);
  return { transport, ...demoCall(ca.sim, c, PARTY) };
}

describe.skipIf(missing)(`squid-openssl${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('(a) plain CONNECT: actions go through squid on one kept-alive tunnel', async () => {
    const s = await squid();
    const trust = await loadTrust({ extraCaFile: ca.publicCaFile });
    const c = client(s.url, trust);
    await c.dial();
    for (let i = 0; i < 5; i++) await c.mute();
    expect(actionsSent(ca.sim)).toHaveLength(6);
    const d = await c.transport.describe(new URL(ca.url).origin);
    expect(d.route).toMatchObject({ kind: 'proxy', from: 'environment' });
    expect(d.certificate?.issuer).toBe('ConfBar Test Public Root');
    c.transport.reset(); // closes the tunnel, so squid logs it
    await new Promise((r) => setTimeout(r, 300));
    expect(s.connects()).toEqual([`${CLOUDAGENT_HOST}:${ca.front.port}`]);
  }, 30_000);

  it('(b) Basic auth (basic_ncsa_auth): 407 names Basic without credentials, works with them', async () => {
    const s = await squid({ login: { username: 'agent7', password: 'Sq1d-pass' } });
    const trust = await loadTrust({ extraCaFile: ca.publicCaFile });
    await expect(client(s.url, trust).dial()).rejects.toMatchObject({
      kind: 'Network',
      message: `The proxy 127.0.0.1:${s.port} wants a login (407, it asks for Basic).`,
    });
    await expect(client(`http://agent7:wrong@127.0.0.1:${s.port}`, trust).dial()).rejects.toThrow(
      /refused the proxy login/,
    );
    expect(actionsSent(ca.sim)).toEqual([]);
    await client(`http://agent7:Sq1d-pass@127.0.0.1:${s.port}`, trust).dial();
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
  }, 30_000);

  it('(c) ssl-bump re-signing: fails naming the inspection CA, then works with it as the extra CA file', async () => {
    const s = await squid({ bump: { cert: ca.inspectionCa.cert, key: ca.inspectionCa.key } });
    const without = client(s.url, await loadTrust({ extraCaFile: ca.publicCaFile }));
    await expect(without.dial()).rejects.toMatchObject({
      kind: 'Network',
      message: expect.stringContaining(
        "certificate is signed by 'Acme Corp Inspection CA', which ConfBar does not trust: your network inspects TLS; " +
          'ask IT for that CA and set Network → Extra CA file (CLI: --ca-file)',
      ),
    });
    expect(actionsSent(ca.sim)).toEqual([]);
    const withCa = client(s.url, await loadTrust({ extraCaFile: ca.inspectionCaFile }));
    await withCa.dial();
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
    const d = await withCa.transport.describe(new URL(ca.url).origin);
    expect(d.certificate).toMatchObject({ subject: CLOUDAGENT_HOST, issuer: 'Acme Corp Inspection CA' });
  }, 30_000);
});
