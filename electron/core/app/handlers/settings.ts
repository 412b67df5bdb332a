import { AppError } from '../../../../shared/errors';
import { caFilePathProblem } from '../../../../shared/network-settings';
import type { HandlerTable } from '../../ipc/dispatch';
import { readCaFile } from '../../net/trust';
import type { SettingsStore } from '../../settings/store';
import type { AccountContext } from '../account-context';

type SettingsHandlers = Pick<
  HandlerTable,
  | 'getSettings'
  | 'updateSettings'
  | 'addContact'
  | 'updateContact'
  | 'removeContact'
  | 'importDirectoryCsv'
  | 'exportDirectoryCsv'
>;

/** Settings and the directory. A settings change may name another keychain entry: re-check the key. */
export function settingsHandlers(deps: {
  settings: SettingsStore;
  account: AccountContext;
}): SettingsHandlers {
  const { settings, account } = deps;
  return {
    getSettings: async () => settings.get(),
    updateSettings: async ({ patch }) => {
      // A CA file the agent names must be one ConfBar can use: said now, in the field, not at the next call.
      const caFile = patch.network?.extraCaFile?.trim();
      if (caFile && caFile !== settings.get().settings.network.extraCaFile) await checkCaFile(caFile);
      const view = settings.update(patch);
      await account.refreshKeyKnown();
      return view;
    },
    addContact: async ({ contact }) => (settings.addContact(contact), settings.get()),
    updateContact: async ({ contact: { id, ...patch } }) => (
      settings.updateContact(id, patch),
      settings.get()
    ),
    removeContact: async ({ id }) => {
      if (!settings.removeContact(id)) throw new AppError('InvalidInput', 'That contact no longer exists.');
      return settings.get();
    },
    importDirectoryCsv: async ({ csv }) => {
      const report = settings.importDirectoryCsv(csv);
      return { view: settings.get(), ...report };
    },
    exportDirectoryCsv: async () => ({
      csv: settings.exportDirectoryCsv(),
      fileName: 'confbar-directory.csv',
    }),
  };
}

/** The extra CA file's problem as a field error (`network.extraCaFile: …`); a path the schema refuses is left to it. */
async function checkCaFile(file: string): Promise<void> {
  if (caFilePathProblem(file) !== null) return;
  try {
    await readCaFile(file);
  } catch (e) {
    if (e instanceof AppError)
      throw new AppError('InvalidInput', `network.extraCaFile: ${e.message}`, e.remedy);
    throw e;
  }
}
