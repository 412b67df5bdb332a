import { z } from 'zod';
import { INVOKE_CHANNELS, INVOKE_NAMES, type InvokeInputs, type InvokeName } from './channels';
import { ContactSchema, SettingsPatchSchema } from './settings-schema';

/**
 * The contract's validation side, for main: a zod schema for every invoke channel that shared/channels.ts
 * names. The names, the input and output types and the events are declared there, zod-free, for the
 * preload and the renderer; this file re-exports them, so main and the tests import one module, and tsc
 * refuses a schema that accepts anything other than the input type channels.ts declares.
 */
// The one exception to "no barrels": the contract is channels.ts plus its schemas, read by main as one module.
// eslint-disable-next-line no-restricted-syntax
export * from './channels';

const none = z.object({}).strict();
const id = z.object({ id: z.string().min(1).max(64) }).strict();
const MAX_TEXT = 2000;

const inputSchemas = {
  // The call
  getSnapshot: none,
  setUcid: z.object({ text: z.string().max(MAX_TEXT) }).strict(),
  clearSession: none,
  startCall: z
    .object({
      customerNumber: z.string().max(80),
      campaignName: z.string().max(100).optional(),
      // Checked in words by the client (shared/phone-line.ts); the schema only bounds the size.
      reference: z.string().max(200).optional(),
    })
    .strict(),
  endForAgent: none,
  addParticipant: z
    .object({ number: z.string().max(120), sip: z.boolean(), label: z.string().max(60).optional() })
    .strict(),
  dialSpeedSlot: z.object({ slot: z.number().int().min(1).max(9) }).strict(),
  retryDial: id,
  selectParticipant: id,
  toggleMute: id,
  toggleHold: id,
  dropParticipant: id,
  releasePhone: none,
  rememberDraft: z.object({ add: z.string().max(200) }).strict(),
  prepareDial: none,

  // Settings, directory, key
  getSettings: none,
  updateSettings: z.object({ patch: SettingsPatchSchema }).strict(),
  addContact: z.object({ contact: ContactSchema.omit({ id: true }) }).strict(),
  updateContact: z.object({ contact: ContactSchema }).strict(),
  removeContact: id,
  importDirectoryCsv: z.object({ csv: z.string().max(1_000_000) }).strict(),
  exportDirectoryCsv: none,
  keyStatus: none,
  setKey: z.object({ apiKey: z.string().min(1).max(512) }).strict(),
  clearKey: none,
  runDoctor: none,
  /** Runs the checks with a trace and saves the diagnostic report where the agent chooses (save dialog). */
  saveDiagnosticReport: none,
  setDemo: z.object({ enabled: z.boolean() }).strict(),
  // A proxy's Basic login (Settings → Network): `proxy` is host:port; the password goes only to the keychain.
  proxyLoginStatus: z.object({ proxy: z.string().trim().min(1).max(300) }).strict(),
  setProxyLogin: z
    .object({
      proxy: z.string().trim().min(1).max(300),
      username: z.string().max(256),
      password: z.string().max(1024),
    })
    .strict(),
  clearProxyLogin: z.object({ proxy: z.string().trim().min(1).max(300) }).strict(),
  extraCaStatus: none,

  // History
  historySessions: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
  historySession: z.object({ ucid: z.string().min(1).max(64) }).strict(),
  historyExportCsv: z.object({ ucid: z.string().max(64).optional() }).strict(),

  // Shell features (global shortcuts); answered by the Electron shell when present.
  globalShortcutStatus: none,
  /** The page's natural height in CSS px: the window's height follows it (within the display). */
  reportContentHeight: z.object({ height: z.number().int().min(0).max(20_000) }).strict(),
} satisfies Record<InvokeName, z.ZodType>;

/** Each schema's input type, both ways assignable to the declared one (so neither can drift alone). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Drifted = {
  [K in InvokeName]: Same<z.input<(typeof inputSchemas)[K]>, InvokeInputs[K]> extends true ? never : K;
}[InvokeName];
/** Fails to compile, naming the channel, when a schema and its declared input type disagree. */
const inputsAgree: [Drifted] extends [never] ? true : { schemaDisagreesWith: Drifted } = true;
void inputsAgree;

export interface ChannelSpec<K extends InvokeName> {
  channel: (typeof INVOKE_CHANNELS)[K];
  input: (typeof inputSchemas)[K];
}

/** Each invoke channel's wire name and input schema, as main binds and validates it. */
export const invokeChannels = Object.fromEntries(
  INVOKE_NAMES.map((name) => [name, { channel: INVOKE_CHANNELS[name], input: inputSchemas[name] }]),
) as { [K in InvokeName]: ChannelSpec<K> };

/** The input after validation (defaults applied, strings trimmed where the schema says so). */
export type ParsedInput<K extends InvokeName> = z.output<(typeof inputSchemas)[K]>;
