import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { releaseWords } from '../../../../shared/phone-line';
import type { SettingsView } from '../../../../shared/settings';
import { invoke } from '../../api';
import { Status } from '../fields';
import './ReleasePhoneSection.css';

type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

/**
 * "Release my phone" in Settings → Account: for when no new call reaches the agent's phone after a call
 * ended. Asks first, on its safe choice (focus on Cancel, like Drop and End); Esc cancels.
 */
export function ReleasePhoneSection({ view }: { view: SettingsView }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const phone = view.settings.account.agentPhoneName.trim() || null;

  // Focus follows the step: Cancel when asking, back to the button after (it mounts again then).
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (refocus > 0) openRef.current?.focus();
  }, [asking, refocus]);

  const cancel = () => {
    setAsking(false);
    setRefocus((n) => n + 1);
  };
  const release = async () => {
    setAsking(false);
    setRunning(true);
    setOutcome({ message: 'Releasing…', tone: 'info' });
    const r = await invoke('releasePhone', {});
    setRunning(false);
    setRefocus((n) => n + 1);
    setOutcome(
      r.ok
        ? { message: r.value.message, tone: 'ok' }
        : { message: `${r.error.message} ${r.error.remedy}`, tone: 'error' },
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Used here: the settings panel must not close as well.
    e.preventDefault();
    e.stopPropagation();
    cancel();
  };

  return (
    <section className="st-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="st-h2">
        Release my phone
      </h2>
      <p className="st-hint">
        When a call is over but no new call reaches your phone, CloudAgent may still map it to the customer.
      </p>
      {asking ? (
        <div
          className="st-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-q`}
          aria-describedby={`${id}-d`}
          onKeyDown={onKeyDown}
        >
          <p>
            <strong id={`${id}-q`}>Release your phone?</strong>{' '}
            <span id={`${id}-d`}>{releaseWords(phone)}</span>
          </p>
          <div className="st-actions">
            <button type="button" className="st-btn st-btn-danger" onClick={() => void release()}>
              Release
            </button>
            <button ref={cancelRef} type="button" className="st-btn" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="st-actions">
          <button
            ref={openRef}
            type="button"
            className="st-btn"
            disabled={running}
            onClick={() => setAsking(true)}
          >
            {running ? 'Releasing…' : 'Release my phone…'}
          </button>
        </div>
      )}
      <Status message={outcome.message} tone={outcome.tone} />
    </section>
  );
}
