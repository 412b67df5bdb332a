import type { ParticipantView } from '../../../shared/session';
import { select } from '../commands/participant-actions';
import { CHIP_TEXT, chipState, displayName } from '../lib/participant-state';
import { Elapsed } from './Elapsed';
import { ParticipantControls } from './ParticipantControls';

/** One third party: who, state chip, time since connect (and on hold), and the controls. */
export function ParticipantRow(props: {
  p: ParticipantView;
  index: number;
  selected: boolean;
  live: boolean;
}) {
  const { p, index, selected, live } = props;
  const chip = chipState(p);
  const name = displayName(p);
  const detail = p.lastError && (p.state === 'failed' || p.state === 'unknown') ? p.lastError : null;
  return (
    <li
      className={`participant ${selected ? 'selected' : ''} ${live ? '' : 'over'}`}
      data-state={chip}
      aria-current={selected || undefined}
    >
      <button
        type="button"
        className="who"
        aria-label={`Select participant ${index + 1}: ${name}${name !== p.number ? `, ${p.number}` : ''}, ${CHIP_TEXT[chip]}`}
        aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
        onClick={() => select(p.id)}
      >
        <span className="index" aria-hidden="true">
          {index + 1}
        </span>
        <span className="names">
          <span className="label">{name}</span>
          {detail ? (
            <span className="sub error" title={`${detail.message} ${detail.remedy}`}>
              {detail.message}
            </span>
          ) : (
            <span className="sub">
              {name !== p.number ? p.number : ''}
              {p.sip ? ' · SIP' : ''}
            </span>
          )}
        </span>
      </button>
      <span className={`chip ${chip}`} data-state={chip}>
        {CHIP_TEXT[chip]}
      </span>
      <span className="times">
        {/* Once the call has ended the clock would keep counting a call that is over: no timers then. */}
        {live && p.connectedAt !== null && p.state === 'connected' ? (
          <Elapsed since={p.connectedAt} />
        ) : (
          <span>&nbsp;</span>
        )}
        {live && p.held && p.heldSince !== null ? <Elapsed since={p.heldSince} prefix="held " /> : null}
      </span>
      <ParticipantControls p={p} live={live} />
    </li>
  );
}
