import { useRef } from 'react';
import { KICK_RULE_WORDS } from '../../../shared/kick-rule';
import { OFFER_KEY } from '../../../shared/session';
import { WINDOW_COMMANDS } from '../../../shared/settings';
import { openSettings, toggleHelp } from '../commands/commands';
import { displayWindowKey } from '../../../shared/shortcuts';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useFocusTrap } from '../hooks/use-focus-trap';
import { PASTE_KEYS } from '../lib/platform';
import { settingsOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { WINDOW_LABELS } from '../settings/shortcuts/labels';
import './HelpOverlay.css';

/**
 * The shortcuts as currently configured (the agent may have changed them in Settings). A modal: Tab stays
 * inside, Esc closes it (the keyboard hook), and focus returns to where it was.
 */
export function HelpOverlay() {
  const shortcuts = useToolbar((s) => settingsOf(s).shortcuts.window);
  const directory = useToolbar((s) => settingsOf(s).directory);
  const rule = useToolbar((s) => settingsOf(s).account.kickNumber);
  const slots = directory.filter((c) => c.slot !== null).sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  const dialog = useRef<HTMLDivElement>(null);
  const ref = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialog);
  useFocusRequest('help', ref);
  return (
    <div ref={dialog} className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="overlay-head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button ref={ref} type="button" className="icon-btn" aria-label="Close help" onClick={toggleHelp}>
          ×
        </button>
      </div>
      <dl className="keys">
        {WINDOW_COMMANDS.filter((c) => shortcuts[c]).map((c) => (
          <div key={c} className="key-row">
            <dt>
              <kbd>{displayWindowKey(shortcuts[c]!)}</kbd>
            </dt>
            <dd>{WINDOW_LABELS[c]}</dd>
          </div>
        ))}
        <div className="key-row">
          <dt>
            <kbd>1</kbd>–<kbd>9</kbd>
          </dt>
          <dd>Select participant</dd>
        </div>
        <div className="key-row">
          <dt>
            <kbd>Alt+1</kbd>–<kbd>9</kbd>
          </dt>
          <dd>Dial speed-dial slot</dd>
        </div>
        <div className="key-row">
          <dt>
            <kbd>{OFFER_KEY.toUpperCase()}</kbd>
          </dt>
          <dd>Take what a message offers (a clipboard ucid, a link's call or number)</dd>
        </div>
        <div className="key-row">
          <dt>
            <kbd>{PASTE_KEYS}</kbd>
          </dt>
          <dd>Paste a ucid (no call open)</dd>
        </div>
        {slots.map((c) => (
          <div key={c.id} className="key-row slot">
            <dt>
              <kbd>Alt+{c.slot}</kbd>
            </dt>
            <dd>
              {c.label} <span className="muted">{c.number}</span>
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="overlay-sub">Drop and End</h3>
      <p className="small help-rule">
        {KICK_RULE_WORDS[rule].drop} {KICK_RULE_WORDS[rule].end} Their confirmation starts on Cancel.
      </p>
      <div className="overlay-foot">
        <p className="muted small">Keys typed in a text field are text.</p>
        <button type="button" className="btn" onClick={openSettings}>
          Change shortcuts
        </button>
      </div>
    </div>
  );
}
