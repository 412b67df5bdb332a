import type { InvokeInput, InvokeName, InvokeOutput, Result } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import type { Snapshot, ToastEvent } from '../../../shared/session';
import type { SettingsView } from '../../../shared/settings';
import { invoke } from '../api';
import { requestFocus } from './focus';
import { takePrefill } from './link-prefill';
import { applySettingsView, applySnapshot } from './snapshot';
import { getState, setState, type Toast } from './store';

// Channels whose answer is the new snapshot or settings view: adopting it at once means the window never
// waits for the matching event (which still arrives and is ignored or re-applied harmlessly).
const SNAPSHOT_ANSWERS = new Set<InvokeName>([
  'getSnapshot',
  'setUcid',
  'clearSession',
  'startCall',
  'endForAgent',
  'addParticipant',
  'dialSpeedSlot',
  'retryDial',
  'selectParticipant',
  'toggleMute',
  'toggleHold',
  'dropParticipant',
  'setDemo',
]);
const SETTINGS_ANSWERS = new Set<InvokeName>([
  'getSettings',
  'updateSettings',
  'addContact',
  'updateContact',
  'removeContact',
]);

// Errors stay until dismissed (Esc or ×): an agent on a call may look away, and the remedy matters.
const TOAST_LIFETIME_MS: Record<ToastEvent['level'], number | null> = {
  info: 5000,
  success: 4000,
  error: null,
};
const MAX_TOASTS = 3;
let nextToastId = 1;

/**
 * Calls main through the contract; a failure (or a broken bridge) becomes a toast with the server's message
 * and remedy. Returns the result either way, so a caller can also keep a field's text or show the error inline.
 */
export async function invokeOrToast<K extends InvokeName>(
  name: K,
  input: InvokeInput<K>,
  opts: { toast?: boolean; participantId?: string } = {},
): Promise<Result<InvokeOutput<K>>> {
  const result = await invoke(name, input);
  if (result.ok) adopt(name, result.value);
  else if (opts.toast !== false) toastError(result.error, opts.participantId);
  return result;
}

function adopt(name: InvokeName, value: unknown): void {
  if (SNAPSHOT_ANSWERS.has(name)) applySnapshot(value as Snapshot);
  else if (SETTINGS_ANSWERS.has(name)) applySettingsView(value as SettingsView);
  else if (name === 'importDirectoryCsv') applySettingsView((value as { view: SettingsView }).view);
}

export function toastError(error: AppErrorShape, participantId?: string): void {
  pushToast({
    level: 'error',
    message: error.message,
    remedy: error.remedy,
    kind: error.kind,
    ...(participantId ? { participantId } : {}),
  });
}

export function pushToast(event: ToastEvent): void {
  const toast: Toast = { ...event, id: nextToastId++ };
  // The same message twice in a row (e.g. a key held down) is one toast, not a stack of copies; a
  // participant's new outcome replaces their previous message.
  const others = getState().toasts.filter(
    (t) =>
      !(t.message === toast.message && t.level === toast.level) &&
      !(toast.participantId !== undefined && t.participantId === toast.participantId),
  );
  setState({ toasts: [...others, toast].slice(-MAX_TOASTS) });
  // An offer stays until the agent takes it or dismisses it, like an error.
  const lifetime = toast.offer ? null : TOAST_LIFETIME_MS[toast.level];
  if (lifetime !== null) setTimeout(() => dismissToast(toast.id), lifetime);
}

/**
 * Removes a message. If focus was on it, focus moves to the next message's dismiss button, or to the
 * toolbar itself (never <body>).
 */
export function dismissToast(id: number): void {
  const { toasts } = getState();
  if (!toasts.some((t) => t.id === id)) return;
  const active = typeof document === 'undefined' ? null : document.activeElement;
  const hadFocus = Boolean(active?.closest(`[data-toast-id="${id}"]`));
  setState({ toasts: toasts.filter((t) => t.id !== id) });
  if (!hadFocus) return;
  const rest = getState().toasts;
  const next = rest[rest.length - 1];
  requestFocus(next ? `toast:${next.id}` : 'main');
}

/**
 * Takes up an offer toast (the one with `id`, else the newest offer): opens its call, and then puts the
 * number a link brought in its field. The only way a clipboard ucid or a confbar:// link that arrived
 * during a live call replaces the call on screen, and the only way a link's number replaces typed text.
 */
export function acceptOffer(id?: number): boolean {
  const toast = getState()
    .toasts.filter((t) => (t.offer || t.prefill) && (id === undefined || t.id === id))
    .at(-1);
  if (!toast) return false;
  dismissToast(toast.id);
  const { offer, prefill } = toast;
  if (!offer) {
    if (prefill) void takePrefill(prefill);
    return true;
  }
  void invokeOrToast('setUcid', { text: offer.ucid }).then((r) => {
    if (r.ok && prefill) void takePrefill(prefill);
  });
  return true;
}

/** Esc with nothing else open: the newest toast goes first. */
export function dismissNewestToast(): boolean {
  const { toasts } = getState();
  const last = toasts[toasts.length - 1];
  if (!last) return false;
  dismissToast(last.id);
  return true;
}
