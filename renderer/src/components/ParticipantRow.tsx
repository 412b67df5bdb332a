import { useRef } from 'react';
import type { ParticipantView } from '../../../shared/session';
import { select } from '../commands/participant-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { CHIP_TEXT, chipState, displayName } from '../lib/participant-state';
import { Elapsed } from './Elapsed';
import { ParticipantControls } from './ParticipantControls';
import './ParticipantRow.css';

/**
 * One third party: who, state chip, time since connect (and on hold), and the controls. A failure's
 * reason wraps under the name, readable in full, and is part of the select button's name.
 */
export function ParticipantRow(props: {
  p: ParticipantView;
  index: number;
  selected: boolean;
  live: boolean;
}) {
  const { p, index, selected, live } = props;
  const chip = chipState(p);
  const name = displayName(p);
  const detail =
    p.lastError && (p.state === 'failed' || p.state === 'unknown' || p.unanswered) ? p.lastError : null;
  const ref = useRef<HTMLButtonElement>(null);
  useFocusRequest(`row:${p.id}`, ref);
  return (
    <li
      className={`participant ${selected ? 'selected' : ''} ${live ? '' : 'over'} ${detail ? 'has-detail' : ''}`}
      data-state={chip}
      aria-current={selected || undefined}
    >
      <button
        ref={ref}
        type="button"
        className="who"
        aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
        onClick={() => select(p.id)}
      >
        <span className="index">{index + 1}</span>
        <span className="names">
          <span className="label">{name}</span>
          <span className="sub">
            {name !== p.number ? p.number : ''}
            {p.sip ? ' · SIP' : ''}
          </span>
          {detail ? <span className="reason">{detail.message}</span> : null}
        </span>
        <span className="sr-only">, {CHIP_TEXT[chip]}</span>
      </button>
      <span className={`chip ${chip}`} data-state={chip} aria-hidden="true">
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
