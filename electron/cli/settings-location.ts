import os from 'node:os';
import path from 'node:path';

/** Electron names the app's data folder after package.json's productName. */
const APP_FOLDER = 'ConfBar';

/**
 * The folder holding the app's `config.json`: `CONFBAR_SETTINGS_DIR` when set, else the folder Electron's
 * `app.getPath('userData')` names (electron-store keeps its file there). conf's own default for the project
 * (`~/.config/confbar-nodejs` on Linux) is a different place, so the CLI computes Electron's instead.
 */
export function appSettingsDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.CONFBAR_SETTINGS_DIR?.trim();
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.posix.join(env.XDG_CONFIG_HOME?.trim() || path.posix.join(home, '.config'), APP_FOLDER);
}
