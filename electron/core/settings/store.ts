import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { SettingsPatchSchema, SettingsSchema } from '../../../shared/settings-schema';
import { type Contact, type RecentNumber, type Settings, type SettingsView } from '../../../shared/settings';
import type { SettingsBackend } from './backend';
import * as directoryOps from './directory';
import type { DirectoryImportResult } from './directory';
import { formatIssues } from './issues';
import { applyPolicy, noPolicy, type LoadedPolicy, type PolicySource } from './policy';
import { pushRecent } from './recent';
import { readSettings } from './repair';
import { checkShortcuts } from './shortcut-rules';
import { findSecretKey, mergePatch, patchedLeaves, valueAt } from './patch';

export interface SettingsStoreOptions {
  backend: SettingsBackend;
  /** Admin policy; none by default. The app passes createFilePolicySource(). */
  policy?: PolicySource;
  now?: () => number;
  newId?: () => string;
  /** Where migration/repair/policy notes go (the app passes electron-log). Default: console.warn. */
  warn?: (message: string) => void;
  /** Which platform global shortcuts are judged for (CommandOrControl is Cmd on macOS). Default: this one. */
  platform?: string;
}

export interface SettingsStore {
  /** The effective settings (policy applied) and what is locked. */
  get(): SettingsView;
  /** Validates and applies a SettingsPatch; throws AppError('InvalidInput') naming the field. */
  update(patch: unknown): SettingsView;
  /** Called after every change that altered the settings. Returns an unsubscribe function. */
  onChange(listener: (view: SettingsView) => void): () => void;
  addContact(input: unknown): Contact;
  updateContact(id: string, patch: unknown): Contact;
  removeContact(id: string): boolean;
  importDirectoryCsv(text: string): DirectoryImportResult;
  exportDirectoryCsv(): string;
  pushRecent(entry: { number: string; label?: string; sip: boolean }): RecentNumber[];
  /** Re-reads the policy file (e.g. after an admin changed it). */
  reloadPolicy(): SettingsView;
  /** What reading the stored settings noted (a migration, a repair): shown to the person once, at start. */
  readonly loadNotes: readonly string[];
}

const lockedMessage = (path: string) => `${path} is locked by your administrator.`;

/**
 * The settings service over any SettingsBackend. Keeps the user's own values in the backend and lays the
 * admin policy over them on read, so removing a policy restores the user's choices. Every write is
 * validated against the full schema before it reaches the backend; the api_key is never a setting.
 */
export function createSettingsStore(opts: SettingsStoreOptions): SettingsStore {
  const { backend } = opts;
  const policySource = opts.policy ?? noPolicy;
  const now = opts.now ?? Date.now;
  const platform = opts.platform ?? process.platform;
  const newId = opts.newId ?? randomUUID;
  const warn = opts.warn ?? ((m: string) => console.warn(`[settings] ${m}`));
  const listeners = new Set<(view: SettingsView) => void>();

  const loaded = readSettings(backend.store, platform);
  let stored: Settings = loaded.settings;
  loaded.notes.forEach((n) => warn(n));
  if (loaded.rewrite) backend.store = { ...stored };

  let policy: LoadedPolicy = policySource.load();
  if (policy.error) warn(`The admin policy was ignored: ${policy.error}`);

  const view = (): SettingsView => ({
    // A copy: a caller mutating what it was given must not change the store behind its back.
    settings: structuredClone(applyPolicy(stored, policy)),
    locked: [...policy.locked],
    policySource: policy.source,
    policyError: policy.error,
  });

  const notify = () => {
    const v = view();
    for (const listener of listeners) {
      try {
        listener(v);
      } catch (e) {
        warn(`A settings listener failed: ${(e as Error).message}`);
      }
    }
  };

  /** Validates the complete document, persists it and tells listeners. */
  const commit = (next: Settings) => {
    const parsed = SettingsSchema.safeParse(next);
    if (!parsed.success) throw new AppError('InvalidInput', formatIssues(parsed.error.issues));
    const before = JSON.stringify(stored);
    if (JSON.stringify(parsed.data) === before) return;
    backend.store = { ...parsed.data };
    stored = parsed.data;
    notify();
  };

  const isLocked = (path: string) => policy.locked.includes(path);
  const ctx = () => ({ region: applyPolicy(stored, policy).account.region, newId });
  const editableDirectory = () => {
    if (isLocked('directory')) throw new AppError('InvalidInput', lockedMessage('The directory'));
    return stored.directory;
  };

  return {
    get: view,
    loadNotes: [...loaded.notes],

    update(patch) {
      const secret = findSecretKey(patch);
      if (secret) {
        throw new AppError(
          'InvalidInput',
          `${secret}: the API key is not a setting; it is kept only in the OS keychain (Settings → API key).`,
        );
      }
      const parsed = SettingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new AppError('InvalidInput', formatIssues(parsed.error.issues));
      const effective = applyPolicy(stored, policy);
      // Sending a locked field's current value back (a whole form) is fine; changing it is not.
      for (const [path, value] of patchedLeaves(parsed.data)) {
        if (isLocked(path) && JSON.stringify(valueAt(effective, path)) !== JSON.stringify(value)) {
          throw new AppError('InvalidInput', lockedMessage(path));
        }
      }
      const next = mergePatch(stored, parsed.data);
      checkShortcuts(applyPolicy(next, policy), parsed.data, platform);
      commit(next);
      return view();
    },

    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    addContact(input) {
      const r = directoryOps.addContact(editableDirectory(), input, ctx());
      commit({ ...stored, directory: r.directory });
      return r.contact;
    },
    updateContact(id, patch) {
      const r = directoryOps.updateContact(editableDirectory(), id, patch, ctx());
      commit({ ...stored, directory: r.directory });
      return r.contact;
    },
    removeContact(id) {
      const r = directoryOps.removeContact(editableDirectory(), id);
      commit({ ...stored, directory: r.directory });
      return r.removed;
    },
    importDirectoryCsv(text) {
      const r = directoryOps.importDirectoryCsv(editableDirectory(), text, ctx());
      commit({ ...stored, directory: r.directory });
      return { added: r.added, rejected: r.rejected };
    },
    exportDirectoryCsv: () => directoryOps.exportDirectoryCsv(applyPolicy(stored, policy).directory),

    pushRecent(entry) {
      const recent = pushRecent(stored.recent, entry, ctx().region, now());
      commit({ ...stored, recent });
      return recent;
    },
    reloadPolicy() {
      const before = JSON.stringify(view());
      policy = policySource.load();
      if (policy.error) warn(`The admin policy was ignored: ${policy.error}`);
      if (JSON.stringify(view()) !== before) notify();
      return view();
    },
  };
}
