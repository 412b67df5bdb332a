import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Snapshot } from '../../../shared/session';
import { createNodeTransport } from '../../../electron/core/net/node-transport';
import { noProxyMatches } from '../../../electron/core/net/routes';
import { trustOnly } from '../../../electron/core/net/trust';
import { forgetSecrets } from '../../../electron/core/redact';
import { createServices } from '../../../electron/core/services';
import { createConfBackend } from '../../../electron/core/settings/conf-backend';
import { createMemoryVault } from '../../../electron/core/vault/memory-vault';
import { vaultProxyCredentials } from '../../../electron/core/vault/proxy-login';
import { createOsRouteSource } from '../../../electron/shell/os-route-source';
import { startDemoSimulator } from '../../../electron/simulator/demo';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { createMemoryLogger } from '../../support/memory-logger';
import { startTlsCloudAgent } from '../../support/net/cloudagent-tls';
import { startConnectProxy } from '../../support/net/connect-proxy';
import { configureAccount, invokers } from '../../support/services-parts';
import { findSecrets, type Finding } from './leak-search';
import { filesUnder, recordSurfaces } from './secrets';

// A proxy login (Settings → Network → Proxy login) travels once from the page to the keychain and then only
// in Proxy-Authorization headers to the proxy. After a session through a Basic proxy — a 407 first, the login
// entered, calls, doctor, the diagnostic report — no spelling of the password (or of the header's base64) may
// be on any surface ConfBar writes or shows.
const LOGIN = { username: 'corp.jdoe', password: 'Pr0xy+Pass/9=Qz!' };
const BASIC = Buffer.from(`${LOGIN.username}:${LOGIN.password}`).toString('base64');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('proxy login hygiene', () => {
  it('keeps the proxy password out of IPC results, events, files, the report and the log', async () => {
    forgetSecrets();
    const ca = await startTlsCloudAgent();
    const proxy = await startConnectProxy({ kind: 'tunnel', login: LOGIN });
    const dataDir = mkdtempSync(join(tmpdir(), 'confbar-proxy-secrets-'));
    temps.push(dataDir);
    const log = createMemoryLogger();
    const vault = createMemoryVault();
    const routes = createOsRouteSource({
      network: () => DEFAULT_SETTINGS.network,
      resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}`,
      bypass: (url, noProxy) => noProxyMatches(noProxy, url),
      log,
    });
    const transport = createNodeTransport({
      routes,
      trust: trustOnly([ca.publicCa.cert]),
      credentials: vaultProxyCredentials(vault),
      lookup: ca.lookup,
      log,
    });
    const services = await createServices({
      dataDir,
      settingsBackend: createConfBackend({ cwd: join(dataDir, 'settings'), projectName: 'confbar' }),
      vault,
      log,
      shell: { globalShortcutStatus: () => [], chooseSavePath: async (name) => join(dataDir, name) },
      startDemo: () => startDemoSimulator(),
      transport,
    });
    const { events, results, invoke } = recordSurfaces(services);
    const { call } = invokers({ invoke });
    try {
      await configureAccount(call, { baseUrl: ca.url, account: DEMO_ACCOUNT, mode: 'basic' });
      const ucid = ca.sim.createCall({ agentPhoneName: 'demo-phone' });
      await call('setUcid', { text: ucid });
      // No login yet: the proxy's 407 is shown, naming where to enter it.
      const refused = await invoke('addParticipant', { number: '09811112222', sip: false });
      expect(JSON.stringify(refused)).toMatch(/wants a login \(407, it asks for Basic\)/);
      await call('setProxyLogin', { proxy: `127.0.0.1:${proxy.port}`, ...LOGIN });
      const added = (await call('addParticipant', { number: '09833334444', sip: false })) as Snapshot;
      const id = added.session!.participants.find((p) => p.number === '09833334444')!.id;
      await invoke('toggleMute', { id });
      await invoke('proxyLoginStatus', { proxy: `127.0.0.1:${proxy.port}` });
      await invoke('runDoctor', {});
      await invoke('saveDiagnosticReport', {});
      await invoke('getSettings', {});
    } finally {
      await services.dispose();
      transport.dispose();
      await proxy.close();
      await ca.close();
    }
    // The proof means something only if the login did travel to the proxy.
    expect(proxy.logins).toContain(`Basic ${BASIC}`);
    expect(ca.sim.requests.length).toBeGreaterThan(0);

    const secrets = [LOGIN.password, BASIC];
    const files = filesUnder(dataDir);
    expect(files.some(([p]) => p.includes('confbar-diagnostic-'))).toBe(true);
    const findings: Finding[] = [
      ...results.flatMap((r) => findSecrets(`IPC result of ${r.channel}`, JSON.stringify(r.result), secrets)),
      ...events.flatMap((e) => findSecrets(`event ${e.event}`, JSON.stringify(e.payload), secrets)),
      ...files.flatMap(([path, text]) => findSecrets(`file ${path.slice(dataDir.length)}`, text, secrets)),
      ...log.lines().flatMap((line) => findSecrets('log', line, secrets)),
    ];
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
