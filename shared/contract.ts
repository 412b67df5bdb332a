import { z } from 'zod';
import type { AppErrorShape } from './errors';
import type { HistoryEntry, SessionSummary } from './history';
import type {
  DiagnosticReportResult,
  DoctorCheck,
  GlobalShortcutStatus,
  Snapshot,
  ToastEvent,
} from './session';
import { ContactSchema, SettingsPatchSchema, type Contact, type SettingsView } from './settings';

/**
 * The one contract between the renderer and the main process. Every invoke channel (its wire name, the
 * zod schema its input must pass, its output type) and every main→renderer event is declared here; the
 * preload, the Electron binding, the handler table and the browser harness are all derived from it.
 */

/** Every answer across the boundary: a value or a typed error, never a raw exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

interface ChannelSpec<I extends z.ZodType, O> {
  channel: string;
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(name: string, input: I): ChannelSpec<I, O> => ({
    channel: `confbar:${name}`,
    input,
  });
}

const none = z.object({}).strict();
const id = z.object({ id: z.string().min(1).max(64) }).strict();
const MAX_TEXT = 2000;

export const invokeChannels = {
  // The call
  getSnapshot: channel<Snapshot>()('session:get', none),
  setUcid: channel<Snapshot>()('session:set-ucid', z.object({ text: z.string().max(MAX_TEXT) }).strict()),
  clearSession: channel<Snapshot>()('session:clear', none),
  startCall: channel<Snapshot>()(
    'session:start-call',
    z.object({ customerNumber: z.string().max(80), campaignName: z.string().max(100).optional() }).strict(),
  ),
  endForAgent: channel<Snapshot>()('session:end', none),
  addParticipant: channel<Snapshot>()(
    'participant:add',
    z
      .object({ number: z.string().max(120), sip: z.boolean(), label: z.string().max(60).optional() })
      .strict(),
  ),
  dialSpeedSlot: channel<Snapshot>()(
    'participant:dial-slot',
    z.object({ slot: z.number().int().min(1).max(9) }).strict(),
  ),
  retryDial: channel<Snapshot>()('participant:retry-dial', id),
  selectParticipant: channel<Snapshot>()('participant:select', id),
  toggleMute: channel<Snapshot>()('participant:toggle-mute', id),
  toggleHold: channel<Snapshot>()('participant:toggle-hold', id),
  dropParticipant: channel<Snapshot>()('participant:drop', id),

  // Settings, directory, key
  getSettings: channel<SettingsView>()('settings:get', none),
  updateSettings: channel<SettingsView>()(
    'settings:update',
    z.object({ patch: SettingsPatchSchema }).strict(),
  ),
  addContact: channel<SettingsView>()(
    'directory:add',
    z.object({ contact: ContactSchema.omit({ id: true }) }).strict(),
  ),
  updateContact: channel<SettingsView>()('directory:update', z.object({ contact: ContactSchema }).strict()),
  removeContact: channel<SettingsView>()('directory:remove', id),
  importDirectoryCsv: channel<{
    view: SettingsView;
    added: Contact[];
    rejected: { line: number; reason: string }[];
  }>()('directory:import-csv', z.object({ csv: z.string().max(1_000_000) }).strict()),
  exportDirectoryCsv: channel<{ csv: string; fileName: string }>()('directory:export-csv', none),
  keyStatus: channel<{ stored: boolean; where: string; account: string | null }>()('key:status', none),
  setKey: channel<{ stored: boolean; where: string; account: string | null }>()(
    'key:set',
    z.object({ apiKey: z.string().min(1).max(512) }).strict(),
  ),
  clearKey: channel<{ stored: boolean; where: string; account: string | null }>()('key:clear', none),
  runDoctor: channel<DoctorCheck[]>()('doctor:run', none),
  /** Runs the checks with a trace and saves the diagnostic report where the agent chooses (save dialog). */
  saveDiagnosticReport: channel<DiagnosticReportResult>()('doctor:save-report', none),
  setDemo: channel<Snapshot>()('demo:set', z.object({ enabled: z.boolean() }).strict()),

  // History
  historySessions: channel<SessionSummary[]>()(
    'history:sessions',
    z.object({ limit: z.number().int().min(1).max(500) }).strict(),
  ),
  historySession: channel<HistoryEntry[]>()(
    'history:session',
    z.object({ ucid: z.string().min(1).max(64) }).strict(),
  ),
  historyExportCsv: channel<{ csv: string; fileName: string }>()(
    'history:export-csv',
    z.object({ ucid: z.string().max(64).optional() }).strict(),
  ),

  // Shell features (global shortcuts); answered by the Electron shell when present.
  globalShortcutStatus: channel<GlobalShortcutStatus[]>()('shortcuts:status', none),
  /** The page's natural height in CSS px: the window's height follows it (within the display). */
  reportContentHeight: channel<{ applied: boolean }>()(
    'window:content-height',
    z.object({ height: z.number().int().min(0).max(20_000) }).strict(),
  ),
} as const;

export type InvokeName = keyof typeof invokeChannels;
export type InvokeInput<K extends InvokeName> = z.input<(typeof invokeChannels)[K]['input']>;
export type ParsedInput<K extends InvokeName> = z.output<(typeof invokeChannels)[K]['input']>;
export type InvokeOutput<K extends InvokeName> = NonNullable<(typeof invokeChannels)[K]['output']>;

/** main → renderer. */
export const eventChannels = {
  snapshot: 'confbar:event:snapshot',
  settings: 'confbar:event:settings',
  toast: 'confbar:event:toast',
  /** A global shortcut or the tray asked the window to do something (e.g. focus the add field). */
  command: 'confbar:event:command',
  shortcuts: 'confbar:event:shortcuts',
} as const;

export interface EventPayloads {
  snapshot: Snapshot;
  settings: SettingsView;
  toast: ToastEvent;
  command: { command: string };
  shortcuts: GlobalShortcutStatus[];
}
export type EventName = keyof typeof eventChannels;

/** What the preload exposes as `window.confbar` (and the browser harness imitates). */
export interface ConfbarApi {
  invoke<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<Result<InvokeOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export const INVOKE_NAMES = Object.keys(invokeChannels) as InvokeName[];
export const EVENT_NAMES = Object.keys(eventChannels) as EventName[];

export function isInvokeName(name: unknown): name is InvokeName {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}
