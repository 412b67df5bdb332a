/**
 * Reading a call's ucid out of whatever the agent pasted or typed: the bare id, a CRM link, a JSON snippet,
 * a spreadsheet row, "Call ID (ucid): 123…". Shared by the toolbar (instant "Did you mean …?") and main
 * (which re-checks what reaches it), so both refuse the same text with the same words.
 *
 * Never guesses silently: digits broken by a look-alike letter (O for 0, l or I for 1) or a stray character
 * are refused with the corrected value offered, never cut at the break (a cut ucid opens the wrong call).
 */
export const UCID_MIN_DIGITS = 6;
export const UCID_MAX_DIGITS = 30;
/** The longest text read at all (the IPC contract allows the same); longer pastes are refused in words. */
export const UCID_MAX_TEXT = 2000;

export type UcidReading = { ok: true; ucid: string } | { ok: false; message: string; suggestion?: string };

const LOOK_ALIKES: Record<string, string> = { O: '0', o: '0', l: '1', I: '1' };
// "ucid", "UCID", "call id", "Call ID (ucid)", "callId", "call_id" followed by their separators.
const LABEL = /(?:ucid|call[\s_-]?id)[\s"'():=/#]*/gi;
const LABEL_ONLY = /^[\s"'():=/#]*(?:(?:ucid|call[\s_-]?id)[\s"'():=/#]*)+$/i;
// A run of digits and look-alikes, optionally broken by one stray punctuation mark between two of them.
const REGION = /[0-9OoIl](?:[0-9OoIl]|[ .,_#*'·-](?=[0-9OoIl]))*/g;

interface Candidate {
  value: string;
  /** What the agent probably meant, when the text was broken. */
  broken: 'look-alike' | 'punctuation' | null;
}

export function readUcid(text: string): UcidReading {
  if (text.length > UCID_MAX_TEXT) {
    return {
      ok: false,
      message: `That paste is ${text.length.toLocaleString('en')} characters long; ConfBar reads at most ${UCID_MAX_TEXT.toLocaleString('en')}. Copy just the ucid, or the link that contains it.`,
    };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Paste or type the ucid of the live call.' };

  const cells = trimmed
    .split(/[\t\r\n]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const found: Candidate[] = [];
  cells.forEach((cell, i) => {
    // A header cell ("ucid") names the value in the next cell.
    if (LABEL_ONLY.test(cell)) return;
    const labelled = LABEL_ONLY.test(cells[i - 1] ?? '') || hasLabel(cell);
    found.push(...candidatesIn(labelled ? afterLabel(cell) : cell, labelled, labelled || cells.length === 1));
  });

  const plain = found.filter((c) => c.broken === null);
  const lookAlike = found.filter((c) => c.broken === 'look-alike');
  // A clean number elsewhere in the text outranks a date-like "12.05.2026"; a look-alike never is ignored.
  const relevant = plain.length > 0 ? [...plain, ...lookAlike] : found;
  const distinct = [...new Map(relevant.map((c) => [c.value, c])).values()];
  if (distinct.length === 0) {
    return {
      ok: false,
      message: 'No ucid found: paste the call id (digits), or a link or snippet containing "ucid".',
    };
  }
  if (distinct.length > 1) {
    const listed = distinct
      .slice(0, 3)
      .map((c) => c.value)
      .join(', ');
    return {
      ok: false,
      message: `That text holds ${distinct.length} numbers (${listed}${distinct.length > 3 ? ', …' : ''}); paste just the ucid.`,
    };
  }
  const only = distinct[0]!;
  const size = sizeProblem(only.value);
  if (only.broken) {
    const why =
      only.broken === 'look-alike'
        ? 'it has letters where digits belong (O for 0, l or I for 1)'
        : 'its digits are broken by another character';
    return {
      ok: false,
      message: `That is not a ucid: ${why}. Did you mean ${only.value}?${size ? ` (${size})` : ''}`,
      ...(size ? {} : { suggestion: only.value }),
    };
  }
  if (size) return { ok: false, message: size };
  return { ok: true, ucid: only.value };
}

function hasLabel(cell: string): boolean {
  LABEL.lastIndex = 0;
  return LABEL.test(cell);
}

/** The text after the last label: "Call ID (ucid): 123" → "123"; `{"ucid": "123", …}` → `123", …`. */
function afterLabel(cell: string): string {
  let end = 0;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(cell); m; m = LABEL.exec(cell)) end = m.index + m[0].length;
  return end > 0 ? cell.slice(end) : cell;
}

/**
 * The numbers in one cell. `alone`: the cell is labelled or is all there is, so a bare number in it is the
 * agent's answer even when too short (then the size message says so).
 */
function candidatesIn(text: string, labelled: boolean, alone: boolean): Candidate[] {
  // Digits grouped by spaces or dashes ("4984 9966 1903 8741") are one number.
  if (/^[\d\s-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return digits.length > 0 && (alone || digits.length >= UCID_MIN_DIGITS)
      ? [{ value: digits, broken: null }]
      : [];
  }
  const out: Candidate[] = [];
  const source = labelled ? leadingValue(text) : text;
  for (const m of source.matchAll(REGION)) {
    const region = m[0].replace(/[ .,_#*'·-]+$/, '');
    const before = source[m.index - 1] ?? '';
    const after = source[m.index + region.length] ?? '';
    const realDigits = region.replace(/\D/g, '');
    if (realDigits.length < 3) continue;
    // Inside a word ("call5550001112223334", "ID12Olga"): only the plain digit runs count.
    if (/[A-Za-z0-9]/.test(before) || /[A-Za-z0-9]/.test(after)) {
      for (const run of region.match(/\d+/g) ?? [])
        if (run.length >= UCID_MIN_DIGITS) out.push({ value: run, broken: null });
      continue;
    }
    const grouped = /^\d+(?:[ -]\d+)*$/.test(region);
    const mapped = region.replace(/[OoIl]/g, (c) => LOOK_ALIKES[c]!).replace(/\D/g, '');
    if (!labelled && mapped.length < UCID_MIN_DIGITS) continue;
    if (grouped && labelled) out.push({ value: realDigits, broken: null });
    else if (grouped) {
      // Within other text, a space or dash separates numbers ("from 0804… to 0981…", a date 2026-12-01).
      for (const part of region.split(/[ -]/))
        if (part.length >= UCID_MIN_DIGITS) out.push({ value: part, broken: null });
    } else {
      const broken = /[OoIl]/.test(region) ? 'look-alike' : 'punctuation';
      out.push({ value: mapped, broken });
    }
  }
  return out;
}

/** After a label the value ends at a quote, comma, ampersand, bracket, or a word. */
function leadingValue(text: string): string {
  const cut = text.search(/["',&;}\]<>]|\s+[A-Za-z]{2,}|\s{2,}/);
  return cut < 0 ? text : text.slice(0, cut);
}

function sizeProblem(digits: string): string | null {
  if (digits.length >= UCID_MIN_DIGITS && digits.length <= UCID_MAX_DIGITS) return null;
  return `A ucid has ${UCID_MIN_DIGITS}–${UCID_MAX_DIGITS} digits; "${digits.slice(0, 32)}" has ${digits.length}.`;
}
