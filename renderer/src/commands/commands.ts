import { acceptOffer, invokeOrToast, dismissNewestToast } from '../store/actions';
import { isLive, settingsOf } from '../store/selectors';
import { requestFocus } from '../store/focus';
import { getState, setState } from '../store/store';
import type { KeyCommand } from './keymap';
import {
  dialSpeedSlot,
  dropSelected,
  focusAfterCancel,
  holdSelected,
  muteSelected,
  requestEnd,
  selectIndex,
  selectNext,
} from './participant-actions';
import { requestRelease } from './phone-line-actions';

export { requestFocus };

export function openSettings(): void {
  setState({ view: 'settings', helpOpen: false, confirm: null, suggestionsOpen: false });
}

export function closeSettings(): void {
  setState({ view: 'toolbar' });
}

export function toggleHelp(): void {
  const open = !getState().helpOpen;
  setState({ helpOpen: open });
  if (open) requestFocus('help');
}

export function toggleMini(): void {
  const mini = settingsOf(getState()).behaviour.miniMode;
  setState({ miniReveal: false });
  void invokeOrToast('updateSettings', { patch: { behaviour: { miniMode: !mini } } });
}

function focusAdd(target: 'add' | 'search'): void {
  const s = getState();
  if (!isLive(s)) {
    requestFocus('ucid');
    return;
  }
  // A global "add participant" while settings are open brings the toolbar back: the agent is on a call.
  setState({
    view: 'toolbar',
    miniReveal: settingsOf(s).behaviour.miniMode,
    suggestionsOpen: target === 'search',
  });
  requestFocus(target);
}

function openStartCall(): void {
  const s = getState();
  if (isLive(s)) return;
  const open = () => {
    setState({ startCallOpen: true });
    requestFocus('customer');
  };
  // An ended call is only on screen for reference: starting a new one puts it away first.
  if (s.snapshot?.session) {
    void invokeOrToast('clearSession', {}).then((r) => {
      if (r.ok) open();
    });
  } else open();
}

/** Esc: closes the innermost thing open; with nothing open, dismisses the newest toast. */
export function cancel(): void {
  const s = getState();
  if (s.confirm) {
    setState({ confirm: null });
    focusAfterCancel(s.confirm);
  } else if (s.helpOpen) setState({ helpOpen: false });
  else if (s.suggestionsOpen) setState({ suggestionsOpen: false });
  else if (s.startCallOpen) setState({ startCallOpen: false, customerError: null, releaseOffer: false });
  else if (s.miniReveal) setState({ miniReveal: false });
  else dismissNewestToast();
}

/**
 * One table for every way a command arrives: the in-window key map, buttons, and `command` events from
 * main (global shortcuts, tray), which use the global command names.
 */
const COMMANDS: Record<string, () => void> = {
  add: () => focusAdd('add'),
  addParticipant: () => focusAdd('add'),
  search: () => focusAdd('search'),
  mute: muteSelected,
  toggleMuteSelected: muteSelected,
  hold: holdSelected,
  toggleHoldSelected: holdSelected,
  drop: dropSelected,
  dropSelected,
  selectNext,
  end: requestEnd,
  help: toggleHelp,
  cancel,
  toggleMini,
  settings: openSettings,
  startCall: openStartCall,
  pasteUcid: () => requestFocus('ucid'),
  releasePhone: requestRelease,
  showToolbar: () => undefined,
};

export function runCommand(name: string): void {
  COMMANDS[name]?.();
}

export function runKeyCommand(c: KeyCommand): void {
  if (c.kind === 'window') runCommand(c.command);
  else if (c.kind === 'select') selectIndex(c.index);
  else if (c.kind === 'acceptOffer') acceptOffer();
  else dialSpeedSlot(c.slot);
}
