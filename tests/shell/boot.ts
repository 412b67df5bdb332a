import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import { createElectronDouble, type DoubleOptions, type ElectronDouble } from './electron-double';

const KEY = Symbol.for('confbar.electron-double');

export interface Booted {
  double: ElectronDouble;
  /** The run's copy of the build: `out/main`, `out/preload`, `out/renderer`, `resources`. */
  buildDir: string;
  userData: string;
}

/**
 * Boots the built main bundle in this (plain Node) process with `electron` resolved to a recording double:
 * ES imports through a resolution hook, CommonJS `require('electron')` (electron-log, electron-updater)
 * through the require cache. Once per process: the bundle's top level runs once, as in Electron.
 */
export async function bootMain(
  opts: Partial<DoubleOptions> & { env?: Record<string, string>; buildDir?: string } = {},
): Promise<Booted> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) throw new Error('bootMain runs once per test file (one process per file).');
  // A child process a test starts (a first life to be killed) passes the build; vitest's inject is not there.
  const buildDir = opts.buildDir ?? inject('shellBuildDir');
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'confbar-shell-'));
  const double = createElectronDouble({ ...opts, userData });
  g[KEY] = double.electron;

  const require = createRequire(join(process.cwd(), 'package.json'));
  const electronPath = require.resolve('electron');
  const cached = new (require('node:module') as typeof import('node:module'))(electronPath);
  cached.exports = double.electron;
  cached.loaded = true;
  require.cache[electronPath] = cached;

  register(pathToFileURL(join(import.meta.dirname, 'electron-resolve-hooks.mjs')).href, {
    data: { names: Object.keys(double.electron) },
  });

  // No machine policy file and no update checks leak into the suite.
  const policy = join(userData, 'policy.json');
  writeFileSync(policy, '{}');
  Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL');
  Object.assign(process.env, {
    CONFBAR_POLICY_FILE: policy,
    CONFBAR_DISABLE_UPDATES: '1',
    ...opts.env,
  });
  const main = pathToFileURL(join(buildDir, 'out/main/index.js')).href;
  await import(/* @vite-ignore */ main);
  return { double, buildDir, userData };
}

/** Resolves once `check` holds, polling the event loop (the bundle works asynchronously). */
export async function until<T>(
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  tries = 500,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}
