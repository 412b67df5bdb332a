import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Contact, type Settings } from '../../../shared/settings';
import { ContactSchema, RecentNumberSchema, SettingsSchema } from '../../../shared/settings-schema';
import { formatIssues } from './issues';
import { migrate } from './migrations';

export interface ReadResult {
  settings: Settings;
  /** What was migrated, dropped or reset, for the log. */
  notes: string[];
  /** True when the stored document differs from `settings` and should be written back. */
  rewrite: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps each valid field of an object section; an invalid one falls back to its default. */
function repairObject<S extends z.ZodObject>(schema: S, value: unknown): z.output<S> {
  const input = isRecord(value) ? value : {};
  const out: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const r = fieldSchema.safeParse(input[field]);
    out[field] = r.success ? r.data : fieldSchema.safeParse(undefined).data;
  }
  return schema.parse(out);
}

function repairRecord<T>(
  defaults: Record<string, T>,
  valueSchema: z.ZodType<T>,
  value: unknown,
): Record<string, T> {
  const input = isRecord(value) ? value : {};
  const out = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const r = valueSchema.safeParse(input[key]);
    if (key in input && r.success) out[key] = r.data;
  }
  return out;
}

/** Keeps valid contacts; a repeated id is dropped and a repeated slot cleared, so the rest survive. */
function repairDirectory(value: unknown): Contact[] {
  const ids = new Set<string>();
  const slots = new Set<number>();
  const out: Contact[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    const r = ContactSchema.safeParse(item);
    if (!r.success || ids.has(r.data.id) || out.length >= 500) continue;
    ids.add(r.data.id);
    const slot = r.data.slot !== null && !slots.has(r.data.slot) ? r.data.slot : null;
    if (slot !== null) slots.add(slot);
    out.push({ ...r.data, slot });
  }
  return out;
}

const shape = SettingsSchema.shape;
type Section = Exclude<keyof Settings, 'version'>;

const repairers: { [K in Section]: (value: unknown) => Settings[K] } = {
  account: (v) => repairObject(shape.account.unwrap(), v),
  behaviour: (v) => repairObject(shape.behaviour.unwrap(), v),
  demo: (v) => repairObject(shape.demo.unwrap(), v),
  shortcuts: (v) => {
    const input = isRecord(v) ? v : {};
    return {
      global: repairRecord(DEFAULT_SETTINGS.shortcuts.global, z.string().nullable(), input.global),
      window: repairRecord(DEFAULT_SETTINGS.shortcuts.window, z.string(), input.window),
    } as Settings['shortcuts'];
  },
  directory: repairDirectory,
  recent: (v) =>
    (Array.isArray(v) ? v : [])
      .flatMap((r) => {
        const p = RecentNumberSchema.safeParse(r);
        return p.success ? [p.data] : [];
      })
      .slice(0, 20),
  window: () => null,
  network: (v) => repairObject(shape.network.unwrap(), v),
};

/**
 * Turns whatever is stored into valid Settings without ever throwing: migrate to the current version,
 * then validate; a section that fails is repaired field by field (keeping what is valid) and noted.
 */
export function readSettings(
  stored: Record<string, unknown>,
  platform: string = process.platform,
): ReadResult {
  const migrated = migrate(stored, undefined, { platform });
  const notes = [...migrated.notes];
  if (migrated.from > SETTINGS_VERSION) {
    notes.push(
      `The settings were written by a newer ConfBar (format ${migrated.from}); only what this version understands is used.`,
    );
  }
  const doc: Record<string, unknown> = { ...migrated.doc, version: SETTINGS_VERSION };
  const full = SettingsSchema.safeParse(doc);
  if (full.success) {
    return { settings: full.data, notes, rewrite: migrated.from < SETTINGS_VERSION };
  }
  const settings = { version: SETTINGS_VERSION } as Settings;
  for (const section of Object.keys(repairers) as Section[]) {
    const r = shape[section].safeParse(doc[section]);
    if (r.success) (settings as Record<Section, unknown>)[section] = r.data;
    else {
      (settings as Record<Section, unknown>)[section] = repairers[section](doc[section]);
      notes.push(`Invalid stored settings were repaired (${formatIssues(r.error.issues, [section])}).`);
    }
  }
  return { settings: SettingsSchema.parse(settings), notes, rewrite: true };
}
