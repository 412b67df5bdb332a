import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dialPicked, prepareDial, previewNumber, submitTypedNumber } from '../commands/session-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { usePhoneRules } from '../lib/phone';
import { suggest } from '../lib/suggest';
import { setDraft } from '../store/drafts';
import { discardLinkPrefill, linkHint } from '../store/link-prefill';
import { requestFocus } from '../store/focus';
import { participantsOf, regionOf, settingsOf } from '../store/selectors';
import { getState, setState, useToolbar } from '../store/store';
import { Suggestions } from './Suggestions';
import './AddParticipant.css';

/**
 * The number field: live validation with a preview of what will be dialled, search over the directory and
 * recent numbers as the agent types, a SIP switch, Enter to dial. The text lives in the store's drafts.
 */
export function AddParticipant() {
  const text = useToolbar((s) => s.drafts.add);
  const sip = useToolbar((s) => s.drafts.addSip);
  const error = useToolbar((s) => s.addError);
  const region = useToolbar(regionOf);
  const directory = useToolbar((s) => settingsOf(s).directory);
  const recent = useToolbar((s) => settingsOf(s).recent);
  const listOpen = useToolbar((s) => s.suggestionsOpen);
  const linkPrefill = useToolbar((s) => s.linkPrefill);
  // Parties already in the call are not offered again.
  const inCall = useToolbar(
    useShallow((s) =>
      participantsOf(s)
        .filter((p) => p.state === 'dialing' || p.state === 'connected' || p.state === 'unknown')
        .map((p) => (p.sip ? `sip:${p.number}` : p.number)),
    ),
  );
  const [active, setActive] = useState(-1);
  const ref = useRef<HTMLInputElement>(null);
  useFocusRequest('add', ref);
  useFocusRequest('search', ref);

  // suggest() reads the number rules, which arrive after the first paint: recompute when they do.
  const rules = usePhoneRules();
  const options = useMemo(
    () =>
      suggest(
        text,
        directory,
        recent,
        region,
        6,
        inCall.map((n) =>
          n.startsWith('sip:') ? { number: n.slice(4), sip: true } : { number: n, sip: false },
        ),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rules, text, directory, recent, region, inCall],
  );
  const open = listOpen && options.length > 0;
  const preview = text.trim() === '' ? null : previewNumber(text, sip, region);
  const activeOption = open && active >= 0 ? options[active] : undefined;

  // After a dial focus moves to the new participant's row, where the keys are commands again (M mutes
  // them, N adds the next one); after an error the field keeps focus and text, to fix it.
  const leaveAfterDial = (ok: boolean) => {
    const added = getState().snapshot?.session?.selectedId;
    if (ok && added && document.activeElement === ref.current && getState().drafts.add === '')
      requestFocus(`row:${added}`);
  };

  const change = (value: string) => {
    prepareDial();
    setDraft('add', value);
    setActive(-1);
    setState({ addError: null, suggestionsOpen: value.trim() !== '' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!listOpen) setState({ suggestionsOpen: true });
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? -1 : (i + step + options.length) % options.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // A highlighted match dials; so does the only match of a search that is not itself a number.
      const only = !preview?.ok && options.length === 1 ? options[0] : undefined;
      const pick = activeOption ?? only;
      void (pick ? dialPicked(pick.pick) : submitTypedNumber()).then(leaveAfterDial);
    } else if (e.key === 'Escape' && discardLinkPrefill('add', text)) {
      e.preventDefault(); // a link's number, untouched: Esc discards it (the next Esc leaves the field)
      setState({ suggestionsOpen: false });
    } else if (e.key === 'Escape' && open) {
      e.preventDefault(); // first Esc closes the list; the next one leaves the field
      setState({ suggestionsOpen: false });
      setActive(-1);
    }
  };

  let hint: ReactNode = '\u00a0';
  let hintClass = 'hint';
  if (error) {
    hint = error;
    hintClass = 'hint error';
  } else if (preview?.ok) {
    hint = `will dial ${preview.value}${sip ? ' (SIP)' : ''}${linkHint(linkPrefill, 'add', text)}`;
    hintClass = 'hint ok';
  } else if (preview && open && options.length === 1) {
    hint = `1 match: Enter dials ${options[0]!.label}`;
  } else if (preview && open) {
    hint = `${options.length} matches: ↓ to choose, Enter to dial`;
  } else if (preview && !preview.ok) {
    hint = preview.message;
  }

  return (
    <div className="add">
      <div className="add-row">
        <input
          ref={ref}
          id="add-number"
          className={`add-input ${error ? 'invalid' : ''}`}
          value={text}
          placeholder={sip ? 'SIP address or extension' : 'Add: number or name (N, / to search)'}
          aria-label="Add participant: number or directory search"
          role="combobox"
          aria-expanded={open}
          aria-controls="add-suggestions"
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `sugg-${activeOption.key}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby="add-hint"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => change(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={prepareDial}
          onBlur={() => setState({ suggestionsOpen: false })}
        />
        <button
          type="button"
          role="switch"
          className="sip-toggle"
          aria-checked={sip}
          aria-label="SIP number"
          onClick={() => setDraft('addSip', !sip)}
        >
          SIP
        </button>
        <button type="button" className="btn primary dial" onClick={() => void submitTypedNumber()}>
          Dial
        </button>
      </div>
      <div id="add-hint" className={hintClass} role={error ? 'alert' : undefined}>
        {hint}
      </div>
      {open && (
        <Suggestions
          id="add-suggestions"
          options={options}
          active={active}
          onPick={(i) => void dialPicked(options[i]!.pick).then(leaveAfterDial)}
        />
      )}
    </div>
  );
}
