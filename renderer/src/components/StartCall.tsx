import { useRef, type KeyboardEvent } from 'react';
import { startCall } from '../commands/session-actions';
import { requestRelease } from '../commands/phone-line-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { usePhoneRules } from '../lib/phone';
import { setDraft } from '../store/drafts';
import { discardLinkPrefill, linkHint } from '../store/link-prefill';
import { regionOf } from '../store/selectors';
import { setState, useToolbar } from '../store/store';

/**
 * Phone Manual Dial: CloudAgent rings the agent, then the customer; the new call opens here. The optional
 * Reference travels as `uui` into CloudAgent's reports. When CloudAgent refuses because the agent's phone
 * is busy or still mapped, the refusal comes with "Release my phone…".
 */
export function StartCall() {
  const text = useToolbar((s) => s.drafts.customer);
  const reference = useToolbar((s) => s.drafts.reference);
  const error = useToolbar((s) => s.customerError);
  const releaseOffer = useToolbar((s) => s.releaseOffer);
  const region = useToolbar(regionOf);
  const linkPrefill = useToolbar((s) => s.linkPrefill);
  const ref = useRef<HTMLInputElement>(null);
  const refRef = useRef<HTMLInputElement>(null);
  const offerRef = useRef<HTMLButtonElement>(null);
  useFocusRequest('customer', ref);
  useFocusRequest('reference', refRef);
  useFocusRequest('releaseOffer', offerRef);
  const rules = usePhoneRules();
  const preview = text.trim() === '' || !rules ? null : rules.normalizeNumber(text, region);
  const hint =
    error ??
    (preview
      ? preview.ok
        ? `will call ${preview.value}${linkHint(linkPrefill, 'customer', text)}`
        : preview.message
      : '\u00a0');
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void startCall();
    }
  };
  const edited = () => setState({ customerError: null, releaseOffer: false });
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
            edited();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && discardLinkPrefill('customer', text)) {
              e.preventDefault(); // a link's number, untouched: Esc discards it (the next Esc closes)
            } else onEnter(e);
          }}
        />
        <button type="button" className="btn primary" onClick={() => void startCall()}>
          Call
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setState({ startCallOpen: false, customerError: null, releaseOffer: false })}
        >
          Cancel
        </button>
      </div>
      <div className="add-row">
        <input
          ref={refRef}
          className="add-input"
          value={reference}
          placeholder="Reference (optional), e.g. a ticket id"
          aria-label="Reference for CloudAgent's reports (optional)"
          aria-describedby="start-hint"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setDraft('reference', e.target.value);
            edited();
          }}
          onKeyDown={onEnter}
        />
      </div>
      <div
        id="start-hint"
        className={`hint ${error ? 'error' : preview?.ok ? 'ok' : ''}`}
        role={error ? 'alert' : undefined}
      >
        {hint}
      </div>
      {releaseOffer ? (
        <div className="add-row">
          <button ref={offerRef} type="button" className="btn" onClick={requestRelease}>
            Release my phone…
          </button>
        </div>
      ) : null}
    </div>
  );
}
