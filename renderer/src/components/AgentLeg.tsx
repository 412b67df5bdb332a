import { requestEnd } from '../commands/participant-actions';
import { clearSession } from '../commands/session-actions';
import { sessionOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import './AgentLeg.css';

/** The agent's own leg: End (KICK_CALL with the agent's number: everyone is disconnected), or a new call. */
export function AgentLeg() {
  const session = useToolbar(sessionOf);
  const optimistic = useToolbar((s) => s.optimistic.agent);
  if (!session) return null;
  const live = session.status === 'live';
  const pending = optimistic === 'end' || session.agent.pending;
  return (
    <div className="agent-leg">
      <span className="agent-who">
        You{session.agent.number ? ` · ${session.agent.number}` : ''}
        <span className="mode"> · {session.mode} API</span>
      </span>
      {live ? (
        <button
          type="button"
          className="btn danger-outline"
          data-pending={pending || undefined}
          aria-busy={pending || undefined}
          aria-keyshortcuts="E"
          aria-describedby="end-what"
          onClick={requestEnd}
        >
          End
          <span id="end-what" className="sr-only">
            Ends the conference: everyone is disconnected.
          </span>
        </button>
      ) : (
        <button type="button" className="btn" onClick={clearSession}>
          New call
        </button>
      )}
    </div>
  );
}
