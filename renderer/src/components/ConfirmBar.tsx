import { useRef } from 'react';
import { cancel } from '../commands/commands';
import { confirmPending, describeConfirm } from '../commands/participant-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useToolbar } from '../store/store';

/** An inline "are you sure" for Drop and End: Enter confirms, Esc cancels (the keyboard hook handles both). */
export function ConfirmBar() {
  const confirm = useToolbar((s) => s.confirm);
  const question = useToolbar(describeConfirm);
  const ref = useRef<HTMLButtonElement>(null);
  useFocusRequest('confirm', ref);
  if (!confirm) return null;
  const verb = confirm.kind === 'drop' ? 'Drop' : 'End';
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="confirm-q" aria-describedby="confirm-keys">
      <span id="confirm-q" className="confirm-q">
        {question}
      </span>
      <span id="confirm-keys" className="sr-only">
        Enter to {verb.toLowerCase()}, Escape to cancel.
      </span>
      <button ref={ref} type="button" className="btn danger" onClick={confirmPending}>
        {verb} <kbd>Enter</kbd>
      </button>
      <button type="button" className="btn" onClick={cancel}>
        Cancel <kbd>Esc</kbd>
      </button>
    </div>
  );
}
