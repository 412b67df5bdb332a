import { useEffect } from 'react';
import { isLive } from '../store/selectors';
import { getState } from '../store/store';
import { submitUcid } from './session-actions';
import { isTextEntry } from './use-keyboard';

/**
 * Ctrl/Cmd+V anywhere in the window opens the pasted ucid when no call is live. Pasting into a text field
 * stays a normal paste (the ucid field submits on Enter).
 */
function onPaste(e: ClipboardEvent): void {
  const s = getState();
  if (e.defaultPrevented || s.view !== 'toolbar' || isLive(s) || isTextEntry(e.target)) return;
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.trim() === '') return;
  e.preventDefault();
  void submitUcid(text.trim());
}

export function usePasteUcid(): void {
  useEffect(() => {
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
