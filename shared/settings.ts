import type { z } from 'zod';
import type { ContactSchema, RecentNumberSchema, SettingsSchema } from './settings-schema';

/**
 * The persisted settings as both sides use them: their types, defaults, command lists and shortcut rules.
 * No zod at run time (the renderer loads this; the schemas that validate settings are in
 * settings-schema.ts, for main). The api_key is deliberately absent: it lives only in the OS keychain.
 */
export const SETTINGS_VERSION = 2;

export const GLOBAL_COMMANDS = [
  'showToolbar',
  'addParticipant',
  'toggleMuteSelected',
  'toggleHoldSelected',
  'selectNext',
  'dropSelected',
] as const;

export const WINDOW_COMMANDS = [
  'add',
  'mute',
  'hold',
  'drop',
  'end',
  'search',
  'help',
  'cancel',
  'toggleMini',
  'settings',
  'startCall',
  'pasteUcid',
] as const;

export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];
export type WindowCommand = (typeof WINDOW_COMMANDS)[number];

export const DEFAULT_GLOBAL_SHORTCUTS: Record<GlobalCommand, string | null> = {
  showToolbar: 'CommandOrControl+Alt+C',
  addParticipant: 'CommandOrControl+Alt+N',
  toggleMuteSelected: 'CommandOrControl+Alt+M',
  toggleHoldSelected: 'CommandOrControl+Alt+H',
  selectNext: 'CommandOrControl+Alt+J',
  dropSelected: null,
};

export const DEFAULT_WINDOW_SHORTCUTS: Record<WindowCommand, string> = {
  add: 'n',
  mute: 'm',
  hold: 'h',
  drop: 'd',
  end: 'e',
  search: '/',
  help: '?',
  cancel: 'Escape',
  toggleMini: 'x',
  settings: ',',
  startCall: 'c',
  pasteUcid: 'u',
};

export type Settings = z.infer<typeof SettingsSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type RecentNumber = z.infer<typeof RecentNumberSchema>;

/** A contact as it may be sent (sip and slot have defaults). */
export type ContactInput = z.input<typeof ContactSchema>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * What a fresh install starts with; frozen: copy before changing (e.g. `structuredClone(DEFAULT_SETTINGS)`).
 * Written out rather than parsed so the renderer needs no zod; a unit test checks it is exactly what
 * SettingsSchema makes of an empty store.
 */
export const DEFAULT_SETTINGS: Settings = deepFreeze({
  version: SETTINGS_VERSION,
  account: {
    region: 'in',
    baseUrl: null,
    mode: 'token',
    tokenForm: 'bearer',
    userName: '',
    did: '',
    agentPhoneName: '',
    agentNumber: '',
    output: 'json',
    timeoutMs: 8000,
    kickNumber: 'agent',
    campaignName: '',
    checkStatus: true,
    callLimit: null,
  },
  behaviour: {
    alwaysOnTop: true,
    launchAtLogin: false,
    clipboardOffer: true,
    confirmBeforeDrop: true,
    confirmBeforeEnd: true,
    miniMode: false,
    theme: 'system',
    notifyFailures: true,
    phoneLinks: false,
  },
  demo: { enabled: false, firstRunDone: false },
  shortcuts: { global: { ...DEFAULT_GLOBAL_SHORTCUTS }, window: { ...DEFAULT_WINDOW_SHORTCUTS } },
  directory: [],
  recent: [],
  window: null,
  network: { proxy: 'system', noProxy: '', extraCaFile: '' },
});

/** A partial update as the UI sends it: any subset of account/behaviour/demo/shortcuts/window (directory & recent have their own operations). */
export interface SettingsPatch {
  account?: Partial<Settings['account']>;
  behaviour?: Partial<Settings['behaviour']>;
  demo?: Partial<Settings['demo']>;
  shortcuts?: {
    global?: Partial<Settings['shortcuts']['global']>;
    window?: Partial<Settings['shortcuts']['window']>;
  };
  window?: Settings['window'];
  network?: Partial<Settings['network']>;
}

/** Settings as the renderer sees them: the effective values plus which dotted paths an admin policy locks. */
export interface SettingsView {
  settings: Settings;
  locked: string[];
  policySource: string | null;
  /** Why the admin policy file was ignored, as `<file>: <reason>`; null when it applied or there is none. */
  policyError: string | null;
}
