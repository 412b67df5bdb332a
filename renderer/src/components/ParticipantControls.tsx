import type { ParticipantView } from '../../../shared/session';
import {
  requestDrop,
  retryDial,
  rowDropAllowed,
  toggleHold,
  toggleMute,
} from '../commands/participant-actions';
import { canDrop, canToggle, displayName } from '../lib/participant-state';
import { useToolbar } from '../store/store';

/**
 * Mute / hold / drop for one participant. Drop exists only under the participant-number KICK_CALL rule;
 * otherwise its place says it is off, and the note under the list says why and how to switch. Red while active (CloudAgent's convention), aria-pressed for the
 * state CloudAgent confirmed, and a pending mark from the key press until main's answer arrives.
 */
export function ParticipantControls({ p, live }: { p: ParticipantView; live: boolean }) {
  const optimistic = useToolbar((s) => s.optimistic[p.id]);
  const name = displayName(p);
  const mutePending =
    optimistic === 'mute' || p.pending === 'MUTE' || p.pending === 'UNMUTE' || p.desiredMuted !== p.muted;
  const holdPending =
    optimistic === 'hold' || p.pending === 'HOLD' || p.pending === 'UNHOLD' || p.desiredHeld !== p.held;
  const dropPending = optimistic === 'drop' || p.pending === 'KICK_CALL';
  const retryPending = optimistic === 'retry' || p.pending === 'CONFERENCE';

  if (p.state === 'unknown' || p.state === 'failed') {
    return (
      <div className="controls">
        <button
          type="button"
          className="ctl retry"
          disabled={!live}
          data-pending={retryPending || undefined}
          aria-busy={retryPending || undefined}
          aria-label={`Retry dial ${name}`}
          onClick={() => retryDial(p.id)}
        >
          Retry dial
        </button>
        <DropPlace p={p} live={live} pending={dropPending} name={name} />
      </div>
    );
  }

  const toggles = live && canToggle(p);
  return (
    <div className="controls">
      <button
        type="button"
        className="ctl"
        disabled={!toggles}
        aria-pressed={p.muted}
        data-pending={mutePending || undefined}
        aria-busy={mutePending || undefined}
        aria-label={`Mute ${name}`}
        aria-keyshortcuts="M"
        onClick={() => toggleMute(p.id)}
      >
        Mute
      </button>
      <button
        type="button"
        className="ctl"
        disabled={!toggles}
        aria-pressed={p.held}
        data-pending={holdPending || undefined}
        aria-busy={holdPending || undefined}
        aria-label={`Hold ${name}`}
        aria-keyshortcuts="H"
        onClick={() => toggleHold(p.id)}
      >
        Hold
      </button>
      <DropPlace p={p} live={live} pending={dropPending} name={name} />
    </div>
  );
}

function DropPlace(props: { p: ParticipantView; live: boolean; pending: boolean; name: string }) {
  const allowed = useToolbar(rowDropAllowed);
  if (allowed) return <DropButton {...props} />;
  return (
    <span className="ctl-off" aria-describedby="kick-rule-note">
      no Drop
    </span>
  );
}

function DropButton({
  p,
  live,
  pending,
  name,
}: {
  p: ParticipantView;
  live: boolean;
  pending: boolean;
  name: string;
}) {
  return (
    <button
      type="button"
      className="ctl drop"
      disabled={!live || !canDrop(p)}
      aria-pressed={pending}
      data-pending={pending || undefined}
      aria-busy={pending || undefined}
      aria-label={`Drop ${name}`}
      aria-keyshortcuts="D"
      onClick={() => requestDrop(p.id)}
    >
      Drop
    </button>
  );
}
