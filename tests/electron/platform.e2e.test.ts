import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlobalShortcutStatus } from '../../shared/session';
import { linuxDisplay } from '../../electron/shell/platform-shell';
import { SKIP_REASON, electronBinary } from './electron-binary';

/**
 * What only a real Electron shows of the per-OS shell (electron/shell/platform-shell.ts), on whichever system
 * runs it: the release workflow runs this on Linux (xvfb), Windows and both Mac architectures.
 */
const binary = electronBinary();
if (!binary) console.log(`electron e2e (platform) ${SKIP_REASON}`);

describe.skipIf(!binary)(`ConfBar's per-OS shell in Electron${binary ? '' : ` (${SKIP_REASON})`}`, () => {
  let app: ElectronApplication;
  let home: string;

  beforeAll(async () => {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    home = mkdtempSync(join(tmpdir(), 'confbar-electron-platform-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${join(home, 'data')}`],
      env: { ...process.env, HOME: home, CONFBAR_DEMO: '1' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps the toolbar on every Space on macOS (fullscreen CRM), and only there', async () => {
    await app.firstWindow();
    const all = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.isVisibleOnAllWorkspaces(),
    );
    expect(all).toBe(process.platform === 'darwin');
  });

  it('asked Chromium for the display server linuxDisplay chose (XWayland on a Wayland desktop)', async () => {
    const display = linuxDisplay(process.platform, process.env, []);
    const ozone = await app.evaluate(({ app: a }) => a.commandLine.getSwitchValue('ozone-platform'));
    expect(ozone).toBe(display.kind === 'xwayland' ? 'x11' : '');
  });

  it('reports every global shortcut as registered or with a reason, never silently dead', async () => {
    const page = await app.firstWindow();
    const r = await page.evaluate(() => window.confbar.invoke('globalShortcutStatus', {}));
    expect(r.ok).toBe(true);
    const statuses = (r as { value: GlobalShortcutStatus[] }).value;
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) {
      if (s.accelerator !== null) expect(s.registered || (s.problem ?? '') !== '').toBe(true);
    }
  });

  it('--smoke boots main, loads the native keychain module for this architecture and exits 0', () => {
    const out = join(home, 'smoke.txt');
    const run = spawnSync(binary!, ['.', `--smoke=${out}`, `--user-data-dir=${join(home, 'smoke-data')}`], {
      env: { ...process.env, HOME: home },
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`keytar loaded (${process.platform}-${process.arch})`);
  });
});
