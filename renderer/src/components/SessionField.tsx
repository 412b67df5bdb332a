import { useRef } from 'react';
import { submitUcid } from '../commands/session-actions';
import { setDraft } from '../store/drafts';
import { sessionOf } from '../store/selectors';
import { setState, useToolbar } from '../store/store';
import { useFocusRequest } from '../hooks/use-focus-request';
import './SessionField.css';

/**
 * The call's ucid: an editable field (paste or type, Enter opens it) while no call is open, and the open
 * call's ucid (read-only, selectable) with its state otherwise.
 */
export function SessionField({ compact = false }: { compact?: boolean }) {
  const session = useToolbar(sessionOf);
  const draft = useToolbar((s) => s.drafts.ucid);
  const error = useToolbar((s) => s.ucidError);
  const ref = useRef<HTMLInputElement>(null);
  useFocusRequest('ucid', ref);

  if (session) {
    const state = session.status === 'live' ? 'live' : 'ended';
    return (
      <div className={`session ${compact ? 'compact' : ''}`}>
        <input
          ref={ref}
          className="ucid-input"
          readOnly
          value={session.ucid}
          aria-label={`ucid of the ${state} call`}
          title={session.ucid}
          size={compact ? 10 : 18}
        />
        {compact ? (
          <span className={`state-dot ${state}`} title={state} aria-hidden="true" />
        ) : (
          <span className={`chip chip-session ${state}`} data-state={state}>
            {state}
          </span>
        )}
      </div>
    );
  }

  return (
    <div className={`session ${compact ? 'compact' : ''}`}>
      <input
        ref={ref}
        className={`ucid-input ${error ? 'invalid' : ''}`}
        value={draft}
        placeholder={compact ? 'Paste ucid' : 'Paste or type the call’s ucid'}
        aria-label="ucid of the live call"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'ucid-error' : undefined}
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setDraft('ucid', e.target.value);
          if (error) setState({ ucidError: null });
        }}
        onPaste={(e) => {
          // Pasting into the empty field opens the call at once, like pasting anywhere else.
          const text = e.clipboardData.getData('text/plain').trim();
          if (draft.trim() !== '' || text === '') return;
          e.preventDefault();
          void submitUcid(text);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submitUcid(draft);
          }
        }}
      />
    </div>
  );
}
