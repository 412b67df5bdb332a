import { useEffect } from 'react';
import { settingsOf } from '../store/selectors';
import { getState } from '../store/store';
import { cancel, closeSettings, runKeyCommand, toggleHelp } from './commands';
import { matchKey } from './keymap';
import { confirmPending } from './participantActions';

/** Text fields own their keys (typing "m" in a number field is text, not Mute); Esc/Enter are theirs too. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  // A read-only field (the live call's ucid) is for selecting and copying; keys there stay commands.
  if (target.readOnly) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.repeat) return;
  const s = getState();
  if (s.view === 'settings') {
    // The settings panel handles its own Esc first (and prevents default when it used it).
    if (e.key === 'Escape') {
      e.preventDefault();
      closeSettings();
    }
    return;
  }
  if (s.confirm) {
    if (e.key === 'Enter') {
      e.preventDefault();
      confirmPending();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
    return;
  }
  if (e.key === 'Escape') {
    e.preventDefault();
    cancel();
    if (isTextEntry(e.target) && !getState().confirm) (e.target as HTMLElement).blur();
    return;
  }
  if (isTextEntry(e.target)) return;
  const command = matchKey(e, settingsOf(s).shortcuts.window);
  if (!command) return;
  if (s.helpOpen && !(command.kind === 'window' && command.command === 'help')) {
    // With the help overlay open, keys do nothing but close it: it covers the toolbar.
    return;
  }
  e.preventDefault();
  if (command.kind === 'window' && command.command === 'help') toggleHelp();
  else runKeyCommand(command);
}

/** The in-window keyboard map, bound once for the window's life. */
export function useKeyboard(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
