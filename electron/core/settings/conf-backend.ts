import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { SettingsSchema } from '../../../shared/settings-schema';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictFile } from '../private-files';
import type { SettingsBackend } from './backend';

export interface ConfBackend extends SettingsBackend {
  /** The settings file on disk. */
  readonly path: string;
  /** Where an unreadable settings file was moved before starting afresh; null when it was fine. */
  readonly recoveredFrom: string | null;
}

export interface ConfBackendOptions {
  /** Directory of the settings file; defaults to the OS config dir for the project (env-paths). */
  cwd?: string;
  projectName: 'confbar';
}

/**
 * conf's ajv validation, derived from the zod schema so the two cannot drift. Only the top level's
 * properties are given and none is required: an older document (flat v0 keys, no `version`) must still
 * open so the settings store can migrate it. `version` is left to the migrations.
 */
function confSchema(): Record<string, object> {
  const json = z.toJSONSchema(SettingsSchema) as { properties: Record<string, object> };
  const { version: _version, ...properties } = json.properties;
  return properties;
}

function open(cwd: string): Conf<Record<string, unknown>> {
  ensurePrivateDir(cwd);
  const conf = new Conf<Record<string, unknown>>({
    cwd,
    projectName: 'confbar',
    schema: confSchema(),
    configFileMode: PRIVATE_FILE_MODE,
  });
  restrictFile(conf.path);
  return conf;
}

/** conf's own default directory for the project (env-paths), learnt without reading the real file. */
function defaultCwd(projectName: string): string {
  return path.dirname(new Conf({ projectName, configName: 'path-probe' }).path);
}

/**
 * Settings through `conf` 15, the library electron-store is built on. A settings file that is not JSON or
 * violates the schema (hand-edited, torn by a crash) must not stop the app from starting: it is moved aside
 * as `config.json.invalid-<epoch ms>` and an empty document is used; `recoveredFrom` says where it went.
 * The folder is 0700 and the file 0600 (contacts and numbers are nobody else's business).
 */
export function createConfBackend(opts: ConfBackendOptions): ConfBackend {
  const cwd = opts.cwd ?? defaultCwd(opts.projectName);
  let conf: Conf<Record<string, unknown>>;
  let recoveredFrom: string | null = null;
  try {
    conf = open(cwd);
  } catch (error) {
    const file = path.join(cwd, 'config.json');
    if (!fs.existsSync(file)) throw error;
    recoveredFrom = `${file}.invalid-${Date.now()}`;
    fs.renameSync(file, recoveredFrom);
    restrictFile(recoveredFrom);
    conf = open(cwd);
  }
  return {
    path: conf.path,
    recoveredFrom,
    get store() {
      return conf.store;
    },
    set store(value: Record<string, unknown>) {
      conf.store = value;
    },
  };
}
