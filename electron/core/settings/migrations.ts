import { randomUUID } from 'node:crypto';
import { altGrChords, WINDOWS_GLOBAL_SHORTCUTS } from '../../../shared/global-shortcut-defaults';
import { displayAccelerator } from '../../../shared/shortcuts';
import { SETTINGS_VERSION } from '../../../shared/settings';

type Doc = Record<string, unknown>;

export interface Migration {
  /** The version this migration produces; it runs on documents older than that. */
  to: number;
  what: string;
  up(doc: Doc, note: (message: string) => void, context: MigrationContext): Doc;
}

export interface MigrationContext {
  /** The platform the settings are read on (process.platform): some defaults differ per system. */
  platform: string;
}

export interface MigrationResult {
  doc: Doc;
  from: number;
  to: number;
  /** Things a person should know about (e.g. a secret that was removed from the file). */
  notes: string[];
}

const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function pick<T>(entries: Record<string, T | undefined>): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Record<string, T>;
}

/**
 * v0 (pre-release builds) kept everything flat: `apiMode`, `region` ('india' | 'international'),
 * `userName`, `did`, `agentNumber`, `agentPhoneName`, `baseUrl` ('' = default), `timeoutSeconds`,
 * `outputFormat`, `alwaysOnTop`, `theme`, and `speedDial: [{ name, number, key? }]`. Some of those builds
 * also wrote `apiKey` in plaintext: it is dropped here (the key belongs in the keychain), with a note.
 */
function v0ToV1(doc: Doc, note: (message: string) => void): Doc {
  for (const secret of ['apiKey', 'api_key']) {
    if (secret in doc)
      note('An API key found in the old settings file was removed; store it again in Settings.');
  }
  const region = str(doc.region);
  const timeoutSeconds = typeof doc.timeoutSeconds === 'number' ? doc.timeoutSeconds : undefined;
  const baseUrl = str(doc.baseUrl);
  const account = pick<unknown>({
    mode: str(doc.apiMode),
    region: region === 'india' ? 'in' : region === 'international' ? 'intl' : region,
    userName: str(doc.userName),
    did: str(doc.did),
    agentNumber: str(doc.agentNumber),
    agentPhoneName: str(doc.agentPhoneName),
    baseUrl: baseUrl === undefined ? undefined : baseUrl.trim() === '' ? null : baseUrl.trim(),
    output: str(doc.outputFormat),
    timeoutMs:
      timeoutSeconds === undefined
        ? undefined
        : Math.min(60000, Math.max(1000, Math.round(timeoutSeconds * 1000))),
  });
  const behaviour = pick<unknown>({ alwaysOnTop: bool(doc.alwaysOnTop), theme: str(doc.theme) });
  const speedDial = Array.isArray(doc.speedDial) ? doc.speedDial.filter(isRecord) : [];
  const directory = speedDial.map((entry) => ({
    id: randomUUID(),
    label: str(entry.name) ?? str(entry.number) ?? '',
    number: str(entry.number) ?? '',
    sip: false,
    slot:
      typeof entry.key === 'number' && Number.isInteger(entry.key) && entry.key >= 1 && entry.key <= 9
        ? entry.key
        : null,
  }));
  return { version: 1, account, behaviour, directory };
}

/**
 * v2 gave Windows its own default global shortcuts (Ctrl+Alt+F-keys, shared/global-shortcut-defaults.ts):
 * Ctrl+Alt+letter is AltGr there. A fresh install (no saved global shortcuts) gets them; shortcuts a person
 * already has are kept as they are, with a note, once, naming any that is an AltGr chord.
 */
function v1ToV2(doc: Doc, note: (message: string) => void, { platform }: MigrationContext): Doc {
  const shortcuts = isRecord(doc.shortcuts) ? doc.shortcuts : {};
  if (!isRecord(shortcuts.global)) {
    if (platform !== 'win32') return doc;
    return { ...doc, shortcuts: { ...shortcuts, global: { ...WINDOWS_GLOBAL_SHORTCUTS } } };
  }
  const global = shortcuts.global;
  const chords = altGrChords(global, platform);
  if (chords.length > 0) {
    const list = chords.map((c) => displayAccelerator(c.accelerator, platform)).join(', ');
    note(
      `Your global shortcut${chords.length > 1 ? 's' : ''} ${list} ${chords.length > 1 ? 'are' : 'is'} also AltGr plus a key, ` +
        'which types a character (such as ć, ń, € or @) on many keyboard layouts: while ConfBar holds ' +
        `${chords.length > 1 ? 'them, those characters' : 'it, that character'} cannot be typed in other ` +
        'applications. Kept as you set it; Settings → Shortcuts → Restore defaults switches to Ctrl+Alt+F6–F11.',
    );
  }
  // A command the file does not name gets this platform's default, not another platform's.
  if (platform !== 'win32') return doc;
  return { ...doc, shortcuts: { ...shortcuts, global: { ...WINDOWS_GLOBAL_SHORTCUTS, ...global } } };
}

/** Ordered by `to`. Each step sees only the previous version's shape. */
export const MIGRATIONS: readonly Migration[] = [
  { to: 1, what: 'flat v0 keys into sections', up: v0ToV1 },
  { to: 2, what: "Windows' own default global shortcuts (not AltGr chords)", up: v1ToV2 },
];

/** A document without a numeric `version` is v0 (including an empty, never-written store). */
export function documentVersion(doc: Doc): number {
  return typeof doc.version === 'number' && Number.isInteger(doc.version) ? doc.version : 0;
}

/**
 * Brings a stored document up to SETTINGS_VERSION. A document from a newer build is returned untouched
 * (from > to): the store reads what it understands and says so.
 */
export function migrate(
  input: Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  context: MigrationContext = { platform: process.platform },
): MigrationResult {
  const from = documentVersion(input);
  const notes: string[] = [];
  let doc = input;
  for (const step of migrations) {
    if (step.to <= documentVersion(doc) || step.to > SETTINGS_VERSION) continue;
    doc = { ...step.up(doc, (m) => notes.push(m), context), version: step.to };
  }
  return { doc, from, to: documentVersion(doc), notes };
}
