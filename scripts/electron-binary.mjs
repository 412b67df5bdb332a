// Where the Electron binary is, and what to say when it is not there. Used by scripts/start.mjs (`npm start`).
//
// The electron package (45+) has no install script: its binary comes from GitHub on the first
// `require('electron')` or from the package's own `install-electron` bin, while electron-vite reads
// node_modules/electron/path.txt directly and throws "Electron uninstall" when it is missing. So `npm start`
// fetches it by an explicit step first, and where that cannot happen says so in words.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node version the electron package declares (its `engines`), which its `install-electron` is written for. */
export const ELECTRON_NODE = '22.12.0';

/**
 * The binary's absolute path, or null when it was never fetched. Reads the package's path.txt exactly as
 * electron-vite does (ELECTRON_OVERRIDE_DIST_PATH is Electron's own way of pointing at another copy).
 * @param {string} pkgDir node_modules/electron
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function electronBinary(pkgDir, env) {
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(exe) ? exe : null;
  }
  if (!relative) return null;
  const exe = join(pkgDir, 'dist', relative);
  return existsSync(exe) ? exe : null;
}

/** True when ELECTRON_SKIP_BINARY_DOWNLOAD asks for no download (any value but '', '0' or 'false'). */
export function skipDownload(env) {
  const v = (env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

/** 'v20.20.2' older than '22.12.0'? */
export function olderThan(version, wanted) {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/**
 * What `npm start` prints when the binary is missing and cannot be fetched.
 * @param {{ reason: 'skip' | 'failed', detail?: string, nodeVersion: string, electronVersion: string }} why
 */
export function missingBinaryMessage(why) {
  const cause =
    why.reason === 'skip'
      ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.'
      : `Downloading it failed${why.detail ? `: ${why.detail}` : ''}.`;
  const lines = [
    '',
    'ConfBar cannot start: the Electron binary is missing.',
    '',
    `What is missing: node_modules/electron/dist (Electron ${why.electronVersion}), which the electron package downloads`,
    'from GitHub (or from ELECTRON_MIRROR) on first use; `npm install` no longer fetches it.',
    `Why: ${cause}`,
  ];
  if (olderThan(why.nodeVersion, ELECTRON_NODE)) {
    lines.push(
      `Note: this is Node ${why.nodeVersion}; the electron package declares Node >= ${ELECTRON_NODE} for its download.`,
    );
  }
  lines.push(
    '',
    'To fetch it (with internet access to GitHub, or a mirror in ELECTRON_MIRROR), then start again:',
    why.reason === 'skip'
      ? '  unset ELECTRON_SKIP_BINARY_DOWNLOAD; npx install-electron && npm start'
      : '  npx install-electron && npm start',
    '',
    'Without it, everything but the window works: the command line against the built-in CloudAgent simulator.',
    "  npm run simulator -- --port 8181        # terminal 1: prints a demo call's ucid and a ready-to-paste CLI line",
    '  npm run build:cli                       # terminal 2: builds out/cli/confbar.js',
    '  CONFBAR_API_KEY=demo-api-key node out/cli/confbar.js doctor --base-url http://127.0.0.1:8181 \\',
    '    --mode token --user demo --did 08047000000 --agent-phone-name demo-phone --agent-number 09800000001',
    '  npm test                                # every suite; the Electron e2e suite reports itself skipped',
    '',
  );
  return lines.join('\n');
}
