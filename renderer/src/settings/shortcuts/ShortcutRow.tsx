import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { LockNote } from '../fields';
import { Mark } from '../../components/Icon';
import type { KeyLike, Recorded } from '../../../../shared/shortcuts';

interface Props {
  label: string;
  /** Global rows say so in their button's name: both lists hold a "Mute / unmute selected". */
  global: boolean;
  /** The binding as shown ('Ctrl+Alt+M'), or '' when off. */
  shown: string;
  locked: boolean;
  /** Registration state or a conflict, shown under the label. */
  detail?: ReactNode;
  conflict?: string;
  capture: (e: KeyLike) => Recorded;
  /** Backspace turns the shortcut off (global shortcuts may be off; window ones may not). */
  clearable: boolean;
  onCaptured: (binding: string | null) => void;
  onCaptureState: (message: string) => void;
}

/**
 * One command and its key. "Change" enters capture mode: the next key press (with modifiers) becomes the
 * binding; Esc cancels, Tab leaves, Backspace clears when allowed.
 */
export function ShortcutRow(p: Props) {
  const id = useId();
  const [capturing, setCapturing] = useState(false);

  const stop = (message: string) => {
    setCapturing(false);
    p.onCaptureState(message);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!capturing) return;
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      stop('');
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') return stop(`Unchanged: ${p.label}.`);
    if (e.key === 'Backspace' && p.clearable && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      p.onCaptured(null);
      return stop(`${p.label}: off.`);
    }
    const r = p.capture(e);
    if (r === null) return;
    if (!r.ok) {
      p.onCaptureState(`${r.reason} Press another key, or Esc to cancel.`);
      return;
    }
    p.onCaptured(r.binding);
    stop(`${p.label}: ${r.binding}. Not saved yet.`);
  };

  const start = () => {
    if (capturing) return;
    setCapturing(true);
    p.onCaptureState(
      `Press the new shortcut for ${p.label}. Esc cancels${p.clearable ? ', Backspace turns it off' : ''}.`,
    );
  };

  return (
    <li className={`st-sc-row${p.conflict ? ' st-sc-conflict' : ''}`}>
      <div className="st-sc-main">
        <span id={`${id}-l`} className="st-sc-label">
          {p.label}
          {p.locked ? <Mark name="lock" /> : null}
        </span>
        {p.detail ? <span className="st-sc-detail">{p.detail}</span> : null}
        {p.conflict ? (
          <span id={`${id}-c`} className="st-error st-sc-detail">
            {p.conflict}
          </span>
        ) : null}
        {p.locked ? <LockNote id={`${id}-lock`} /> : null}
      </div>
      <kbd className={`st-kbd${p.shown === '' ? ' st-kbd-off' : ''}`}>{p.shown === '' ? 'Off' : p.shown}</kbd>
      <button
        type="button"
        className={`st-btn st-btn-small${capturing ? ' st-capturing' : ''}`}
        disabled={p.locked}
        aria-label={
          capturing
            ? `Press a key for ${p.label}`
            : `Change ${p.label} (${p.global ? 'global, ' : ''}now ${p.shown || 'off'})`
        }
        aria-describedby={
          [p.conflict ? `${id}-c` : '', p.locked ? `${id}-lock` : ''].filter(Boolean).join(' ') || undefined
        }
        onClick={start}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (capturing) stop('');
        }}
      >
        {capturing ? 'Press a key…' : 'Change'}
      </button>
    </li>
  );
}
