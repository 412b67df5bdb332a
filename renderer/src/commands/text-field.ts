/** What the key handling needs to know about the focused element (an HTMLElement has it all). */
export interface FocusedLike {
  tagName: string;
  type?: string;
  readOnly?: boolean;
  isContentEditable?: boolean;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file']);

/** Text fields own their keys (typing "m" in a number field is text, not Mute); Esc/Enter are theirs too. */
export function isTextField(el: FocusedLike): boolean {
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // A read-only field (the live call's ucid) is for selecting and copying; keys there stay commands.
  if (el.readOnly) return false;
  return !NON_TEXT_INPUTS.has((el.type || 'text').toLowerCase());
}
