/**
 * The secret scan's own search: a plain, case-insensitive substring search for each secret in every
 * spelling it could leak in. It masks nothing (ConfBar's one scrubber is electron/core/redact); it only
 * reports where a secret was found.
 */

/** The base64 characters that depend only on `secret`'s bytes when it starts `shift` bytes into a value. */
function base64Core(secret: string, shift: number, url: boolean): string {
  const bytes = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret, 'utf8')]);
  const text = bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '');
  const first = Math.ceil((shift * 8) / 6);
  const last = Math.floor((bytes.length * 8) / 6); // chars after this mix in what follows the secret
  return text.slice(first, last);
}

/** The spellings searched: raw, encodeURIComponent, form (URLSearchParams), base64 and base64url. */
export function spellings(secret: string): Array<{ encoding: string; text: string }> {
  const out = [
    { encoding: 'raw', text: secret },
    { encoding: 'encodeURIComponent', text: encodeURIComponent(secret) },
    { encoding: 'form', text: new URLSearchParams({ v: secret }).toString().slice(2) },
  ];
  // Three alignments: inside a longer base64 value (e.g. `user:key`) the secret starts at any byte offset.
  for (const shift of [0, 1, 2]) {
    out.push({ encoding: `base64+${shift}`, text: base64Core(secret, shift, false) });
    out.push({ encoding: `base64url+${shift}`, text: base64Core(secret, shift, true) });
  }
  return out.filter((s, i) => out.findIndex((o) => o.text === s.text) === i && s.text.length >= 8);
}

export const ENCODINGS = [
  'raw',
  'encodeURIComponent',
  'form',
  'base64 (3 alignments)',
  'base64url (3 alignments)',
];

export interface Finding {
  surface: string;
  secret: string;
  encoding: string;
  excerpt: string;
}

/** Every place one of `secrets` occurs in `text`, in any letter case and spelling. */
export function findSecrets(surface: string, text: string, secrets: readonly string[]): Finding[] {
  const haystack = text.toLowerCase();
  const found: Finding[] = [];
  for (const secret of secrets) {
    for (const { encoding, text: needle } of spellings(secret)) {
      const at = haystack.indexOf(needle.toLowerCase());
      if (at >= 0) {
        const excerpt = text.slice(Math.max(0, at - 40), at + needle.length + 40);
        found.push({ surface, secret: secret.slice(0, 6) + '…', encoding, excerpt });
      }
    }
  }
  return found;
}
