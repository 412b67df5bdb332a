import { useRef } from 'react';
import { startCall } from '../commands/session-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { usePhoneRules } from '../lib/phone';
import { setDraft } from '../store/drafts';
import { discardLinkPrefill, linkHint } from '../store/link-prefill';
import { regionOf } from '../store/selectors';
import { setState, useToolbar } from '../store/store';

/** Phone Manual Dial: CloudAgent rings the agent, then the customer; the new call opens here. */
export function StartCall() {
  const text = useToolbar((s) => s.drafts.customer);
  const error = useToolbar((s) => s.customerError);
  const region = useToolbar(regionOf);
  const linkPrefill = useToolbar((s) => s.linkPrefill);
  const ref = useRef<HTMLInputElement>(null);
  useFocusRequest('customer', ref);
  const rules = usePhoneRules();
  const preview = text.trim() === '' || !rules ? null : rules.normalizeNumber(text, region);
  const hint =
    error ??
    (preview
      ? preview.ok
        ? `will call ${preview.value}${linkHint(linkPrefill, 'customer', text)}`
        : preview.message
      : '\u00a0');
  return (
    <div className="start-call">
      <div className="add-row">
        <input
          ref={ref}
          className={`add-input ${error ? 'invalid' : ''}`}
          value={text}
          placeholder="Customer number"
          aria-label="Customer number to call"
          aria-invalid={error ? true : undefined}
          aria-describedby="start-hint"
          inputMode="tel"
          autoComplete="off"
          onChange={(e) => {
            setDraft('customer', e.target.value);
            setState({ customerError: null });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void startCall();
            } else if (e.key === 'Escape' && discardLinkPrefill('customer', text)) {
              e.preventDefault(); // a link's number, untouched: Esc discards it (the next Esc closes)
            }
          }}
        />
        <button type="button" className="btn primary" onClick={() => void startCall()}>
          Call
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setState({ startCallOpen: false, customerError: null })}
        >
          Cancel
        </button>
      </div>
      <div
        id="start-hint"
        className={`hint ${error ? 'error' : preview?.ok ? 'ok' : ''}`}
        role={error ? 'alert' : undefined}
      >
        {hint}
      </div>
    </div>
  );
}
