import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { RouteDescription } from '../../../electron/core/cloudagent/transport';
import { describeRoute, describeTrust, networkChecks } from '../../../electron/core/doctor-network';

const ORIGIN = 'https://api.cloudagent.example';
const via = (d: RouteDescription | Error) => ({
  describe: async () => {
    if (d instanceof Error) throw d;
    return d;
  },
});

describe("doctor's network lines", () => {
  it('names the route and where it came from', () => {
    expect(describeRoute({ kind: 'direct', from: 'loopback' })).toBe(
      'Direct (always, for this computer (loopback))',
    );
    expect(describeRoute({ kind: 'proxy', proxy: new URL('http://proxy.corp:3128'), from: 'os' })).toBe(
      'Through proxy proxy.corp:3128 (from the system proxy settings (OS / PAC))',
    );
    expect(describeRoute({ kind: 'proxy', proxy: new URL('https://p.corp:8443'), from: 'setting' })).toMatch(
      /p\.corp:8443 \(HTTPS, from Settings → Network\)/,
    );
  });

  it('counts what is trusted and names the extra file and its subjects', () => {
    expect(describeTrust({ bundled: 146, system: 0 })).toBe(
      '146 bundled root certificates + no system store (not available here)',
    );
    expect(
      describeTrust({
        bundled: 146,
        system: 12,
        extra: { file: '/etc/corp-ca.pem', subjects: ['CN=Acme Inspection CA'] },
      }),
    ).toBe(
      '146 bundled root certificates + 12 from the system store + the extra CA file /etc/corp-ca.pem (CN=Acme Inspection CA)',
    );
  });

  it('gives route, trust and the issuer of the certificate CloudAgent presented', async () => {
    const checks = await networkChecks({
      transport: via({
        route: { kind: 'proxy', proxy: new URL('http://proxy.corp:3128'), from: 'os' },
        trust: { bundled: 146, system: 3 },
        certificate: {
          subject: 'CN=api.cloudagent.example',
          issuer: 'CN=Acme Inspection CA',
          validTo: '2027-01-01',
        },
      }),
      origin: ORIGIN,
    });
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Network route', true],
      ['Trust', true],
      ['Certificate', true],
    ]);
    expect(checks[2]?.detail).toContain('issued by "CN=Acme Inspection CA"');
  });

  it('fails the trust line when the extra CA file is not in force, and the route line on an error', async () => {
    const trust = await networkChecks({
      transport: via({ route: { kind: 'direct', from: 'setting' }, trust: { bundled: 146, system: 0 } }),
      origin: ORIGIN,
      trustProblem: 'The extra CA file /etc/corp-ca.pem does not exist.',
    });
    expect(trust.find((c) => c.name === 'Trust')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/does not exist/),
    });
    const socks = await networkChecks({
      transport: via(new AppError('Network', 'SOCKS5 proxy s:1 is not supported.', 'Ask IT.')),
      origin: ORIGIN,
    });
    expect(socks).toEqual([
      { name: 'Network route', ok: false, detail: 'SOCKS5 proxy s:1 is not supported. Ask IT.' },
    ]);
  });
});
