#!/usr/bin/env node
// `npm start`: makes sure the Electron binary is there (fetching it by an explicit step, see
// scripts/electron-binary.mjs), then runs `electron-vite dev` with any arguments given after `--`.
// Where the binary cannot be had it says what is missing, why and what works without it, and exits 1.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronBinary, missingBinaryMessage, skipDownload } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;

function fail(why) {
  console.error(missingBinaryMessage({ ...why, nodeVersion: process.version, electronVersion }));
  process.exit(1);
}

let binary = electronBinary(pkgDir, process.env);
if (!binary) {
  if (skipDownload(process.env)) fail({ reason: 'skip' });
  console.log(`Fetching the Electron ${electronVersion} binary (once; about 100 MB)…`);
  // The package's own `install-electron` (install.js): honours ELECTRON_MIRROR, electron_config_cache and
  // the checksums shipped with the package. Its error is captured and summarised in our message.
  const fetched = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const stderr = fetched.stderr ?? '';
  binary = electronBinary(pkgDir, process.env);
  if (fetched.status !== 0 || !binary) {
    const first = stderr.split('\n').find((l) => l.trim() !== '') ?? '';
    fail({
      reason: 'failed',
      detail: fetched.error ? fetched.error.message : first.trim() || `exit code ${fetched.status}`,
    });
  }
}

const vite = spawn(
  process.execPath,
  [
    join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
    'dev',
    ...process.argv.slice(2),
  ],
  // electron-vite reads path.txt itself unless told where the binary is (e.g. ELECTRON_OVERRIDE_DIST_PATH's copy).
  { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: binary } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => vite.kill(signal));
vite.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
