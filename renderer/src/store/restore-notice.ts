import type { RestoreNotice } from '../../../shared/session';
import { setDraft } from './drafts';
import { getState, setState } from './store';

// What the window did with main's start notice, per notice (kind + time): announced, dismissed. In
// sessionStorage, so a reload of the page neither says it again nor brings back a dismissed one.
const KEY = 'confbar.restore-notice';

type Seen = { id: string; announced: boolean; dismissed: boolean };

function read(): Seen | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Seen) : null;
  } catch {
    return null;
  }
}
function write(seen: Seen): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(seen));
  } catch {
    // Best effort: at worst the notice is said once more after a reload.
  }
  setState({ restoreDismissed: seen.dismissed ? seen.id : getState().restoreDismissed });
}

const idOf = (n: RestoreNotice) => `${n.kind}:${n.at}`;

/** "10:42" in the agent's own clock. */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The notice in words, as shown and as said. */
export function noticeText(n: RestoreNotice): string {
  if (n.kind === 'not-restored') return n.message;
  const head = `Restored after a restart at ${clockTime(n.at)}; states are as last confirmed.`;
  return n.message ? `${head} ${n.message}` : head;
}

/**
 * Once per notice: returns its words for the live region (null when already said), and gives back the
 * add field's draft of a restored call when the field is empty (nothing the agent typed is lost to a crash).
 */
export function takeNotice(n: RestoreNotice | null | undefined): string | null {
  if (!n) return null;
  const id = idOf(n);
  const seen = read();
  if (seen?.id === id) {
    if (seen.dismissed && getState().restoreDismissed !== id) setState({ restoreDismissed: id });
    return null;
  }
  write({ id, announced: true, dismissed: false });
  if (n.kind === 'restored' && n.draft && getState().drafts.add === '') setDraft('add', n.draft);
  return noticeText(n);
}

export function dismissNotice(n: RestoreNotice): void {
  write({ id: idOf(n), announced: true, dismissed: true });
}

export function isDismissed(n: RestoreNotice, dismissed: string | null): boolean {
  return dismissed === idOf(n);
}
