import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_REASON, electronBinary } from './electron-binary';

const binary = electronBinary();
if (!binary) console.log(`electron e2e ${SKIP_REASON}`);

describe.skipIf(!binary)(`ConfBar in Electron${binary ? '' : ` (${SKIP_REASON})`}`, () => {
  let app: ElectronApplication;

  beforeAll(async () => {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    const home = mkdtempSync(join(tmpdir(), 'confbar-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${join(home, 'data')}`],
      env: { ...process.env, HOME: home, CONFBAR_DEMO: '1' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens one always-on-top toolbar window with the renderer sandboxed', async () => {
    const page = await app.firstWindow();
    await expect.poll(() => page.title()).toBe('ConfBar');
    const onTop = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.isAlwaysOnTop(),
    );
    expect(onTop).toBe(true);
    // Context isolation + sandbox + no node integration: the page sees neither Node nor Electron.
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w.require, process: typeof w.process, module: typeof w.module };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  it('exposes exactly the contract on window.confbar and answers getSnapshot', async () => {
    const page = await app.firstWindow();
    const keys = await page.evaluate(() => Object.keys(window.confbar).sort());
    expect(keys).toEqual(['invoke', 'on']);
    const snap = await page.evaluate(() => window.confbar.invoke('getSnapshot', {}));
    expect(snap.ok).toBe(true);
  });

  it('refuses to open new windows or navigate away', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => window.open('https://example.invalid/'));
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).not.toContain('example.invalid');
  });
});
