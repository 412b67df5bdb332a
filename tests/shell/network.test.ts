import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../shared/session';
import { CLOUDAGENT_HOST, startTlsCloudAgent, type TlsCloudAgent } from '../support/net/cloudagent-tls';
import { startConnectProxy, type ConnectProxy } from '../support/net/connect-proxy';
import { bootMain, until, type Booted } from './boot';
import { invokeOver, valueOf } from './ipc-driver';

/**
 * The built main bundle's network under the Electron double: Chromium's resolveProxy answer (doubled) routes
 * the app's requests through an in-process CONNECT proxy on loopback, the extra CA file from Settings makes
 * the test CA trusted, and powerMonitor 'resume' drops the pool. `cloudagent.test` is resolved by the proxy
 * from its own table: no DNS query leaves the machine. (A double: not the Electron e2e suite.)
 */
let booted: Booted;
let proxy: ConnectProxy;
let ca: TlsCloudAgent;
let origin = '';

const double = () => booted.double;
const check = (checks: DoctorCheck[], name: string) => {
  const c = checks.find((x) => x.name === name);
  if (!c) throw new Error(`no "${name}" line in ${checks.map((x) => x.name).join(', ')}`);
  return c;
};
const doctor = async () => valueOf(await invokeOver(double(), 'runDoctor', {}));

beforeAll(async () => {
  // The simulator behind TLS re-signed by "Acme Corp Inspection CA", as a TLS-inspecting firewall shows it.
  ca = await startTlsCloudAgent();
  proxy = await startConnectProxy({ kind: 'tunnel' });
  origin = ca.inspectedUrl;
  booted = await bootMain({ proxyAnswers: { [origin]: `PROXY 127.0.0.1:${proxy.port}` } });
  double().ready();
  await until(() => double().windows()[0]?.isVisible(), 'the toolbar window to show');
  const caFile = ca.inspectionCaFile;
  valueOf(
    await invokeOver(double(), 'updateSettings', {
      patch: {
        account: { baseUrl: `${origin}/CAServices`, mode: 'basic', userName: 'agent7' },
        network: { extraCaFile: caFile },
      },
    }),
  );
});

afterAll(async () => {
  await proxy?.close();
  await ca?.close();
});

describe('main process network (Electron double, not the Electron e2e suite)', () => {
  it("routes the app's requests the way resolveProxy answers, trusting the extra CA file from Settings", async () => {
    const checks = await doctor();
    expect(check(checks, 'Network route').detail).toMatch(
      new RegExp(`^via proxy 127\\.0\\.0\\.1:${proxy.port}\\b.*from the system settings \\(OS/PAC\\)`),
    );
    expect(check(checks, 'Host reachable').ok).toBe(true);
    expect(check(checks, 'Certificate').detail).toMatch(/issued by 'Acme Corp Inspection CA'/);
    expect(check(checks, 'Extra CA file')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/Acme Corp Inspection CA/),
    });
    expect(proxy.connects).toContain(`${CLOUDAGENT_HOST}:${ca.inspectedFront.port}`);
    expect(double().proxy.asked).toContain(`${origin}/`);
    expect(double().journal).toContain('powerMonitor.on:resume');

    // The saved diagnostic report carries the same lines.
    const saved = valueOf(await invokeOver(double(), 'saveDiagnosticReport', {}));
    const report = readFileSync(saved.path!, 'utf8');
    expect(report).toMatch(
      new RegExp(`ok +Network route: via proxy 127\\.0\\.0\\.1:${proxy.port}\\b.*OS/PAC`),
    );
    expect(report).toMatch(/Certificate: .*issued by 'Acme Corp Inspection CA'/);
    expect(report).toMatch(/Extra CA file: .*is trusted too \(Acme Corp Inspection CA\)/);
  });

  it("powerMonitor 'resume' drops the pool: the next request opens a new connection and asks the OS again", async () => {
    await doctor();
    const tunnels = proxy.connects.length;
    const asked = double().proxy.asked.length;
    await doctor(); // pooled: no new tunnel, the cached route
    expect(proxy.connects.length).toBe(tunnels);
    expect(double().proxy.asked.length).toBe(asked);

    double().powerMonitor.emit('resume');
    await doctor();
    expect(proxy.connects.length).toBe(tunnels + 1);
    expect(double().proxy.asked.length).toBe(asked + 1);
  });

  it('a changed resolveProxy answer applies after resume; Settings → Network → Proxy none overrides the OS', async () => {
    double().proxy.answers[origin] = 'SOCKS5 socks.corp:1080';
    double().powerMonitor.emit('resume');
    const socks = check(await doctor(), 'Network route');
    expect(socks.ok).toBe(false);
    expect(socks.detail).toMatch(/SOCKS5 proxy socks\.corp:1080, which ConfBar does not support/);

    valueOf(await invokeOver(double(), 'updateSettings', { patch: { network: { proxy: 'none' } } }));
    expect(check(await doctor(), 'Network route').detail).toMatch(/^direct\b.*from Settings → Network/);
  });

  it('refuses a missing CA file on save, naming the field, and keeps the one in force', async () => {
    const r = await invokeOver(double(), 'updateSettings', {
      patch: { network: { extraCaFile: '/nonexistent/confbar/ca.pem' } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(
      'network.extraCaFile: The extra CA file /nonexistent/confbar/ca.pem does not exist.',
    );
    const view = valueOf(await invokeOver(double(), 'getSettings', {}));
    expect(view.settings.network.extraCaFile).toBe(ca.inspectionCaFile);
  });
});
