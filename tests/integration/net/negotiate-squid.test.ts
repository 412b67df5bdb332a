import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyCredentials } from '../../../electron/core/cloudagent/transport';
import { kerberosProxyLogin } from '../../../electron/core/net/kerberos-login';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { cliRoutes } from '../../../electron/core/net/routes';
import { loadTrust } from '../../../electron/core/net/trust';
import { CLOUDAGENT_HOST, startTlsCloudAgent, type TlsCloudAgent } from '../../support/net/cloudagent-tls';
import { demoCall, demoClientOver } from '../../support/net/demo-client';
import { kdcMissing, kerberosModuleMissing, startKdc, type Kdc } from '../../support/net/kdc';
import { loopbackLookup } from '../../support/net/lookup';
import {
  squidMissing,
  squidNegotiateMissing,
  startSquid,
  type Squid,
  type SquidOptions,
} from '../../support/net/squid';
import { actionsSent } from '../../support/sim-requests';

// The Windows login on a real Windows-domain-style proxy: Debian's squid asking for Negotiate
// (negotiate_kerberos_auth), a real MIT KDC on loopback, and ConfBar's own login through the `kerberos`
// package's GSSAPI, i.e. what a Linux or macOS agent with a domain ticket gets. (Windows' SSPI is the same
// package's other half: not reachable here.) This file runs in a child process (vitest.config.ts): MIT's
// library reads KRB5_CONFIG and KRB5CCNAME from the real environment, which a worker thread cannot set.
const missing = squidMissing() ?? squidNegotiateMissing() ?? kdcMissing() ?? kerberosModuleMissing();
const PARTY = '09876543210';
const PROXY_HOST = 'proxy.test';

let kdc: Kdc;
let ca: TlsCloudAgent;
const cleanup: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  if (missing) return;
  kdc = await startKdc({ proxyHost: PROXY_HOST });
  ca = await startTlsCloudAgent();
}, 30_000);
afterAll(async () => {
  await ca?.close();
  await kdc?.close();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  ca?.sim.clearRequests();
  Object.assign(process.env, kdc?.env);
});

async function squid(opts: Partial<SquidOptions> = {}): Promise<Squid> {
  const s = await startSquid({
    hosts: [CLOUDAGENT_HOST],
    upstreamCaFile: ca.publicCaFile,
    negotiate: { keytab: kdc.keytab, krb5Config: kdc.krb5Config, servicePrincipal: kdc.servicePrincipal },
    ...opts,
  });
  cleanup.push(() => s.close());
  return s;
}

/** The CLI's composition (routes from HTTPS_PROXY, the kerberos login), with test names resolved in-process. */
async function client(s: Squid, stored?: ProxyCredentials) {
  const { routes, credentials: fromUrl } = cliRoutes({
    env: { HTTPS_PROXY: `http://${PROXY_HOST}:${s.port}` },
  });
  const credentials = stored ?? fromUrl;
  const transport = createNodeTransport({
    routes,
    credentials,
    integratedLogin: kerberosProxyLogin(),
    trust: await loadTrust({ extraCaFile: ca.publicCaFile }),
    lookup: loopbackLookup([CLOUDAGENT_HOST, PROXY_HOST]),
  });
  cleanup.push(() => transport.dispose());
  const c = demoClientOver(ca.url, transport, 5000);
  return { transport, ...demoCall(ca.sim, c, PARTY) };
}

describe.skipIf(missing)(
  `squid asking for Negotiate, a real KDC${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('with a ticket: the dial goes through on the Windows login, once, and the tunnel stays warm', async () => {
      Object.assign(process.env, kdc.env);
      const s = await squid();
      const c = await client(s);
      await c.dial();
      for (let i = 0; i < 5; i++) await c.mute();
      expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`, ...Array(5).fill(`MUTE ${PARTY}`)]);
      c.transport.reset(); // closes the tunnel, so squid logs it
      await new Promise((r) => setTimeout(r, 300));
      expect(s.users()).toContain(kdc.userPrincipal);
      // One tunnel for the six actions (squid also logs the 407 that taught ConfBar the scheme).
      expect(s.connects().length).toBeLessThanOrEqual(2);
    }, 30_000);

    it('offered Negotiate, NTLM and Basic, ConfBar answers Negotiate: no password typed or stored', async () => {
      Object.assign(process.env, kdc.env);
      const s = await squid({ ntlmFake: true, login: { username: 'agent7', password: 'Sq1d-pass' } });
      const c = await client(s);
      await c.dial();
      expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
      c.transport.reset();
      await new Promise((r) => setTimeout(r, 300));
      expect(s.users()).toContain(kdc.userPrincipal);
    }, 30_000);

    it('without a ticket: an error naming the proxy, the scheme and GSSAPI reason; nothing reaches CloudAgent', async () => {
      Object.assign(process.env, kdc.envWithoutTicket());
      const s = await squid();
      const c = await client(s);
      const err = (await c.dial().catch((e: unknown) => e)) as {
        kind: string;
        message: string;
        remedy: string;
      };
      expect(err.kind).toBe('Network');
      expect(err.message).toMatch(
        new RegExp(
          `^Could not log in to the proxy ${PROXY_HOST}:${s.port} with your Windows login \\(Negotiate, service HTTP@${PROXY_HOST}\\): .+\\.$`,
        ),
      );
      expect(err.remedy).toMatch(/kinit/);
      expect(actionsSent(ca.sim)).toEqual([]);
    }, 30_000);

    it('no ticket, squid offering Basic too: the error first; once a Basic login is stored, Basic works', async () => {
      Object.assign(process.env, kdc.envWithoutTicket());
      const s = await squid({ login: { username: 'agent7', password: 'Sq1d-pass' } });
      const stored: { login?: { username: string; password: string } } = {};
      const c = await client(s, { get: async () => stored.login });
      await expect(c.dial()).rejects.toMatchObject({
        message: expect.stringMatching(/with your Windows login/),
      });
      stored.login = { username: 'agent7', password: 'Sq1d-pass' };
      c.transport.reset();
      await c.dial();
      expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`]);
      c.transport.reset();
      await new Promise((r) => setTimeout(r, 300));
      expect(s.users()).toContain('agent7');
    }, 30_000);

    it('NTLM alone is named as such, never attempted with a Kerberos token', async () => {
      Object.assign(process.env, kdc.env);
      const s = await startSquid({
        hosts: [CLOUDAGENT_HOST],
        upstreamCaFile: ca.publicCaFile,
        ntlmFake: true,
      });
      cleanup.push(() => s.close());
      const c = await client(s);
      await expect(c.dial()).rejects.toMatchObject({
        message: `The proxy ${PROXY_HOST}:${s.port} wants a login (407, it asks for NTLM).`,
        remedy: expect.stringMatching(/not by NTLM alone/),
      });
      expect(actionsSent(ca.sim)).toEqual([]);
    }, 30_000);
  },
);
