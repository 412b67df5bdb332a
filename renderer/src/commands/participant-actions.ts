import { NO_ROW_DROP_MESSAGE, NO_ROW_DROP_REMEDY } from '../../../shared/kick-rule';
import type { ParticipantView } from '../../../shared/session';
import { displayName } from '../lib/participant-state';
import { invokeOrToast, pushToast } from '../store/actions';
import { announce } from '../store/snapshot';
import { selectionLine } from '../store/announce';
import { participantsOf, selectedIdOf, selectedParticipant, settingsOf, isLive } from '../store/selectors';
import { requestFocus as focus } from '../store/focus';
import { getState, setState, type OptimisticAction, type ToolbarState } from '../store/store';
import { releaseConfirmWords, releasePhone, releaseReturnFocus } from './phone-line-actions';

/** A participant's action answered by main; a failure becomes that participant's one message. */
function act(name: 'toggleMute' | 'toggleHold' | 'retryDial' | 'dropParticipant', id: string): void {
  void invokeOrToast(name, { id }, { participantId: id }).then((r) => {
    if (!r.ok) clearPending(id);
  });
}

/** Marks the press at once (before main answers) so the row shows it within one frame. */
function markPending(key: string, action: OptimisticAction): void {
  setState({ optimistic: { ...getState().optimistic, [key]: action } });
}

function clearPending(key: string): void {
  const { [key]: _gone, ...rest } = getState().optimistic;
  setState({ optimistic: rest });
}

function needSelection(): string | null {
  const p = selectedParticipant(getState());
  if (p) return p.id;
  pushToast({ level: 'info', message: 'Select a participant first (1–9).' });
  return null;
}

export function toggleMute(id: string): void {
  markPending(id, 'mute');
  act('toggleMute', id);
}

export function toggleHold(id: string): void {
  markPending(id, 'hold');
  act('toggleHold', id);
}

export function retryDial(id: string): void {
  markPending(id, 'retry');
  act('retryDial', id);
}

export function select(id: string): void {
  setState({ optimisticSelectedId: id });
  void invokeOrToast('selectParticipant', { id }).then((r) => {
    if (!r.ok && getState().optimisticSelectedId === id) setState({ optimisticSelectedId: null });
  });
}

export function selectIndex(index: number): void {
  const s = getState();
  const all = participantsOf(s);
  const p = all[index];
  // The row already selected gives no new snapshot to announce: say the selection again, so a
  // screen-reader user hears that the key was taken.
  if (p && p.id === selectedIdOf(s)) announce(selectionLine(p, index, all.length));
  else if (p) select(p.id);
  else pushToast({ level: 'info', message: `There is no participant ${index + 1}.` });
}

/** Cycles through the participants still in the call (the global "select next" shortcut). */
export function selectNext(): void {
  selectStep(1);
}

/** ↓ / ↑: the next or previous participant still in the call, wrapping around. */
export function selectStep(step: 1 | -1): void {
  const s = getState();
  const inCall = participantsOf(s).filter((p) => p.state !== 'dropped' && p.state !== 'failed');
  if (inCall.length === 0) return;
  const at = inCall.findIndex((p) => p.id === selectedParticipant(s)?.id);
  const from = at < 0 ? (step === 1 ? -1 : 0) : at;
  select(inCall[(from + step + inCall.length) % inCall.length]!.id);
}

/** Whether a row may be dropped on its own: only under the participant-number KICK_CALL rule. */
export function rowDropAllowed(s: ToolbarState): boolean {
  return settingsOf(s).account.kickNumber === 'participant';
}

/**
 * Drop asks first (focus on Cancel) unless the agent turned confirmation off. Under the agent-number rule
 * there is no per-row drop at all: it would disconnect everyone, so the key says why instead.
 */
export function requestDrop(id: string): void {
  const s = getState();
  if (!isLive(s)) return;
  if (!rowDropAllowed(s)) {
    pushToast({ level: 'info', message: NO_ROW_DROP_MESSAGE, remedy: NO_ROW_DROP_REMEDY });
    return;
  }
  if (settingsOf(s).behaviour.confirmBeforeDrop) {
    setState({ confirm: { kind: 'drop', participantId: id } });
    focus('confirm');
  } else drop(id);
}

export function drop(id: string): void {
  markPending(id, 'drop');
  const before = participantsOf(getState());
  void invokeOrToast('dropParticipant', { id }, { participantId: id }).then((r) => {
    if (!r.ok) {
      clearPending(id);
      focus(`row:${id}`);
      return;
    }
    // Focus moves on to the next participant still in the call, or to the add field.
    const next = nextInCall(before, id, participantsOf(getState()));
    focus(next ? `row:${next.id}` : 'add');
  });
}

function nextInCall(
  before: ParticipantView[],
  id: string,
  now: ParticipantView[],
): ParticipantView | undefined {
  const stillIn = (p: ParticipantView) => p.state !== 'dropped' && p.state !== 'failed';
  const at = before.findIndex((p) => p.id === id);
  const order = [...now.slice(at + 1), ...now.slice(0, Math.max(at, 0))];
  return order.find((p) => p.id !== id && stillIn(p));
}

export function requestEnd(): void {
  const s = getState();
  if (!isLive(s)) {
    pushToast({ level: 'info', message: 'No live call to end.' });
    return;
  }
  if (settingsOf(s).behaviour.confirmBeforeEnd) {
    setState({ confirm: { kind: 'end' } });
    focus('confirm');
  } else endForAgent();
}

export function endForAgent(): void {
  markPending('agent', 'end');
  void invokeOrToast('endForAgent', {}).then((r) => {
    if (!r.ok) clearPending('agent');
    // The toolbar itself: the next Tab reaches the ucid field.
    focus('main');
  });
}

export function confirmPending(): void {
  const { confirm } = getState();
  setState({ confirm: null });
  if (confirm?.kind === 'drop') drop(confirm.participantId);
  else if (confirm?.kind === 'end') endForAgent();
  else if (confirm?.kind === 'release') releasePhone();
}

/** After a cancelled confirmation: back to the participant it was about, or the selected one. */
export function focusAfterCancel(confirm: ToolbarState['confirm']): void {
  if (confirm?.kind === 'release') {
    focus(releaseReturnFocus());
    return;
  }
  const id = confirm?.kind === 'drop' ? confirm.participantId : selectedParticipant(getState())?.id;
  focus(id ? `row:${id}` : 'main');
}

export function dialSpeedSlot(slot: number): void {
  const s = getState();
  const contact = settingsOf(s).directory.find((c) => c.slot === slot);
  if (!contact) {
    pushToast({
      level: 'info',
      message: `Speed-dial ${slot} is empty.`,
      remedy: 'Assign it in Settings → Directory.',
    });
    return;
  }
  void invokeOrToast('dialSpeedSlot', { slot });
}

export function muteSelected(): void {
  const id = needSelection();
  if (id) toggleMute(id);
}

export function holdSelected(): void {
  const id = needSelection();
  if (id) toggleHold(id);
}

export function dropSelected(): void {
  const id = needSelection();
  if (id) requestDrop(id);
}

export interface ConfirmWords {
  question: string;
  /** What exactly happens, in words: who is disconnected. */
  detail: string;
  /** The confirming button's label. */
  verb: string;
}

/** The confirm bar's words (read with a shallow selector: the object is new each time). */
export function describeConfirm(s: ToolbarState): ConfirmWords {
  const c = s.confirm;
  if (!c) return { question: '', detail: '', verb: '' };
  const inCall = participantsOf(s).filter((x) => x.state !== 'dropped' && x.state !== 'failed');
  if (c.kind === 'release') return releaseConfirmWords(s);
  if (c.kind === 'end') {
    const names = [...inCall.map(displayName), 'you'];
    const list = names.length === 1 ? 'you' : `${names.slice(0, -1).join(', ')} and you`;
    return {
      question: 'End the conference?',
      detail: `Everyone is disconnected: ${list}.`,
      verb: 'End for everyone',
    };
  }
  const p = participantsOf(s).find((x) => x.id === c.participantId);
  const name = p ? displayName(p) : 'this participant';
  const others = inCall.filter((x) => x.id !== c.participantId).length;
  return {
    question: `Drop ${name}?`,
    detail: `Only ${name} is disconnected${others > 0 ? '; the others stay on the call' : ''}.`,
    verb: 'Drop',
  };
}
