import { useEffect, useRef, useState, type FormEvent } from 'react';
import { normalizeNumber } from '../../../../shared/phone';
import type { SettingsView } from '../../../../shared/settings';
import { Checkbox, FormError, RadioGroup, Status, TextField } from '../fields';
import { splitFieldErrors } from '../field-errors';
import { invoke } from '../../api';
import { isLocked } from '../locks';
import { draftToPatch, sameDraft, toDraft, type AccountDraft } from './account-draft';
import { KICK_CHOICES, MODE_CHOICES, OUTPUT_CHOICES, REGION_CHOICES, TOKEN_FORM_CHOICES } from './choices';

type Errors = Partial<Record<keyof AccountDraft, string>>;
type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

/** The CloudAgent account form. Saves only changed fields; on an error every typed value stays put. */
export function AccountSection({ view, adopt }: { view: SettingsView; adopt: (v: SettingsView) => void }) {
  const incoming = toDraft(view.settings.account);
  const [baseline, setBaseline] = useState(incoming);
  const [draft, setDraft] = useState(incoming);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  const [saving, setSaving] = useState(false);
  const [focusErrors, setFocusErrors] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const advancedRef = useRef<HTMLDetailsElement>(null);

  // Settings changed elsewhere (another window, demo toggle): follow them unless there are unsaved edits.
  if (!sameDraft(incoming, baseline)) {
    setBaseline(incoming);
    if (sameDraft(draft, baseline)) setDraft(incoming);
  }

  useEffect(() => {
    if (focusErrors === 0) return;
    // An error inside the collapsed "Advanced" group must be visible before it can take focus.
    if (advancedRef.current?.querySelector('[aria-invalid="true"]')) advancedRef.current.open = true;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusErrors]);

  const locked = (field: keyof AccountDraft) => isLocked(view.locked, `account.${field}`);
  const set =
    <K extends keyof AccountDraft>(field: K) =>
    (value: AccountDraft[K]) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setErrors((e) => {
        if (!(field in e)) return e;
        const next = { ...e };
        delete next[field];
        return next;
      });
    };

  /** What every field of the form gets from the draft: its value, setter, lock and error. */
  const bind = <K extends keyof AccountDraft>(field: K) => ({
    value: draft[field],
    onChange: set(field),
    locked: locked(field),
    error: errors[field],
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const built = draftToPatch(draft, view.settings.account);
    if (!built.ok) {
      setErrors(built.errors);
      setOutcome({ message: 'Not saved: correct the highlighted field.', tone: 'error' });
      setFocusErrors((n) => n + 1);
      return;
    }
    if (Object.keys(built.patch).length === 0) {
      setErrors({});
      setFormError(null);
      setOutcome({ message: 'No changes to save.', tone: 'info' });
      return;
    }
    setSaving(true);
    const r = await invoke('updateSettings', { patch: { account: built.patch } });
    setSaving(false);
    if (r.ok) {
      const saved = toDraft(r.value.settings.account);
      setBaseline(saved);
      setDraft(saved);
      setErrors({});
      setFormError(null);
      adopt(r.value);
      setOutcome({ message: 'Account settings saved.', tone: 'ok' });
      return;
    }
    const split = splitFieldErrors(r.error, 'account');
    setErrors(split.fields as Errors);
    setFormError(split.rest === null ? null : `${split.rest} ${r.error.remedy}`);
    setOutcome({
      message:
        Object.keys(split.fields).length > 0 ? 'Not saved: correct the highlighted field.' : 'Not saved.',
      tone: 'error',
    });
    setFocusErrors((n) => n + 1);
  };

  const agentCheck =
    draft.agentNumber.trim() === '' ? null : normalizeNumber(draft.agentNumber, draft.region);

  return (
    <form ref={formRef} className="st-form" aria-labelledby="st-account-h" noValidate onSubmit={onSubmit}>
      <h2 id="st-account-h" className="st-h2">
        CloudAgent account
      </h2>
      <RadioGroup legend="Instance" {...bind('region')} choices={REGION_CHOICES} />
      <TextField
        label="Custom base URL (partners)"
        type="url"
        inputMode="url"
        placeholder="https://…"
        {...bind('baseUrl')}
        hint="Leave empty to use the instance's own host."
      />
      <RadioGroup
        legend="API mode"
        {...bind('mode')}
        choices={MODE_CHOICES}
        hint="Match your account's “API Authentication” admin setting."
      />
      {draft.mode === 'token' ? (
        <RadioGroup legend="Token form" {...bind('tokenForm')} choices={TOKEN_FORM_CHOICES} />
      ) : null}
      <TextField label="User name" {...bind('userName')} />
      <TextField label="DID" inputMode="tel" {...bind('did')} />
      <TextField label="Agent phone name" {...bind('agentPhoneName')} />
      <TextField
        label="Agent number"
        inputMode="tel"
        {...bind('agentNumber')}
        note={
          agentCheck === null ? undefined : agentCheck.ok ? `Sent as ${agentCheck.value}` : agentCheck.message
        }
      />
      {draft.mode === 'legacy' ? (
        <RadioGroup legend="Response format (legacy only)" {...bind('output')} choices={OUTPUT_CHOICES} />
      ) : null}
      <TextField
        label="Request timeout (ms)"
        inputMode="numeric"
        {...bind('timeoutMs')}
        hint="1000 to 60000 milliseconds."
      />
      <details ref={advancedRef} className="st-details">
        <summary>Advanced</summary>
        <RadioGroup
          legend="Number sent with KICK_CALL (drop)"
          {...bind('kickNumber')}
          choices={KICK_CHOICES}
        />
        <TextField
          label="Campaign for Phone Manual Dial"
          {...bind('campaignName')}
          hint="Optional. Used when ConfBar starts an offline call."
        />
      </details>
      <fieldset className="st-fieldset">
        <legend>Start call (Phone Manual Dial)</legend>
        <Checkbox
          label="Check status first"
          checked={draft.checkStatus}
          onChange={set('checkStatus')}
          locked={locked('checkStatus')}
          description="CloudAgent does not ring your phone while you are already on a call. Turn off only if your phone can take a second call."
        />
        <TextField
          label="Call limit (seconds)"
          inputMode="numeric"
          placeholder="No limit"
          {...bind('callLimit')}
          hint="Optional maximum talk time CloudAgent allows a started call, 1 to 14400 seconds."
        />
      </fieldset>
      <FormError message={formError} />
      <div className="st-actions">
        <button type="submit" className="st-btn st-btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save account'}
        </button>
        {!sameDraft(draft, baseline) ? <span className="st-dirty">Unsaved changes</span> : null}
      </div>
      <Status message={outcome.message} tone={outcome.tone} />
    </form>
  );
}
