import fs from 'node:fs';
import path from 'node:path';
import { app, ipcMain } from 'electron';
import Store from 'electron-store';
import type { Logger } from '../core/log';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictFile } from '../core/private-files';
import type { SettingsBackend } from '../core/settings/backend';

// electron-store registers this listener for renderer-side stores, which ConfBar does not use; only the
// contract's channels are listened to.
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * Settings persisted with electron-store 11 in the user-data folder. Validation, migrations and policy
 * live in the core settings store; a file that cannot be read at all (not JSON, torn) is moved aside as
 * `config.json.invalid-<epoch ms>` so the app still starts, as the Node (conf) backend does. The folder is
 * 0700 and the file 0600.
 */
export function createElectronStoreBackend(log: Logger): SettingsBackend {
  const dir = app.getPath('userData');
  if (!ensurePrivateDir(dir)) log.warn('could not make the settings folder private (0700)', { dir });
  const open = () =>
    new Store<Record<string, unknown>>({ name: 'config', configFileMode: PRIVATE_FILE_MODE });
  let store: Store<Record<string, unknown>>;
  try {
    store = open();
  } catch (error) {
    const file = path.join(dir, 'config.json');
    if (!fs.existsSync(file)) throw error;
    const aside = `${file}.invalid-${Date.now()}`;
    fs.renameSync(file, aside);
    restrictFile(aside);
    log.warn('settings file was unreadable and was moved aside', { movedTo: aside });
    store = open();
  }
  if (!restrictFile(store.path))
    log.warn('could not make the settings file private (0600)', { file: store.path });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return {
    get store() {
      return store.store;
    },
    set store(value: Record<string, unknown>) {
      store.store = value;
    },
  };
}
