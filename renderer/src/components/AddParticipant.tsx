import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { dialPicked, previewNumber, submitTypedNumber } from '../commands/session-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { usePhoneRules } from '../lib/phone';
import { suggest } from '../lib/suggest';
import { setDraft } from '../store/drafts';
import { regionOf, settingsOf } from '../store/selectors';
import { getState, setState, useToolbar } from '../store/store';
import { Suggestions } from './Suggestions';

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
  const [active, setActive] = useState(-1);
  const ref = useRef<HTMLInputElement>(null);
  useFocusRequest('add', ref);
  useFocusRequest('search', ref);

  // suggest() reads the number rules, which arrive after the first paint: recompute when they do.
  const rules = usePhoneRules();
  const options = useMemo(
    () => suggest(text, directory, recent, region),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rules, text, directory, recent, region],
  );
  const open = listOpen && options.length > 0;
  const preview = text.trim() === '' ? null : previewNumber(text, sip, region);
  const activeOption = open && active >= 0 ? options[active] : undefined;

  // After a dial the keys are commands again (M mutes the new participant, N adds the next one);
  // after an error the field keeps focus and text, to fix it.
  const leaveAfterDial = (ok: boolean) => {
    if (ok && document.activeElement === ref.current && getState().drafts.add === '') ref.current?.blur();
  };

  const change = (value: string) => {
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
      void (activeOption ? dialPicked(activeOption.pick) : submitTypedNumber()).then(leaveAfterDial);
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
    hint = `will dial ${preview.value}${sip ? ' (SIP)' : ''}`;
    hintClass = 'hint ok';
  } else if (preview && open) {
    hint = `${options.length} match${options.length === 1 ? '' : 'es'}: ↓ to choose, Enter to dial`;
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
