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

function matches(query: string, label: string, number: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (label.toLowerCase().includes(q) || number.toLowerCase().includes(q)) return true;
  // "98111" finds "098111 12222" and "+91 98111 12222": compare digits when the query is mostly digits.
  const qd = digitsOf(q);
  return qd.length >= 3 && qd.length >= q.replace(/[\s\-+()]/g, '').length && digitsOf(number).includes(qd);
}

/** Directory first (by speed-dial slot, then name), then recent numbers not in the directory; at most `limit`. */
export function suggest(
  query: string,
  directory: Contact[],
  recent: RecentNumber[],
  limit = 6,
): Suggestion[] {
  const fromDirectory = directory
    .filter((c) => matches(query, c.label, c.number))
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
  const known = new Set(directory.map((c) => digitsOf(c.number) || c.number));
  const fromRecent = recent
    .filter((r) => !known.has(digitsOf(r.number) || r.number) && matches(query, r.label ?? '', r.number))
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
