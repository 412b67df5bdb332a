import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../../electron/shell/platform-shell';

/** What a first run on a real machine needs from the package, the installer config and the workflows. */
const ROOT = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  desktopName: string;
  scripts: Record<string, string>;
};
const workflow = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
/** The index of the first line matching `re` (fails the test when there is none). */
const lineOf = (text: string, re: RegExp) => {
  const i = text.split('\n').findIndex((l) => re.test(l));
  expect(i, String(re)).toBeGreaterThanOrEqual(0);
  return i;
};

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
});

describe('npm start and the installers', () => {
  it('npm start goes through scripts/start.mjs (which fetches the Electron binary first)', () => {
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });

  it("names the .desktop file after package.json's desktopName (Wayland app_id, the shortcut portal)", () => {
    expect(pkg.desktopName).toBe(`${config.linux?.executableName}.desktop`);
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('re-signs ad hoc after flipping fuses (an unsigned Apple Silicon build must still launch)', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });

  it("ships the macOS template tray images and sets Windows' AppUserModelID to the appId", () => {
    // getConfig turns the list into [{ filter: [...] }].
    const files = [config.files]
      .flat()
      .flatMap((f) => (typeof f === 'string' ? [f] : [(f as { filter?: string[] })?.filter ?? []].flat()));
    for (const name of ['resources/trayTemplate.png', 'resources/trayTemplate@2x.png']) {
      expect(files).toContain(name);
      expect(existsSync(join(ROOT, name))).toBe(true);
    }
    expect(config.appId).toBe(APP_ID);
  });
});

describe('workflows', () => {
  it('ci.yml: Node 22, and the Electron binary is fetched before anything uses it', () => {
    const ci = workflow('ci.yml');
    expect(ci).toMatch(/node-version: 22\b/);
    expect(ci).not.toMatch(/node-version: 20\b/);
    const fetch = lineOf(ci, /npx --no install-electron/);
    expect(fetch).toBeGreaterThan(lineOf(ci, /run: npm ci/));
    expect(fetch).toBeLessThan(lineOf(ci, /chown root:root node_modules\/electron\/dist\/chrome-sandbox/));
    expect(fetch).toBeLessThan(lineOf(ci, /xvfb-run -a npm test/));
  });

  it('release.yml: Node 22, the binary fetched, both Mac architectures, each app launched once before publishing', () => {
    const rel = workflow('release.yml');
    expect(rel).toMatch(/node-version: 22\b/);
    expect(lineOf(rel, /npx --no install-electron/)).toBeLessThan(
      lineOf(rel, /accessSync\(require\('electron'\)\)/),
    );
    expect(rel).toMatch(/os: macos-latest\s+feed: mac\s+arch: arm64/);
    expect(rel).toMatch(/os: macos-15-intel\s+feed: mac\s+arch: x64/);
    expect(rel).toContain('electron-builder --mac --${{ matrix.arch }}');
    expect(rel).toMatch(/lipo -archs/);
    const upload = lineOf(rel, /name: Installers and update metadata/);
    for (const exe of [
      /xvfb-run -a dist\/linux-unpacked\/confbar --smoke=/,
      /Contents\/MacOS\/ConfBar" --smoke=/,
      /win-unpacked\\ConfBar\.exe' -ArgumentList "--smoke=/,
    ]) {
      expect(lineOf(rel, exe)).toBeLessThan(upload);
    }
    expect(rel).toMatch(/xvfb-run -a npx vitest run --config vitest\.electron\.config\.ts/);
    expect(rel).toMatch(/yq eval-all .*\*\+/);
    expect(lineOf(rel, /needs: build/)).toBeGreaterThan(upload);
  });
});
