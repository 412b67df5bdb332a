import { CHIP_TEXT, chipState, displayName } from '../lib/participant-state';
import { isLive, participantsOf, selectedParticipant, sessionOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { useShallow } from 'zustand/react/shallow';
import { AddParticipant } from './AddParticipant';
import { DemoBanner } from './DemoBanner';
import { DemoCallOffer } from './DemoCallOffer';
import { HeaderButtons } from './HeaderButtons';
import { ParticipantControls } from './ParticipantControls';
import { SessionField } from './SessionField';
import { StartCall } from './StartCall';
import { UcidProblem } from './UcidProblem';
import './MiniView.css';

/**
 * One row (wrapping rather than clipping when narrow): the call, a mark for every held or muted party,
 * the selected participant and its controls. N or C reveal their field below it.
 */
export function MiniView({ demo }: { demo: boolean }) {
  const session = useToolbar(sessionOf);
  const selected = useToolbar(selectedParticipant);
  const live = useToolbar(isLive);
  const reveal = useToolbar((s) => s.miniReveal);
  const startCallOpen = useToolbar((s) => s.startCallOpen);
  const marks = useToolbar(
    useShallow((s) =>
      participantsOf(s).flatMap((p, i) => {
        const state = chipState(p);
        return state === 'held' || state === 'muted' || (p.held && p.muted)
          ? [
              `${i + 1}|${displayName(p)}|${p.held ? 'held' : ''}${p.held && p.muted ? ' and ' : ''}${p.muted ? 'muted' : ''}`,
            ]
          : [];
      }),
    ),
  );
  return (
    <>
      <div className="bar mini-row">
        {demo ? <DemoBanner compact /> : null}
        <SessionField compact />
        {live && marks.length > 0 ? <MiniMarks marks={marks} /> : null}
        <div className="mini-middle">
          {session?.status === 'ended' ? (
            <span className="mini-ended">{session.endedReason ?? 'Call ended'}</span>
          ) : selected ? (
            <>
              <span className="mini-name">{displayName(selected)}</span>
              <span className={`chip ${chipState(selected)}`} data-state={chipState(selected)}>
                {CHIP_TEXT[chipState(selected)]}
              </span>
            </>
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
      <UcidProblem compact />
      {reveal && live ? <AddParticipant /> : null}
      {startCallOpen && !session ? <StartCall /> : null}
    </>
  );
}

/** "1 M", "2 H": who is muted or held, by their number, whoever is selected. */
function MiniMarks({ marks }: { marks: string[] }) {
  return (
    <ul className="mini-marks" aria-label="Held or muted">
      {marks.map((m) => {
        const [n, name, what] = m.split('|') as [string, string, string];
        const letters = `${what.includes('held') ? 'H' : ''}${what.includes('muted') ? 'M' : ''}`;
        return (
          <li key={n} className={`mini-mark ${what.includes('held') ? 'held' : 'muted'}`}>
            <span aria-hidden="true">
              {n}
              {letters}
            </span>
            <span className="sr-only">
              {n} {name} {what}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
