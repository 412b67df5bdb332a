import type { AppErrorShape } from './errors';
import type { HistoryEntry, SessionSummary } from './history';
import type {
  DiagnosticReportResult,
  DoctorCheck,
  GlobalShortcutStatus,
  NumberPrefill,
  Snapshot,
  ToastEvent,
} from './session';
import type { Contact, ContactInput, SettingsPatch, SettingsView } from './settings';

/**
 * Every IPC channel by name, with the types of what crosses it, and nothing that runs but plain objects:
 * the preload and the renderer load this file, so it must never import zod (a unit test checks the
 * bundles). shared/contract.ts adds a zod schema per input for main and is type-checked against this file.
 *
 * Adding a channel: its wire name in INVOKE_CHANNELS, its input in InvokeInputs, its answer in
 * InvokeOutputs, then its schema in contract.ts (tsc fails until all four agree).
 */

/** Every answer across the boundary: a value or a typed error, never a raw exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Friendly name → wire name. */
export const INVOKE_CHANNELS = {
  // The call
  getSnapshot: 'confbar:session:get',
  setUcid: 'confbar:session:set-ucid',
  clearSession: 'confbar:session:clear',
  startCall: 'confbar:session:start-call',
  endForAgent: 'confbar:session:end',
  addParticipant: 'confbar:participant:add',
  dialSpeedSlot: 'confbar:participant:dial-slot',
  retryDial: 'confbar:participant:retry-dial',
  selectParticipant: 'confbar:participant:select',
  toggleMute: 'confbar:participant:toggle-mute',
  toggleHold: 'confbar:participant:toggle-hold',
  dropParticipant: 'confbar:participant:drop',
  /** "Release my phone": CloudAgent frees the number still mapped to the agent's phone. */
  releasePhone: 'confbar:phone:release',
  rememberDraft: 'confbar:session:remember-draft',
  prepareDial: 'confbar:participant:prepare-dial',

  // Settings, directory, key
  getSettings: 'confbar:settings:get',
  updateSettings: 'confbar:settings:update',
  addContact: 'confbar:directory:add',
  updateContact: 'confbar:directory:update',
  removeContact: 'confbar:directory:remove',
  importDirectoryCsv: 'confbar:directory:import-csv',
  exportDirectoryCsv: 'confbar:directory:export-csv',
  keyStatus: 'confbar:key:status',
  setKey: 'confbar:key:set',
  clearKey: 'confbar:key:clear',
  runDoctor: 'confbar:doctor:run',
  saveDiagnosticReport: 'confbar:doctor:save-report',
  setDemo: 'confbar:demo:set',
  proxyLoginStatus: 'confbar:network:proxy-login-status',
  setProxyLogin: 'confbar:network:proxy-login-set',
  clearProxyLogin: 'confbar:network:proxy-login-clear',
  extraCaStatus: 'confbar:network:extra-ca-status',

  // History
  historySessions: 'confbar:history:sessions',
  historySession: 'confbar:history:session',
  historyExportCsv: 'confbar:history:export-csv',

  // Shell features (global shortcuts); answered by the Electron shell when present.
  globalShortcutStatus: 'confbar:shortcuts:status',
  reportContentHeight: 'confbar:window:content-height',
} as const;

export type InvokeName = keyof typeof INVOKE_CHANNELS;

/** A request that takes no arguments is sent `{}`. */
type NoInput = Record<string, never>;
type ById = { id: string };
type KeyState = { stored: boolean; where: string; account: string | null };
type CsvFile = { csv: string; fileName: string };
/** What "Release my phone" freed: the phone, CloudAgent's `FwpNumbers`, and the sentence to show. */
export type ReleasedPhone = { phoneName: string; numbers: string[]; message: string };
/** A proxy's Basic login in the keychain (never the password itself): `proxy` is its `host:port`. */
export type ProxyLoginState = { proxy: string; saved: boolean; where: string };
/** Whether Settings → Network → Extra CA file is in force (null: none set), in words. */
export type ExtraCaStatus = { file: string; ok: boolean; detail: string };

/** What each request takes (the schemas in contract.ts accept exactly these). */
export interface InvokeInputs {
  getSnapshot: NoInput;
  setUcid: { text: string };
  clearSession: NoInput;
  /** `reference` is sent as Phone Manual Dial's `uui` (shared/phone-line.ts says what it may hold). */
  startCall: { customerNumber: string; campaignName?: string; reference?: string };
  endForAgent: NoInput;
  addParticipant: { number: string; sip: boolean; label?: string };
  dialSpeedSlot: { slot: number };
  retryDial: ById;
  selectParticipant: ById;
  toggleMute: ById;
  toggleHold: ById;
  dropParticipant: ById;
  releasePhone: NoInput;
  /** The add field's text, journaled with the live call so a crash does not lose it. */
  rememberDraft: { add: string };
  /** The agent is about to dial (the add field got focus or a key): refresh the connection first. */
  prepareDial: NoInput;
  getSettings: NoInput;
  updateSettings: { patch: SettingsPatch };
  addContact: { contact: Omit<ContactInput, 'id'> };
  updateContact: { contact: ContactInput };
  removeContact: ById;
  importDirectoryCsv: { csv: string };
  exportDirectoryCsv: NoInput;
  keyStatus: NoInput;
  setKey: { apiKey: string };
  clearKey: NoInput;
  runDoctor: NoInput;
  saveDiagnosticReport: NoInput;
  setDemo: { enabled: boolean };
  proxyLoginStatus: { proxy: string };
  setProxyLogin: { proxy: string; username: string; password: string };
  clearProxyLogin: { proxy: string };
  extraCaStatus: NoInput;
  historySessions: { limit: number };
  historySession: { ucid: string };
  historyExportCsv: { ucid?: string };
  globalShortcutStatus: NoInput;
  reportContentHeight: { height: number };
}

/** What each request answers with. */
export interface InvokeOutputs {
  getSnapshot: Snapshot;
  setUcid: Snapshot;
  clearSession: Snapshot;
  startCall: Snapshot;
  endForAgent: Snapshot;
  addParticipant: Snapshot;
  dialSpeedSlot: Snapshot;
  retryDial: Snapshot;
  selectParticipant: Snapshot;
  toggleMute: Snapshot;
  toggleHold: Snapshot;
  dropParticipant: Snapshot;
  releasePhone: ReleasedPhone;
  rememberDraft: { kept: boolean };
  prepareDial: { warming: boolean };
  getSettings: SettingsView;
  updateSettings: SettingsView;
  addContact: SettingsView;
  updateContact: SettingsView;
  removeContact: SettingsView;
  importDirectoryCsv: { view: SettingsView; added: Contact[]; rejected: { line: number; reason: string }[] };
  exportDirectoryCsv: CsvFile;
  keyStatus: KeyState;
  setKey: KeyState;
  clearKey: KeyState;
  runDoctor: DoctorCheck[];
  saveDiagnosticReport: DiagnosticReportResult;
  setDemo: Snapshot;
  proxyLoginStatus: ProxyLoginState;
  setProxyLogin: ProxyLoginState;
  clearProxyLogin: ProxyLoginState;
  extraCaStatus: ExtraCaStatus | null;
  historySessions: SessionSummary[];
  historySession: HistoryEntry[];
  historyExportCsv: CsvFile;
  globalShortcutStatus: GlobalShortcutStatus[];
  reportContentHeight: { applied: boolean };
}

export type InvokeInput<K extends InvokeName> = InvokeInputs[K];
export type InvokeOutput<K extends InvokeName> = InvokeOutputs[K];

/** main → renderer. */
export const eventChannels = {
  snapshot: 'confbar:event:snapshot',
  settings: 'confbar:event:settings',
  toast: 'confbar:event:toast',
  /** A global shortcut or the tray asked the window to do something (e.g. focus the add field). */
  command: 'confbar:event:command',
  shortcuts: 'confbar:event:shortcuts',
  /** A link brought a number: prefill it (never dial it). */
  prefill: 'confbar:event:prefill',
} as const;

export interface EventPayloads {
  snapshot: Snapshot;
  settings: SettingsView;
  toast: ToastEvent;
  command: { command: string };
  shortcuts: GlobalShortcutStatus[];
  prefill: NumberPrefill;
}
export type EventName = keyof typeof eventChannels;

/** What the preload exposes as `window.confbar` (and the browser harness imitates). */
export interface ConfbarApi {
  invoke<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<Result<InvokeOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export const INVOKE_NAMES = Object.keys(INVOKE_CHANNELS) as InvokeName[];
export const EVENT_NAMES = Object.keys(eventChannels) as EventName[];

export function isInvokeName(name: unknown): name is InvokeName {
  return typeof name === 'string' && Object.hasOwn(INVOKE_CHANNELS, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}
