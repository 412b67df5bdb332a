import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/core/services';
import { createConfBackend } from '../../../electron/core/settings/conf-backend';
import { createMemoryVault } from '../../../electron/core/vault/memory-vault';
import { forgetSecrets } from '../../../electron/core/redact';
import { startDemoSimulator } from '../../../electron/simulator/demo';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { simulator } from '../../support/sim-env';
import { configureAccount, invokers } from '../../support/services-parts';
import { directTransport } from '../../support/transport';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  forgetSecrets();
});

/** Settings → Test connection → "Save a diagnostic report…", through the real handler table. */
describe('saveDiagnosticReport', () => {
  const KEY = 'Report-Key/9876+wxyz';
  const account = { ...DEMO_ACCOUNT, apiKey: KEY };

  async function setup(chooseSavePath?: (name: string) => Promise<string | null>) {
    const dataDir = mkdtempSync(join(tmpdir(), 'confbar-report-'));
    dirs.push(dataDir);
    const sim = await simulator({ accounts: [account] });
    const services = await createServices({
      dataDir,
      settingsBackend: createConfBackend({ cwd: join(dataDir, 'settings'), projectName: 'confbar' }),
      vault: createMemoryVault(),
      shell: { globalShortcutStatus: () => [], ...(chooseSavePath ? { chooseSavePath } : {}) },
      version: '9.9.9-test',
      startDemo: () => startDemoSimulator(),
      transport: directTransport(),
    });
    const { call, fail } = invokers(services);
    await configureAccount(call, { baseUrl: sim.url, account, mode: 'token' });
    return { dataDir, sim, services, call, fail };
  }

  it('writes the checks and every exchange where the save dialog says, without key or token', async () => {
    let asked = '';
    const target = { path: '' };
    const { dataDir, sim, services, call } = await setup(async (name) => {
      asked = name;
      return target.path;
    });
    target.path = join(dataDir, 'report.txt');
    try {
      const r = await call('saveDiagnosticReport', {});
      expect(asked).toMatch(/^confbar-diagnostic-.*\.txt$/);
      expect(r.path).toBe(target.path);
      expect(r.exchanges).toBeGreaterThan(0);
      expect(r.checks.every((c) => c.ok)).toBe(true);
      const report = readFileSync(target.path, 'utf8');
      expect(report).toContain('by ConfBar app 9.9.9-test');
      expect(report).toContain(`Exchanges (${r.exchanges})`);
      const token = sim.tokenFor(DEMO_ACCOUNT.userName)?.token ?? '';
      expect(token).not.toBe('');
      const lower = report.toLowerCase();
      for (const secret of [KEY, token]) {
        for (const form of [
          secret,
          encodeURIComponent(secret),
          new URLSearchParams({ v: secret }).toString().slice(2),
        ])
          expect(lower).not.toContain(form.toLowerCase());
      }
      expect(statSync(target.path).mode & 0o077).toBe(0);
    } finally {
      await services.dispose();
    }
  });

  it('a cancelled dialog saves nothing; without a desktop shell it says what to use', async () => {
    const cancelled = await setup(async () => null);
    try {
      expect(await cancelled.call('saveDiagnosticReport', {})).toMatchObject({ path: null });
    } finally {
      await cancelled.services.dispose();
    }
    const headless = await setup();
    try {
      const e = await headless.fail('saveDiagnosticReport', {});
      expect(e.remedy).toMatch(/confbar doctor --trace FILE/);
    } finally {
      await headless.services.dispose();
    }
  });
});
