import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary's path, or null where it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, or a machine
 * that cannot reach GitHub). Read from the package's own path.txt instead of require('electron'): requiring it
 * when the binary is missing starts a download, and tests send no traffic beyond loopback.
 */
export function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const exe = process.platform === 'win32' ? 'electron.exe' : 'electron';
    return existsSync(join(dist, exe)) ? join(dist, exe) : null;
  }
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const SKIP_REASON = 'skipped: no Electron binary';
