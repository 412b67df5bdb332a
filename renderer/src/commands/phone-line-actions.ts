import { releaseWords } from '../../../shared/phone-line';
import { invokeOrToast, pushToast } from '../store/actions';
import { requestFocus } from '../store/focus';
import { settingsOf } from '../store/selectors';
import { getState, setState, type FocusTarget, type ToolbarState } from '../store/store';

/**
 * "Release my phone": asks first, on the safe choice (focus on Cancel, like Drop and End), then sends one
 * ReleaseFwpNumber and shows the numbers CloudAgent freed. Reached from the call menu, the tray, Settings
 * and the offer after a refused Start call.
 */
export function requestRelease(): void {
  setState({ view: 'toolbar', helpOpen: false, suggestionsOpen: false, confirm: { kind: 'release' } });
  requestFocus('confirm');
}

/** The phone the release is for, as far as the window knows (demo mode uses the simulator's phone). */
function phoneNameOf(s: ToolbarState): string | null {
  if (s.snapshot?.demo) return null;
  return settingsOf(s).account.agentPhoneName.trim() || null;
}

export function releaseConfirmWords(s: ToolbarState): { question: string; detail: string; verb: string } {
  return { question: 'Release your phone?', detail: releaseWords(phoneNameOf(s)), verb: 'Release' };
}

/** Where focus goes after the release (or its Cancel): back to Start call when that is open. */
export function releaseReturnFocus(): FocusTarget {
  return getState().startCallOpen ? 'customer' : 'main';
}

export function releasePhone(): void {
  void invokeOrToast('releasePhone', {}).then((r) => {
    if (r.ok) {
      setState({ releaseOffer: false, customerError: null });
      // A status toast: screen readers hear it through its role, once.
      pushToast({ level: 'success', message: r.value.message });
    }
    requestFocus(releaseReturnFocus());
  });
}
