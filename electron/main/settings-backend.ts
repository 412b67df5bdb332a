import fs from 'node:fs';
import path from 'node:path';
import { app, ipcMain } from 'electron';
import Store from 'electron-store';
import type { Logger } from '../core/log';
import type { SettingsBackend } from '../core/settings/backend';

// electron-store registers this listener for renderer-side stores, which ConfBar does not use; only the
// contract's channels are listened to.
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * Settings persisted with electron-store 11 in the user-data folder. Validation, migrations and policy
 * live in the core settings store; a file that cannot be read at all (not JSON, torn) is moved aside as
 * `config.json.invalid-<epoch ms>` so the app still starts, as the Node (conf) backend does.
 */
export function createElectronStoreBackend(log: Logger): SettingsBackend {
  let store: Store<Record<string, unknown>>;
  try {
    store = new Store<Record<string, unknown>>({ name: 'config' });
  } catch (error) {
    const file = path.join(app.getPath('userData'), 'config.json');
    if (!fs.existsSync(file)) throw error;
    const aside = `${file}.invalid-${Date.now()}`;
    fs.renameSync(file, aside);
    log.warn('settings file was unreadable and was moved aside', { movedTo: aside });
    store = new Store<Record<string, unknown>>({ name: 'config' });
  }
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
