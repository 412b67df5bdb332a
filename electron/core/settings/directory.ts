import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { normalizeNumber, type Region } from '../../../shared/phone';
import type { Contact } from '../../../shared/settings';
import { ContactSchema } from '../../../shared/settings-schema';
import { csvRow, parseCsv, unguardCell } from '../csv';
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

/**
 * Same number however it was typed: "098450 12345" and "+91 98450 12345" are one contact. Also says
 * whether the number is dialable, from the same single normalisation (the costly step of an import).
 */
function numberKey(contact: Pick<Contact, 'number' | 'sip'>, region: Region) {
  const n = normalizeNumber(contact.number, region, { sip: contact.sip });
  if (contact.sip) {
    const key = `sip:${contact.number
      .trim()
      .toLowerCase()
      .replace(/^sips?:/, '')}`;
    return { key, problem: n.ok ? null : n.message };
  }
  return n.ok
    ? { key: n.value, problem: null }
    : { key: contact.number.replace(/\D/g, ''), problem: n.message };
}

/**
 * The directory's numbers and slots, each normalised once, so checking a candidate costs one
 * normalisation whatever the directory's size (an import of thousands of rows stays linear).
 */
class DirectoryIndex {
  private readonly byNumber = new Map<string, string>();
  private readonly bySlot = new Map<number, string>();

  constructor(
    contacts: readonly Contact[],
    private readonly region: Region,
  ) {
    for (const c of contacts) this.add(c);
  }

  add(contact: Contact): void {
    this.byNumber.set(numberKey(contact, this.region).key, contact.label);
    if (contact.slot !== null) this.bySlot.set(contact.slot, contact.label);
  }

  /**
   * Why `candidate` cannot join the indexed contacts, or null. The number is checked when it is new or
   * changed, so renaming a contact saved under another region still works.
   */
  problemWith(candidate: Contact, checkNumber = true): string | null {
    const { key, problem } = numberKey(candidate, this.region);
    if (checkNumber && problem !== null) return `number: ${problem}`;
    const twin = this.byNumber.get(key);
    if (twin !== undefined) return `number: ${candidate.number} is already in the directory as "${twin}"`;
    const holder = candidate.slot === null ? undefined : this.bySlot.get(candidate.slot);
    if (holder !== undefined)
      return `slot: speed-dial ${candidate.slot} is already assigned to "${holder}"; free it first`;
    return null;
  }
}

function find(directory: readonly Contact[], id: string): Contact {
  const contact = directory.find((c) => c.id === id);
  if (!contact) throw invalid(`No contact with id "${id}" in the directory.`);
  return contact;
}

const FULL = `The directory is full (${DIRECTORY_MAX} contacts).`;

/** The contact `input` makes, checked against `index`; throws AppError InvalidInput saying why not. */
function newContact(input: unknown, index: DirectoryIndex, ctx: DirectoryContext): Contact {
  const parsed = ContactInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(formatIssues(parsed.error.issues));
  const contact: Contact = { id: ctx.newId(), ...parsed.data };
  const problem = index.problemWith(contact);
  if (problem) throw invalid(problem);
  return contact;
}

export function addContact(directory: readonly Contact[], input: unknown, ctx: DirectoryContext) {
  if (directory.length >= DIRECTORY_MAX) throw invalid(FULL);
  const contact = newContact(input, new DirectoryIndex(directory, ctx.region), ctx);
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
  const problem = new DirectoryIndex(others, ctx.region).problemWith(contact, numberChanged);
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

/** A cell as quoted back in a report: a pasted megabyte is not repeated. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

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

/** More rows than any directory holds; what lies beyond is reported, not read. */
export const IMPORT_MAX_ROWS = 10_000;

/**
 * Imports `label,number,sip,slot` rows (header optional; with a header the columns may be in any order).
 * Each row is checked like addContact, against the directory and the rows accepted before it; bad rows
 * are reported by line and skipped, good ones are added. At most IMPORT_MAX_ROWS rows are read, and the
 * import stops when the directory is full; either way one more line of the report says where and why.
 */
export function importDirectoryCsv(directory: readonly Contact[], text: string, ctx: DirectoryContext) {
  // One record more than is read: the header, if there is one.
  const { records, errors, stoppedAt } = parseCsv(text, { maxRecords: IMPORT_MAX_ROWS + 1 });
  const rejected: DirectoryImportResult['rejected'] = [...errors];
  let columns: Record<(typeof COLUMNS)[number], number> = { label: 0, number: 1, sip: 2, slot: 3 };
  const first = records[0]?.cells.map((c) => c.trim().toLowerCase());
  if (first && first.includes('label') && first.includes('number')) {
    columns = Object.fromEntries(COLUMNS.map((name) => [name, first.indexOf(name)])) as typeof columns;
    records.shift();
  }
  const tooMany = `Only the first ${IMPORT_MAX_ROWS.toLocaleString('en')} rows are read; this row and the rest were not imported.`;
  const next = [...directory];
  const index = new DirectoryIndex(directory, ctx.region);
  const added: Contact[] = [];
  // Where the import stopped short, and why: one line of the report instead of one per row left.
  let cut: { line: number; reason: string } | null =
    stoppedAt === null ? null : { line: stoppedAt, reason: tooMany };
  for (const [i, { line, cells }] of records.entries()) {
    if (next.length >= DIRECTORY_MAX) {
      cut = { line, reason: `${FULL} This row and the rest were not imported.` };
      break;
    }
    if (i >= IMPORT_MAX_ROWS) {
      cut = { line, reason: tooMany };
      break;
    }
    const cell = (name: (typeof COLUMNS)[number]) =>
      unguardCell((columns[name] >= 0 ? cells[columns[name]] : '') ?? '');
    const sip = parseSip(cell('sip'));
    const slot = parseSlot(cell('slot'));
    if (sip === null) {
      rejected.push({ line, reason: `sip: "${clip(cell('sip'))}" is not yes/no` });
      continue;
    }
    if (slot === undefined) {
      rejected.push({ line, reason: `slot: "${clip(cell('slot'))}" is not a speed-dial slot from 1 to 9` });
      continue;
    }
    try {
      const contact = newContact({ label: cell('label'), number: cell('number'), sip, slot }, index, ctx);
      index.add(contact);
      next.push(contact);
      added.push(contact);
    } catch (e) {
      rejected.push({ line, reason: e instanceof AppError ? e.message : String(e) });
    }
  }
  if (cut) rejected.push(cut);
  rejected.sort((a, b) => a.line - b.line);
  return { directory: next, added, rejected };
}

export function exportDirectoryCsv(directory: readonly Contact[]): string {
  return [csvRow(COLUMNS), ...directory.map((c) => csvRow([c.label, c.number, c.sip, c.slot ?? '']))].join(
    '',
  );
}
