import { PASTE_KEYS } from '../lib/platform';
import { sessionOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { AddParticipant } from './AddParticipant';
import { AgentLeg } from './AgentLeg';
import { DemoCallOffer } from './DemoCallOffer';
import { HeaderButtons } from './HeaderButtons';
import { KeptDraft } from './KeptDraft';
import { ParticipantList } from './ParticipantList';
import { SessionField } from './SessionField';
import { StartCall } from './StartCall';
import { UcidProblem } from './UcidProblem';

/** A few rows: the call, the add field, the participants, the agent's own leg. */
export function ExpandedView() {
  const session = useToolbar(sessionOf);
  const startCallOpen = useToolbar((s) => s.startCallOpen);
  const live = session?.status === 'live';
  return (
    <>
      <header className="bar">
        <SessionField />
        <HeaderButtons showStart={!session} />
      </header>
      <UcidProblem />
      {session?.status === 'ended' ? (
        <p className="line ended" role="status">
          {session.endedReason ?? 'This call has ended.'} Read-only.
        </p>
      ) : null}
      {live ? null : <KeptDraft />}
      {startCallOpen && !session ? <StartCall /> : null}
      {!session && !startCallOpen ? (
        <>
          <DemoCallOffer />
          <p className="line muted">
            Paste a ucid anywhere ({PASTE_KEYS}), or press C to start a call. ? for shortcuts.
          </p>
        </>
      ) : null}
      {live ? <AddParticipant /> : null}
      <ParticipantList />
      <AgentLeg />
    </>
  );
}
