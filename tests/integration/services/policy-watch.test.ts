import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../shared/settings';
import { createFilePolicySource } from '../../../electron/core/settings/policy';
import type { Services } from '../../../electron/core/services';
import { invokers, realServices } from '../../support/services-parts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Resolves with the first `settings` event that satisfies `test`. */
function nextSettings(services: Services, test: (v: SettingsView) => boolean): Promise<SettingsView> {
  return new Promise((resolve) => {
    const off = services.on('settings', (view) => {
      if (!test(view)) return;
      off();
      resolve(view);
    });
  });
}

describe('the admin policy file is watched', () => {
  // Slow on a loaded machine (real settings files, file polling), so it gets the suite's long timeout.
  it(
    'an edit, and then its removal, apply without a restart and reach the renderer as a settings event',
    {
      timeout: 60_000,
    },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'confbar-policy-watch-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const policyFile = join(dir, 'policy.json'); // does not exist yet: no policy
      const services = await realServices(join(dir, 'data'), {
        policy: createFilePolicySource({ path: policyFile, watchIntervalMs: 20 }),
      });
      cleanups.push(() => services.dispose());
      const { call } = invokers(services);
      await call('updateSettings', { patch: { behaviour: { alwaysOnTop: false } } });
      expect((await call('getSettings', {})).locked).toEqual([]);

      const locked = nextSettings(services, (v) => v.locked.includes('behaviour.alwaysOnTop'));
      writeFileSync(policyFile, JSON.stringify({ behaviour: { alwaysOnTop: true } }));
      const view = await locked;
      expect(view.settings.behaviour.alwaysOnTop).toBe(true);
      expect((await call('getSettings', {})).policySource).toBe(policyFile);

      const released = nextSettings(services, (v) => v.locked.length === 0);
      rmSync(policyFile);
      const after = await released;
      expect(after.settings.behaviour.alwaysOnTop).toBe(false); // the agent's own value comes back
    },
  );
});
