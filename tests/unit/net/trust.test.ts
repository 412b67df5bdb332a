import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTrust } from '../../../electron/core/net/trust';
import { makeCa } from '../../support/net/certs';

const dir = mkdtempSync(join(tmpdir(), 'confbar-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('loadTrust', () => {
  it("is Node's bundled roots by default, the OS store only where the runtime has it", async () => {
    const t = await loadTrust({ system: true });
    expect(t.describe.bundled).toBeGreaterThan(100);
    expect(t.describe.bundled).toBeLessThanOrEqual(tls.rootCertificates.length);
    const hasSystem = typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function';
    if (!hasSystem) expect(t.describe.system).toBe(0);
    expect(t.ca.length).toBe(t.describe.bundled + t.describe.system);
  });

  it('adds the extra file and names its subjects', async () => {
    const ca = await makeCa('Acme Corp Inspection CA');
    const t = await loadTrust({ extraCaFile: file('acme.pem', `# from IT\n${ca.cert}`) });
    expect(t.ca).toHaveLength(t.describe.bundled + 1);
    expect(new X509Certificate(t.ca.at(-1)!).fingerprint256).toBe(
      new X509Certificate(ca.cert).fingerprint256,
    );
    expect(t.describe.extra?.subjects).toEqual(['Acme Corp Inspection CA']);
  });

  it('drops expired certificates', async () => {
    const later = Date.now() + 2 * 24 * 3600_000; // the test CA is valid for one day
    const ca = await makeCa('Short-lived CA');
    const other = await makeCa('Other CA');
    await expect(loadTrust({ extraCaFile: file('expired.pem', ca.cert), now: () => later })).rejects.toThrow(
      /holds only certificates that are expired or not yet valid/,
    );
    const t = await loadTrust({ extraCaFile: file('two.pem', other.cert + ca.cert) });
    expect(t.describe.extra?.subjects).toEqual(['Other CA', 'Short-lived CA']);
  });

  it('says what is wrong with a missing, unreadable or non-certificate file (never a crash)', async () => {
    await expect(loadTrust({ extraCaFile: join(dir, 'nope.pem') })).rejects.toMatchObject({
      kind: 'InvalidInput',
      message: `The extra CA file ${join(dir, 'nope.pem')} does not exist.`,
    });
    await expect(loadTrust({ extraCaFile: file('text.pem', 'hello') })).rejects.toThrow(
      /holds no PEM certificate/,
    );
    await expect(
      loadTrust({
        extraCaFile: file('bad.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      }),
    ).rejects.toThrow(/not a readable certificate/);
    if (process.getuid?.() !== 0) {
      const locked = file('locked.pem', 'x');
      chmodSync(locked, 0);
      await expect(loadTrust({ extraCaFile: locked })).rejects.toThrow(
        /cannot be read \(permission denied\)/,
      );
    }
  });
});
