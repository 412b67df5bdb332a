import fs from 'node:fs';
import path from 'node:path';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { SettingsPatchSchema, SettingsSchema } from '../../../shared/settings-schema';
import { formatIssues } from './issues';
import { mergePatch } from './patch';

/** What an administrator may set: the patchable sections plus the whole directory (a company phone book). */
export type PolicyValues = Omit<SettingsPatch, 'window'> & { directory?: Settings['directory'] };

export interface LoadedPolicy {
  values: PolicyValues;
  /** Dotted paths the policy sets, e.g. `account.region`, `shortcuts.global.showToolbar`, `directory`. */
  locked: string[];
  /** The file the policy came from; null when none applies. */
  source: string | null;
  /** Why the policy file was ignored, as `<file>: <reason>` (the UI adds "policy ignored"); null when fine or absent. */
  error: string | null;
}

export interface PolicySource {
  load(): LoadedPolicy;
  /** Calls `changed` whenever the policy may have changed (its file was written, created or removed). */
  watch?(changed: () => void): () => void;
}

export const NO_POLICY: LoadedPolicy = Object.freeze({ values: {}, locked: [], source: null, error: null });
export const noPolicy: PolicySource = { load: () => NO_POLICY };

const MAX_POLICY_BYTES = 1024 * 1024;

/**
 * The fixed, admin-writable location per OS. `CONFBAR_POLICY_FILE` overrides it only when `envOverride`
 * is true — development and test runs. An installed app ignores it: otherwise anyone could start ConfBar
 * with a policy file of their own and lift every lock IT set.
 */
export function policyFilePath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  envOverride = false,
): string {
  if (envOverride && env.CONFBAR_POLICY_FILE) return env.CONFBAR_POLICY_FILE;
  if (platform === 'win32')
    return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'ConfBar', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/ConfBar/policy.json';
  return '/etc/confbar/policy.json';
}

function lockedPaths(values: PolicyValues): string[] {
  const locked: string[] = [];
  for (const section of ['account', 'behaviour', 'demo'] as const) {
    for (const key of Object.keys(values[section] ?? {})) locked.push(`${section}.${key}`);
  }
  for (const scope of ['global', 'window'] as const) {
    for (const key of Object.keys(values.shortcuts?.[scope] ?? {})) locked.push(`shortcuts.${scope}.${key}`);
  }
  if (values.directory) locked.push('directory');
  for (const key of Object.keys(values.network ?? {})) locked.push(`network.${key}`);
  return locked;
}

/** Validates a parsed policy document; returns the problem as text rather than throwing. */
export function parsePolicy(doc: unknown): { ok: true; values: PolicyValues } | { ok: false; error: string } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { ok: false, error: 'it is not a JSON object' };
  const { directory, window, recent, ...rest } = doc as Record<string, unknown>;
  if (window !== undefined || recent !== undefined) {
    return { ok: false, error: `${window !== undefined ? 'window' : 'recent'}: cannot be set by policy` };
  }
  const patch = SettingsPatchSchema.safeParse(rest);
  if (!patch.success) return { ok: false, error: formatIssues(patch.error.issues) };
  const values: PolicyValues = patch.data;
  if (directory !== undefined) {
    const dir = SettingsSchema.shape.directory.safeParse(directory);
    if (!dir.success) return { ok: false, error: formatIssues(dir.error.issues, ['directory']) };
    values.directory = dir.data;
  }
  return { ok: true, values };
}

/**
 * Reads the admin policy file. A missing file at the default location means "no policy"; a file named by
 * `path` or (in development and test runs) CONFBAR_POLICY_FILE that is missing, unreadable, not JSON or not valid is ignored as a whole and the
 * reason is returned in `error` (shown by Settings), never thrown.
 */
export function createFilePolicySource(
  opts: {
    path?: string;
    platform?: NodeJS.Platform;
    env?: NodeJS.ProcessEnv;
    /** How often `watch` looks at the file (default 5 s): IT edits it rarely, and it may not exist yet. */
    watchIntervalMs?: number;
    /** Honour CONFBAR_POLICY_FILE: only for development and test runs, never an installed app. */
    envOverride?: boolean;
  } = {},
): PolicySource {
  const env = opts.env ?? process.env;
  const envOverride = opts.envOverride ?? false;
  const file = opts.path ?? policyFilePath(opts.platform, env, envOverride);
  const explicit = opts.path !== undefined || (envOverride && Boolean(env.CONFBAR_POLICY_FILE));
  const ignored = (why: string): LoadedPolicy => ({
    ...NO_POLICY,
    error: `${file}: ${why}`,
  });
  return {
    // Polling (fs.watchFile) rather than fs.watch: the file and even its folder may not exist yet, and an
    // admin tool may replace the file rather than write it in place.
    watch(changed) {
      const interval = opts.watchIntervalMs ?? 5000;
      const listener = (now: fs.Stats, before: fs.Stats) => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) changed();
      };
      fs.watchFile(file, { interval, persistent: false }, listener);
      return () => fs.unwatchFile(file, listener);
    },
    load() {
      let text: string;
      try {
        if (fs.statSync(file).size > MAX_POLICY_BYTES) return ignored('it is larger than 1 MB');
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' && !explicit) return NO_POLICY;
        return ignored(
          code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${code ?? 'error'})`,
        );
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        return ignored(`it is not valid JSON (${(e as Error).message})`);
      }
      const parsed = parsePolicy(doc);
      if (!parsed.ok) return ignored(parsed.error);
      return { values: parsed.values, locked: lockedPaths(parsed.values), source: file, error: null };
    },
  };
}

/** The effective settings: the user's own values with the policy's laid over them. */
export function applyPolicy(settings: Settings, policy: LoadedPolicy): Settings {
  const { directory, ...patch } = policy.values;
  return { ...mergePatch(settings, patch), directory: directory ?? settings.directory };
}
