import { CHIP_TEXT, chipState, displayName } from '../lib/participant-state';
import { isLive, selectedParticipant, sessionOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { AddParticipant } from './AddParticipant';
import { DemoBanner } from './DemoBanner';
import { DemoCallOffer } from './DemoCallOffer';
import { HeaderButtons } from './HeaderButtons';
import { ParticipantControls } from './ParticipantControls';
import { SessionField } from './SessionField';
import { StartCall } from './StartCall';

/** One row: the call, the selected participant and its controls. N or C reveal their field below it. */
export function MiniView({ demo }: { demo: boolean }) {
  const session = useToolbar(sessionOf);
  const selected = useToolbar(selectedParticipant);
  const live = useToolbar(isLive);
  const reveal = useToolbar((s) => s.miniReveal);
  const startCallOpen = useToolbar((s) => s.startCallOpen);
  const ucidError = useToolbar((s) => s.ucidError);
  return (
    <>
      <div className="bar mini-row">
        {demo ? <DemoBanner compact /> : null}
        <SessionField compact />
        <div className="mini-middle">
          {session?.status === 'ended' ? (
            <span className="mini-ended" title={session.endedReason ?? undefined}>
              {session.endedReason ?? 'Call ended'}
            </span>
          ) : selected ? (
            <>
              <span className="mini-name" title={`${displayName(selected)} ${selected.number}`}>
                {displayName(selected)}
              </span>
              <span className={`chip ${chipState(selected)}`} data-state={chipState(selected)}>
                {CHIP_TEXT[chipState(selected)]}
              </span>
            </>
          ) : ucidError && !session ? (
            <span className="mini-ended error" role="alert">
              {ucidError}
            </span>
          ) : live ? (
            <span className="muted small">N to add</span>
          ) : demo ? (
            <DemoCallOffer compact />
          ) : (
            <span className="muted small">Paste a ucid</span>
          )}
        </div>
        {selected && session ? <ParticipantControls p={selected} live={live} /> : null}
        {/* With a call open the row is full: settings stay one key away (,). */}
        <HeaderButtons showStart={!session} showSettings={!session} />
      </div>
      {reveal && live ? <AddParticipant /> : null}
      {startCallOpen && !session ? <StartCall /> : null}
    </>
  );
}
