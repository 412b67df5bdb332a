import { displayName } from '../lib/participant-state';
import { invokeOrToast, pushToast } from '../store/actions';
import { participantsOf, selectedParticipant, settingsOf, isLive } from '../store/selectors';
import { getState, setState, type OptimisticAction, type ToolbarState } from '../store/store';

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
  void invokeOrToast('toggleMute', { id }).then((r) => {
    if (!r.ok) clearPending(id);
  });
}

export function toggleHold(id: string): void {
  markPending(id, 'hold');
  void invokeOrToast('toggleHold', { id }).then((r) => {
    if (!r.ok) clearPending(id);
  });
}

export function retryDial(id: string): void {
  markPending(id, 'retry');
  void invokeOrToast('retryDial', { id }).then((r) => {
    if (!r.ok) clearPending(id);
  });
}

export function select(id: string): void {
  setState({ optimisticSelectedId: id });
  void invokeOrToast('selectParticipant', { id }).then((r) => {
    if (!r.ok && getState().optimisticSelectedId === id) setState({ optimisticSelectedId: null });
  });
}

export function selectIndex(index: number): void {
  const p = participantsOf(getState())[index];
  if (p) select(p.id);
  else pushToast({ level: 'info', message: `There is no participant ${index + 1}.` });
}

/** Cycles through the participants still in the call (the global "select next" shortcut). */
export function selectNext(): void {
  const s = getState();
  const inCall = participantsOf(s).filter((p) => p.state !== 'dropped' && p.state !== 'failed');
  if (inCall.length === 0) return;
  const at = inCall.findIndex((p) => p.id === selectedParticipant(s)?.id);
  select(inCall[(at + 1) % inCall.length]!.id);
}

/** Drop asks first (Enter confirms, Esc cancels) unless the agent turned confirmation off. */
export function requestDrop(id: string): void {
  const s = getState();
  if (!isLive(s)) return;
  if (settingsOf(s).behaviour.confirmBeforeDrop) {
    setState({
      confirm: { kind: 'drop', participantId: id },
      focusRequest: { target: 'confirm', n: Date.now() },
    });
  } else drop(id);
}

export function drop(id: string): void {
  markPending(id, 'drop');
  void invokeOrToast('dropParticipant', { id }).then((r) => {
    if (!r.ok) clearPending(id);
  });
}

export function requestEnd(): void {
  const s = getState();
  if (!isLive(s)) {
    pushToast({ level: 'info', message: 'No live call to end.' });
    return;
  }
  if (settingsOf(s).behaviour.confirmBeforeEnd) {
    setState({ confirm: { kind: 'end' }, focusRequest: { target: 'confirm', n: Date.now() } });
  } else endForAgent();
}

export function endForAgent(): void {
  markPending('agent', 'end');
  void invokeOrToast('endForAgent', {}).then((r) => {
    if (!r.ok) clearPending('agent');
  });
}

export function confirmPending(): void {
  const { confirm } = getState();
  setState({ confirm: null });
  if (confirm?.kind === 'drop') drop(confirm.participantId);
  else if (confirm?.kind === 'end') endForAgent();
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

export function describeConfirm(s: ToolbarState): string {
  const c = s.confirm;
  if (!c) return '';
  if (c.kind === 'end') return 'End the conference for you (KICK_CALL)?';
  const p = participantsOf(s).find((x) => x.id === c.participantId);
  const others = participantsOf(s).filter(
    (x) => x.id !== c.participantId && x.state !== 'dropped' && x.state !== 'failed',
  );
  // With the documented rule KICK_CALL names the agent's number, and CloudAgent drops every third party.
  const all = settingsOf(s).account.kickNumber === 'agent' && others.length > 0;
  return `Drop ${p ? displayName(p) : 'this participant'}?${all ? ' This drops everyone (agent-number rule).' : ''}`;
}
