import { KICK_RULE_WORDS } from '../../../shared/kick-rule';
import { rowDropAllowed } from '../commands/participant-actions';
import { isLive, selectedIdOf, sessionOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { ParticipantRow } from './ParticipantRow';
import './ParticipantRow.css';

export function ParticipantList() {
  const session = useToolbar(sessionOf);
  const selectedId = useToolbar(selectedIdOf);
  const live = useToolbar(isLive);
  const rowDrop = useToolbar(rowDropAllowed);
  if (!session) return null;
  if (session.participants.length === 0) {
    return live ? <p className="empty">No one added yet. Press N to add a participant.</p> : null;
  }
  return (
    <>
      <ol className="participants" aria-label="Participants">
        {session.participants.map((p, i) => (
          <ParticipantRow key={p.id} p={p} index={i} selected={p.id === selectedId} live={live} />
        ))}
      </ol>
      {live && !rowDrop ? (
        <p id="kick-rule-note" className="line kick-rule-note">
          {KICK_RULE_WORDS.agent.drop}
        </p>
      ) : null}
    </>
  );
}
