import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { normalizeNumber, type Region } from '../../../shared/phone';
import type { Contact } from '../../../shared/settings';
import { ContactSchema } from '../../../shared/settings-schema';
import { csvRow, unguardCell } from '../history/csv';
import { parseCsv } from './csv-parse';
import { formatIssues } from './issues';

/**
 * The speed-dial directory as pure operations: each takes the current list and returns a new one or
 * throws AppError('InvalidInput') saying what is wrong. Numbers are kept as typed, but must be dialable
 * in the current region (or be a SIP address when `sip`).
 */
export const DIRECTORY_MAX = 500;

export interface DirectoryContext {
  region: Region;
  newId: () => string;
}

export type ContactInput = Omit<Contact, 'id' | 'sip' | 'slot'> & { sip?: boolean; slot?: number | null };

const ContactInputSchema = ContactSchema.omit({ id: true });
const ContactPatchSchema = z.strictObject({
  label: ContactSchema.shape.label.optional(),
  number: ContactSchema.shape.number.optional(),
  sip: z.boolean().optional(),
  slot: z.number().int().min(1).max(9).nullable().optional(),
});

function invalid(message: string): AppError {
  return new AppError('InvalidInput', message);
}

/** Same number however it was typed: "098450 12345" and "+91 98450 12345" are one contact. */
function numberKey(contact: Pick<Contact, 'number' | 'sip'>, region: Region): string {
  if (contact.sip)
    return `sip:${contact.number
      .trim()
      .toLowerCase()
      .replace(/^sips?:/, '')}`;
  const n = normalizeNumber(contact.number, region);
  return n.ok ? n.value : contact.number.replace(/\D/g, '');
}

/**
 * Why `candidate` cannot join `others` (which excludes the contact being edited), or null. The number is
 * checked when it is new or changed, so renaming a contact saved under another region still works.
 */
function problemWith(
  candidate: Contact,
  others: readonly Contact[],
  region: Region,
  checkNumber = true,
): string | null {
  const normalized = normalizeNumber(candidate.number, region, { sip: candidate.sip });
  if (checkNumber && !normalized.ok) return `number: ${normalized.message}`;
  const key = numberKey(candidate, region);
  const twin = others.find((c) => numberKey(c, region) === key);
  if (twin) return `number: ${candidate.number} is already in the directory as "${twin.label}"`;
  if (candidate.slot !== null) {
    const holder = others.find((c) => c.slot === candidate.slot);
    if (holder)
      return `slot: speed-dial ${candidate.slot} is already assigned to "${holder.label}"; free it first`;
  }
  return null;
}

function find(directory: readonly Contact[], id: string): Contact {
  const contact = directory.find((c) => c.id === id);
  if (!contact) throw invalid(`No contact with id "${id}" in the directory.`);
  return contact;
}

export function addContact(directory: readonly Contact[], input: unknown, ctx: DirectoryContext) {
  if (directory.length >= DIRECTORY_MAX) throw invalid(`The directory is full (${DIRECTORY_MAX} contacts).`);
  const parsed = ContactInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(formatIssues(parsed.error.issues));
  const contact: Contact = { id: ctx.newId(), ...parsed.data };
  const problem = problemWith(contact, directory, ctx.region);
  if (problem) throw invalid(problem);
  return { directory: [...directory, contact], contact };
}

export function updateContact(
  directory: readonly Contact[],
  id: string,
  patch: unknown,
  ctx: DirectoryContext,
) {
  const current = find(directory, id);
  const parsed = ContactPatchSchema.safeParse(patch);
  if (!parsed.success) throw invalid(formatIssues(parsed.error.issues));
  const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  const contact: Contact = { ...current, ...defined };
  const numberChanged = contact.number !== current.number || contact.sip !== current.sip;
  const others = directory.filter((c) => c.id !== id);
  const problem = problemWith(contact, others, ctx.region, numberChanged);
  if (problem) throw invalid(problem);
  return { directory: directory.map((c) => (c.id === id ? contact : c)), contact };
}

export function removeContact(directory: readonly Contact[], id: string) {
  const next = directory.filter((c) => c.id !== id);
  return { directory: next, removed: next.length !== directory.length };
}

export interface DirectoryImportResult {
  added: Contact[];
  rejected: { line: number; reason: string }[];
}

const COLUMNS = ['label', 'number', 'sip', 'slot'] as const;

function parseSip(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['', 'false', 'no', 'n', '0'].includes(t)) return false;
  if (['true', 'yes', 'y', '1', 'sip'].includes(t)) return true;
  return null;
}

function parseSlot(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  return /^[1-9]$/.test(t) ? Number(t) : undefined;
}

/**
 * Imports `label,number,sip,slot` rows (header optional; with a header the columns may be in any order).
 * Each row is checked like addContact, against the directory and the rows accepted before it; bad rows
 * are reported by line and skipped, good ones are added.
 */
export function importDirectoryCsv(directory: readonly Contact[], text: string, ctx: DirectoryContext) {
  const { records, errors } = parseCsv(text);
  const rejected: DirectoryImportResult['rejected'] = [...errors];
  let columns: Record<(typeof COLUMNS)[number], number> = { label: 0, number: 1, sip: 2, slot: 3 };
  const first = records[0]?.cells.map((c) => c.trim().toLowerCase());
  if (first && first.includes('label') && first.includes('number')) {
    columns = Object.fromEntries(COLUMNS.map((name) => [name, first.indexOf(name)])) as typeof columns;
    records.shift();
  }
  let next = [...directory];
  const added: Contact[] = [];
  for (const { line, cells } of records) {
    const cell = (name: (typeof COLUMNS)[number]) =>
      unguardCell((columns[name] >= 0 ? cells[columns[name]] : '') ?? '');
    const sip = parseSip(cell('sip'));
    const slot = parseSlot(cell('slot'));
    if (sip === null) {
      rejected.push({ line, reason: `sip: "${cell('sip')}" is not yes/no` });
      continue;
    }
    if (slot === undefined) {
      rejected.push({ line, reason: `slot: "${cell('slot')}" is not a speed-dial slot from 1 to 9` });
      continue;
    }
    try {
      const result = addContact(next, { label: cell('label'), number: cell('number'), sip, slot }, ctx);
      next = result.directory;
      added.push(result.contact);
    } catch (e) {
      rejected.push({ line, reason: e instanceof AppError ? e.message : String(e) });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { directory: next, added, rejected };
}

export function exportDirectoryCsv(directory: readonly Contact[]): string {
  return [csvRow(COLUMNS), ...directory.map((c) => csvRow([c.label, c.number, c.sip, c.slot ?? '']))].join(
    '',
  );
}
