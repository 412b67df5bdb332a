import { useEffect } from 'react';
import { settingsOf } from '../store/selectors';
import { requestFocus } from '../store/focus';
import { getState } from '../store/store';
import { cancel, closeSettings, runKeyCommand, toggleHelp } from './commands';
import { matchKey } from './keymap';
import { isTextField } from './text-field';
import { selectStep } from './participant-actions';

/** Whether the focused element takes keys as text (see isTextField). */
export function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && isTextField(target);
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
    // Enter and Space press the focused button (Cancel, to begin with): nothing confirms by default.
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
    return;
  }
  if (e.key === 'Escape') {
    e.preventDefault();
    cancel();
    if (isTextEntry(e.target) && !getState().confirm) requestFocus('main');
    return;
  }
  if (isTextEntry(e.target)) return;
  const plain = !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
  if (plain && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !s.helpOpen && s.snapshot?.session) {
    e.preventDefault();
    selectStep(e.key === 'ArrowDown' ? 1 : -1);
    return;
  }
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
