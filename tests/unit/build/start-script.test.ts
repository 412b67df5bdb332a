import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronBinary,
  missingBinaryMessage,
  olderThan,
  skipDownload,
} from '../../../scripts/electron-binary.mjs';
import { withLock } from '../../e2e/build-renderer';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A loopback port that refuses connections: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

function fakeElectronPackage(withBinary: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'confbar-electron-'));
  writeFileSync(join(dir, 'path.txt'), 'electron');
  if (withBinary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

describe('npm start without the Electron binary', () => {
  it('tries the download, and when it fails says what is missing, why, what works instead, and exits 1', async () => {
    const started = Date.now();
    const port = await closedPort();
    const r = await runStart({
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: mkdtempSync(join(tmpdir(), 'confbar-ecache-')),
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Fetching the Electron 45\.\d+\.\d+ binary/);
    expect(r.err).toContain('ConfBar cannot start: the Electron binary is missing.');
    expect(r.err).toMatch(/Why: Downloading it failed: .*fetch failed/);
    expect(r.err).toContain('npx install-electron && npm start');
    expect(r.err).toContain('npm run simulator -- --port 8181');
    expect(r.err).toContain('node out/cli/confbar.js doctor --base-url http://127.0.0.1:8181');
    expect(r.err).not.toMatch(/Electron uninstall|^\s+at /m); // no electron-vite throw, no stack trace
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD: no download attempt, the reason in words, exit 1', async () => {
    const r = await runStart({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('Fetching');
    expect(r.err).toContain('Why: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.');
    expect(r.err).toContain('unset ELECTRON_SKIP_BINARY_DOWNLOAD; npx install-electron && npm start');
  });
});

describe('npm start with the Electron binary', () => {
  it('runs electron-vite dev, which starts that binary on the app with the dev server as its page', async () => {
    // A stand-in binary (ELECTRON_OVERRIDE_DIST_PATH, Electron's own way to use another copy) that records how
    // it was started and exits, which ends electron-vite dev.
    const dist = mkdtempSync(join(tmpdir(), 'confbar-fake-electron-'));
    const record = join(dist, 'started.txt');
    writeFileSync(
      join(dist, 'electron'),
      `#!/bin/sh\nprintf 'args=%s\\nurl=%s\\n' "$*" "$ELECTRON_RENDERER_URL" > '${record}'\n`,
    );
    chmodSync(join(dist, 'electron'), 0o755);
    // electron-vite dev writes out/main and out/preload: not while another suite builds or copies them.
    const r = await withLock(() => runStart({ ELECTRON_OVERRIDE_DIST_PATH: dist }));
    expect(r.err).not.toMatch(/Electron uninstall|cannot start/);
    expect(r.out).toContain('starting electron app...');
    expect(r.code).toBe(0);
    const started = readFileSync(record, 'utf8');
    expect(started).toMatch(/^args=\.$/m);
    expect(started).toMatch(/^url=http:\/\/localhost:\d+$/m);
  }, 90_000);
});

describe('scripts/electron-binary.mjs', () => {
  it('finds the binary through path.txt the way electron-vite does, and only when it exists', () => {
    const without = fakeElectronPackage(false);
    expect(electronBinary(without, {})).toBeNull();
    const withIt = fakeElectronPackage(true);
    expect(electronBinary(withIt, {})).toBe(join(withIt, 'dist', 'electron'));
    expect(electronBinary(without, { ELECTRON_OVERRIDE_DIST_PATH: join(withIt, 'dist') })).toBe(
      join(withIt, 'dist', 'electron'),
    );
    expect(electronBinary(mkdtempSync(join(tmpdir(), 'confbar-empty-')), {})).toBeNull();
  });

  it('reads ELECTRON_SKIP_BINARY_DOWNLOAD as npm packages do', () => {
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(true);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '' })).toBe(false);
    expect(skipDownload({})).toBe(false);
  });

  it("mentions the Node version only when it is older than the electron package's engines", () => {
    expect(olderThan('v20.20.2', '22.12.0')).toBe(true);
    expect(olderThan('v22.12.0', '22.12.0')).toBe(false);
    expect(olderThan('v24.1.0', '22.12.0')).toBe(false);
    const base = { reason: 'failed', detail: 'x', electronVersion: '45.5.0' } as const;
    expect(missingBinaryMessage({ ...base, nodeVersion: 'v20.20.2' })).toMatch(/Node >= 22\.12\.0/);
    expect(missingBinaryMessage({ ...base, nodeVersion: 'v22.13.0' })).not.toMatch(/Node >= 22\.12\.0/);
  });
});
