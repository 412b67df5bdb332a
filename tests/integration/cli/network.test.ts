import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { actionsSent } from '../../support/sim-requests';
import { CLOUDAGENT_HOST, startTlsCloudAgent, type TlsCloudAgent } from '../../support/net/cloudagent-tls';
import { startConnectProxy, type ConnectProxy } from '../../support/net/connect-proxy';
import { confbar, tempHome, type RunOptions } from './helpers';

// The CLI on a network with a proxy and TLS inspection: the same transport as the app, its route from the
// environment and --proxy/--no-proxy, its trust from --ca-file, CONFBAR_CA_FILE and NODE_EXTRA_CA_CERTS.
const PARTY = '09876543210';
let ca: TlsCloudAgent;
const cleanup: Array<() => Promise<void>> = [];
beforeAll(async () => {
  ca = await startTlsCloudAgent();
});
afterAll(() => ca.close());
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
  ca.sim.clearRequests();
});

async function proxy(login?: { username: string; password: string }): Promise<ConnectProxy> {
  const p = await startConnectProxy({ kind: 'tunnel', login });
  cleanup.push(() => p.close());
  return p;
}

const account = (url = ca.url) => [
  '--base-url',
  url,
  '--mode',
  'basic',
  '--user',
  DEMO_ACCOUNT.userName,
  '--did',
  DEMO_ACCOUNT.did,
  '--agent-phone-name',
  'demo-phone',
  '--agent-number',
  DEMO_ACCOUNT.phones['demo-phone']!,
];
const run = (args: string[], opts: RunOptions = {}) =>
  confbar(args, { apiKey: DEMO_ACCOUNT.apiKey, lookup: ca.lookup, ...opts });
const conference = (extra: string[], opts: RunOptions = {}, url?: string) => {
  const ucid = ca.sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
  return run(['conference', PARTY, '--ucid', ucid, ...account(url), ...extra], opts);
};

describe('confbar on a proxied network', () => {
  it('goes through HTTPS_PROXY, and doctor names the route, the trust and the issuer', async () => {
    const p = await proxy();
    const env = { HTTPS_PROXY: p.url };
    const r = await conference(['--ca-file', ca.publicCaFile], { env });
    expect(r.code).toBe(0);
    expect(p.connects).toEqual([`${CLOUDAGENT_HOST}:${ca.front.port}`]);

    const d = await run(['doctor', ...account(), '--ca-file', ca.publicCaFile], { env });
    expect(d.stdout).toContain(
      `ok    Network route: via proxy 127.0.0.1:${p.port}, from the environment: HTTPS_PROXY/HTTP_PROXY, NO_PROXY`,
    );
    expect(d.stdout).toMatch(
      new RegExp(
        `ok    Certificate: ${CLOUDAGENT_HOST} presented a certificate for '${CLOUDAGENT_HOST}' issued by ` +
          `'ConfBar Test Public Root' \\(valid to .+\\); trusted: \\d+ bundled roots \\+ .*public-ca\\.pem \\(ConfBar Test Public Root\\)`,
      ),
    );
  });

  it('--proxy with a login sends it to the proxy and never prints it, not even in doctor --trace', async () => {
    const p = await proxy({ username: 'agent7', password: 'cli-pr0xy-pass' });
    const home = tempHome();
    const trace = path.join(home, 'report.txt');
    const proxyUrl = `http://agent7:cli-pr0xy-pass@127.0.0.1:${p.port}`;
    const r = await conference(['--proxy', proxyUrl, '--ca-file', ca.publicCaFile, '--verbose']);
    expect(r.code).toBe(0);
    const d = await run(
      ['doctor', ...account(), '--proxy', proxyUrl, '--ca-file', ca.publicCaFile, '--trace', trace],
      {
        home,
      },
    );
    expect(d.stdout).toContain(
      `Network route: via proxy 127.0.0.1:${p.port}, from the command line (--proxy/--no-proxy)`,
    );
    for (const text of [r.stdout, r.stderr, d.stdout, d.stderr, fs.readFileSync(trace, 'utf8')]) {
      expect(text).not.toContain('cli-pr0xy-pass');
    }
  });

  it('--no-proxy goes direct whatever HTTPS_PROXY says; NO_PROXY too', async () => {
    const dead = 'http://127.0.0.1:9'; // nothing listens there
    const env = { HTTPS_PROXY: dead, CONFBAR_CA_FILE: ca.publicCaFile };
    expect((await conference(['--no-proxy'], { env })).code).toBe(0);
    expect((await conference([], { env: { ...env, NO_PROXY: CLOUDAGENT_HOST } })).code).toBe(0);
    const through = await conference([], { env });
    expect(through.code).toBe(3);
    expect(through.stderr).toContain('Could not reach the proxy 127.0.0.1:9 (connection refused)');
    expect(actionsSent(ca.sim)).toEqual([`CONFERENCE ${PARTY}`, `CONFERENCE ${PARTY}`]);
  });

  it('NODE_EXTRA_CA_CERTS keeps working', async () => {
    const r = await conference([], { env: { NODE_EXTRA_CA_CERTS: ca.publicCaFile } });
    expect(r.code).toBe(0);
  });
});

describe('confbar behind TLS inspection', () => {
  it('names the inspection CA and --ca-file, then works with --ca-file', async () => {
    const without = await conference([], {}, ca.inspectedUrl);
    expect(without.code).toBe(3);
    expect(without.stderr).toContain(
      "certificate is signed by 'Acme Corp Inspection CA', which ConfBar does not trust: your network inspects TLS; " +
        'ask IT for that CA and set Network → Extra CA file (CLI: --ca-file)',
    );
    const withCa = await conference(['--ca-file', ca.inspectionCaFile], {}, ca.inspectedUrl);
    expect(withCa.code).toBe(0);
  });

  it('a missing or non-certificate --ca-file is said in words (exit 2), nothing sent', async () => {
    const missing = await conference(['--ca-file', '/nonexistent/acme.pem']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The extra CA file /nonexistent/acme.pem does not exist.');
    const notCert = path.join(tempHome(), 'notes.txt');
    fs.writeFileSync(notCert, 'not a certificate');
    const bad = await conference([], { env: { CONFBAR_CA_FILE: notCert } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`The extra CA file ${notCert} holds no PEM certificate.`);
    expect(actionsSent(ca.sim)).toEqual([]);
  });

  it('refuses a SOCKS proxy and contradictory options in words (exit 2)', async () => {
    const socks = await conference(['--proxy', 'socks5://127.0.0.1:1080']);
    expect(socks.code).toBe(2);
    expect(socks.stderr).toContain(
      '--proxy names a SOCKS proxy (127.0.0.1:1080); ConfBar supports HTTP proxies only.',
    );
    const both = await conference(['--proxy', 'http://127.0.0.1:1', '--no-proxy']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--proxy and --no-proxy contradict each other');
  });
});
