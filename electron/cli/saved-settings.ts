import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import { createConfBackend } from '../core/settings/conf-backend';
import { createFilePolicySource } from '../core/settings/policy';
import { createMemoryBackend, type SettingsBackend } from '../core/settings/backend';
import { createSettingsStore } from '../core/settings/store';
import { appSettingsDir } from './settings-location';

export interface SavedSettings {
  settings: Settings;
  /** The settings file read, or the one that would be read (absent: defaults were used). */
  file: string;
  exists: boolean;
  /** Migration, repair and policy notes, for --verbose. */
  notes: string[];
  /** What the admin policy sets (dotted paths), so an option cannot lift a lock. */
  locked: string[];
}

/**
 * The app's saved settings with the admin policy applied, read through conf from the app's own file.
 * Read-only: whatever the store would write back (a migration, a repair) stays in memory, so running the
 * CLI never rewrites the app's settings. No file yet means the defaults, and no folder is created.
 */
export function loadSavedSettings(env: NodeJS.ProcessEnv = process.env): SavedSettings {
  const dir = appSettingsDir(env);
  const file = path.join(dir, 'config.json');
  const notes: string[] = [];
  const exists = fs.existsSync(file);
  let backend: SettingsBackend = createMemoryBackend();
  if (exists) {
    const conf = openConf(dir, file);
    if (conf.recoveredFrom)
      notes.push(`The settings file was unreadable; it was moved to ${conf.recoveredFrom}.`);
    backend = createMemoryBackend(conf.store);
  } else {
    notes.push(`No saved settings at ${file}; using defaults and the options given.`);
  }
  const store = createSettingsStore({
    backend,
    // The shipped (built) CLI, like the installed app, reads only the OS policy file.
    policy: createFilePolicySource({ env, envOverride: import.meta.env?.PROD !== true }),
    warn: (message) => notes.push(message),
  });
  const view = store.get();
  if (view.policySource) notes.push(`Admin policy applied from ${view.policySource}.`);
  return { settings: view.settings, file, exists, notes, locked: view.locked };
}

function openConf(dir: string, file: string): ReturnType<typeof createConfBackend> {
  try {
    return createConfBackend({ cwd: dir, projectName: 'confbar' });
  } catch (e) {
    throw new AppError(
      'InvalidInput',
      `The settings file ${file} could not be read (${e instanceof Error ? e.message : String(e)}).`,
      'Check its permissions, or point CONFBAR_SETTINGS_DIR at another folder; nothing was sent.',
    );
  }
}
