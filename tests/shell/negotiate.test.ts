import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeInput, InvokeName } from '../../shared/contract';
import type { DoctorCheck } from '../../shared/session';
import { DEMO_ACCOUNT } from '../../electron/simulator/accounts';
import { startTlsCloudAgent, type TlsCloudAgent } from '../support/net/cloudagent-tls';
import { kdcMissing, kerberosModuleMissing, startKdc, type Kdc } from '../support/net/kdc';
import { squidMissing, squidNegotiateMissing, startSquid, type Squid } from '../support/net/squid';
import { actionsSent } from '../support/sim-requests';
import { bootMain, until, type Booted } from './boot';
import { invokeOver, valueOf } from './ipc-driver';

/**
 * The built main bundle behind a Windows-domain-style proxy, under the Electron double: Chromium's
 * resolveProxy answer (doubled) names squid asking for Negotiate; the app logs in with the user's Kerberos
 * ticket from a real MIT KDC on loopback, through the `kerberos` module, as it ships. The proxy is named
 * `localhost` (its service HTTP/localhost; /etc/hosts, no DNS); squid resolves `cloudagent.test` from its own
 * table. This file is its own process, so MIT Kerberos reads KRB5_CONFIG/KRB5CCNAME set here.
 * (A double: not the Electron e2e suite.)
 */
const missing = squidMissing() ?? squidNegotiateMissing() ?? kdcMissing() ?? kerberosModuleMissing();
const PARTY = '09876543210';

let kdc: Kdc;
let ca: TlsCloudAgent;
let squid: Squid;
let booted: Booted;
const invoke = <K extends InvokeName>(channel: K, input: InvokeInput<K>) =>
  invokeOver(booted.double, channel, input);

beforeAll(async () => {
  if (missing) return;
  kdc = await startKdc({ proxyHost: 'localhost' });
  ca = await startTlsCloudAgent();
  squid = await startSquid({
    hosts: ['cloudagent.test'],
    upstreamCaFile: ca.publicCaFile,
    negotiate: { keytab: kdc.keytab, krb5Config: kdc.krb5Config, servicePrincipal: kdc.servicePrincipal },
  });
  booted = await bootMain({
    proxyAnswers: { [new URL(ca.url).origin]: `PROXY localhost:${squid.port}` },
    env: { ...kdc.env },
  });
  booted.double.ready();
  await until(() => booted.double.windows()[0]?.isVisible(), 'the toolbar window to show');
  valueOf(
    await invoke('updateSettings', {
      patch: {
        account: {
          baseUrl: ca.url,
          region: 'in',
          mode: 'basic',
          userName: DEMO_ACCOUNT.userName,
          did: DEMO_ACCOUNT.did,
          agentPhoneName: 'demo-phone',
          agentNumber: DEMO_ACCOUNT.phones['demo-phone']!,
        },
        network: { extraCaFile: ca.publicCaFile },
      },
    }),
  );
  valueOf(await invoke('setKey', { apiKey: DEMO_ACCOUNT.apiKey }));
}, 60_000);

afterAll(async () => {
  await squid?.close();
  await ca?.close();
  await kdc?.close();
});

describe.skipIf(missing)(
  `main process behind a Negotiate proxy (Electron double${missing ? `; skipped: ${missing}` : ''})`,
  () => {
    it('dials through the proxy on the Windows login, once; doctor names the route and the login', async () => {
      const ucid = ca.sim.createCall({ agentPhoneName: 'demo-phone' });
      valueOf(await invoke('setUcid', { text: ucid }));
      valueOf(await invoke('addParticipant', { number: PARTY, sip: false }));
      await until(
        async () => valueOf(await invoke('getSnapshot', {})).session?.participants[0]?.state === 'connected',
        'the party to connect',
      );
      expect(actionsSent(ca.sim).filter((a) => a.startsWith('CONFERENCE'))).toEqual([`CONFERENCE ${PARTY}`]);

      const checks: DoctorCheck[] = valueOf(await invoke('runDoctor', {}));
      const line = (name: string) => checks.find((c) => c.name === name);
      expect(line('Network route')?.detail).toMatch(
        new RegExp(`^via proxy localhost:${squid.port}\\b.*from the system settings \\(OS/PAC\\)`),
      );
      expect(line('Proxy login')).toMatchObject({ ok: true, detail: expect.stringMatching(/Negotiate/) });
      expect(line('Authentication (basic)')?.ok).toBe(true);
      await until(() => squid.users().includes(kdc.userPrincipal), 'squid to log the user');
    }, 30_000);
  },
);
