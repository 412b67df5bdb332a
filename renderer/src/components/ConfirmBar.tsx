import { useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cancel } from '../commands/commands';
import { confirmPending, describeConfirm } from '../commands/participant-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useToolbar } from '../store/store';
import './ConfirmBar.css';

/**
 * An inline "are you sure" for Drop and End. It starts on its safe choice: focus is on Cancel, so Enter
 * pressed out of habit cancels. ← → (or Tab) move between the two; Esc cancels.
 */
export function ConfirmBar() {
  const confirm = useToolbar((s) => s.confirm);
  const { question, detail, verb } = useToolbar(useShallow(describeConfirm));
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  useFocusRequest('confirm', cancelRef);
  if (!confirm) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const buttons = [...(bar.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };
  return (
    <div
      ref={bar}
      className="confirm"
      role="alertdialog"
      aria-labelledby="confirm-q"
      aria-describedby="confirm-detail"
      onKeyDown={onKeyDown}
    >
      <p className="confirm-text">
        <span id="confirm-q" className="confirm-q">
          {question}
        </span>{' '}
        <span id="confirm-detail" className="confirm-detail">
          {detail}
        </span>
      </p>
      <div className="confirm-buttons">
        <button type="button" className="btn danger" onClick={confirmPending}>
          {verb}
        </button>
        <button ref={cancelRef} type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
