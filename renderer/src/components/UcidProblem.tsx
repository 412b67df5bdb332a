import { useRef } from 'react';
import { submitUcid } from '../commands/session-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useToolbar } from '../store/store';
import './UcidProblem.css';

/**
 * Why the pasted text was not opened, and when the likely ucid is known, a button that opens it: it takes
 * focus when the problem appears, so one key (Enter) accepts.
 */
export function UcidProblem({ compact = false }: { compact?: boolean }) {
  const error = useToolbar((s) => (s.snapshot?.session ? null : s.ucidError));
  const ref = useRef<HTMLButtonElement>(null);
  useFocusRequest('suggestion', ref);
  if (!error) return null;
  return (
    <div id="ucid-error" className={`ucid-problem ${compact ? 'compact' : ''}`} role="alert">
      <span className="ucid-problem-text">{error.message}</span>
      {error.suggestion ? (
        <button
          ref={ref}
          type="button"
          className="btn primary compact"
          onClick={() => void submitUcid(error.suggestion!)}
        >
          Use {error.suggestion}
        </button>
      ) : null}
    </div>
  );
}
