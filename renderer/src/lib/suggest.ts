import type { Region } from '../../../shared/phone';
import { phoneRulesNow } from './phone';
import type { Contact, RecentNumber } from '../../../shared/settings';

export type Suggestion =
  | {
      source: 'directory';
      key: string;
      label: string;
      number: string;
      sip: boolean;
      slot: number | null;
      pick: Contact;
    }
  | {
      source: 'recent';
      key: string;
      label: string;
      number: string;
      sip: boolean;
      slot: null;
      pick: RecentNumber;
    };

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The line a number dials: '98111 12222', '+91 98111 12222' and '09811112222' are one line in India. */
function lineOf(number: string, sip: boolean, region: Region): string {
  if (sip) return `sip:${number.trim().toLowerCase()}`;
  // Until the number rules have loaded (the first frames), digits alone decide.
  const n = phoneRulesNow()?.normalizeNumber(number, region);
  return n?.ok ? n.value : digitsOf(number) || number;
}

function matches(query: string, label: string, number: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (label.toLowerCase().includes(q) || number.toLowerCase().includes(q)) return true;
  // "98111" finds "098111 12222" and "+91 98111 12222": compare digits when the query is mostly digits.
  const qd = digitsOf(q);
  return qd.length >= 3 && qd.length >= q.replace(/[\s\-+()]/g, '').length && digitsOf(number).includes(qd);
}

/**
 * Directory first (by speed-dial slot, then name), then recent numbers whose line is not in the directory
 * (under any spelling, for `region`); never a line already in the call (`inCall`); at most `limit`.
 */
export function suggest(
  query: string,
  directory: Contact[],
  recent: RecentNumber[],
  region: Region,
  limit = 6,
  inCall: ReadonlyArray<{ number: string; sip: boolean }> = [],
): Suggestion[] {
  const busy = new Set(inCall.map((p) => lineOf(p.number, p.sip, region)));
  const fromDirectory = directory
    .filter((c) => !busy.has(lineOf(c.number, c.sip, region)) && matches(query, c.label, c.number))
    .sort((a, b) => (a.slot ?? 99) - (b.slot ?? 99) || a.label.localeCompare(b.label))
    .map<Suggestion>((c) => ({
      source: 'directory',
      key: `d-${c.id}`,
      label: c.label,
      number: c.number,
      sip: c.sip,
      slot: c.slot,
      pick: c,
    }));
  const known = new Set(directory.map((c) => lineOf(c.number, c.sip, region)));
  const fromRecent = recent
    .filter((r) => {
      const line = lineOf(r.number, r.sip, region);
      return !known.has(line) && !busy.has(line) && matches(query, r.label ?? '', r.number);
    })
    .map<Suggestion>((r) => ({
      source: 'recent',
      key: `r-${r.number}`,
      label: r.label ?? r.number,
      number: r.number,
      sip: r.sip,
      slot: null,
      pick: r,
    }));
  return [...fromDirectory, ...fromRecent].slice(0, limit);
}

/** The directory's name for the line `number` dials in `region` (any spelling of it), or null. */
export function contactNameFor(
  number: string,
  sip: boolean,
  directory: readonly Contact[],
  region: Region,
): string | null {
  const line = lineOf(number, sip, region);
  return directory.find((c) => lineOf(c.number, c.sip, region) === line)?.label ?? null;
}
