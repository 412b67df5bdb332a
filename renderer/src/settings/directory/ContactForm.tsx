import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Region } from '../../../../shared/phone';
import type { Contact, SettingsView } from '../../../../shared/settings';
import { Checkbox, FieldError, FormError, Status, TextField } from '../fields';
import { splitFieldErrors } from '../field-errors';
import { invoke } from '../../api';
import {
  checkNumber,
  contactToDraft,
  EMPTY_CONTACT,
  validateContact,
  type ContactErrors,
  type ContactDraft,
} from './contact-draft';

interface Props {
  region: Region;
  contacts: readonly Contact[];
  /** The contact being edited, or null to add a new one. */
  editing: Contact | null;
  onDone: (view: SettingsView | null, message: string) => void;
  disabled: boolean;
}

/** Add or edit one contact, with the number checked as it is typed. */
export function ContactForm({ region, contacts, editing, onDone, disabled }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<ContactDraft>(editing ? contactToDraft(editing) : EMPTY_CONTACT);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const [editingId, setEditingId] = useState(editing?.id ?? null);
  const labelRef = useRef<HTMLDivElement>(null);

  if ((editing?.id ?? null) !== editingId) {
    setEditingId(editing?.id ?? null);
    setDraft(editing ? contactToDraft(editing) : EMPTY_CONTACT);
    setErrors({});
    setFormError(null);
  }

  useEffect(() => {
    if (editingId !== null) labelRef.current?.querySelector('input')?.focus();
  }, [editingId]);

  const set =
    <K extends keyof ContactDraft>(k: K) =>
    (v: ContactDraft[K]) => {
      setDraft((d) => ({ ...d, [k]: v }));
      setErrors((e) => ({ ...e, [k]: undefined }));
      setOutcome('');
    };

  const others = contacts.filter((c) => c.id !== editingId);
  const live = checkNumber(draft, region);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validateContact(draft, region, others);
    if (!v.ok) {
      setErrors(v.errors);
      setOutcome('Not saved: correct the highlighted field.');
      return;
    }
    const r = editing
      ? await invoke('updateContact', { contact: { ...v.contact, id: editing.id } })
      : await invoke('addContact', { contact: v.contact });
    if (!r.ok) {
      const split = splitFieldErrors(r.error, 'contact', ['label', 'number', 'sip', 'slot']);
      setErrors(split.fields as ContactErrors);
      setFormError(split.rest === null ? null : `${split.rest} ${r.error.remedy}`);
      setOutcome('Not saved.');
      return;
    }
    setDraft(EMPTY_CONTACT);
    setErrors({});
    setFormError(null);
    setOutcome('');
    onDone(r.value, editing ? `Saved ${v.contact.label}.` : `Added ${v.contact.label}.`);
  };

  const slotHolder = (n: number) => others.find((c) => c.slot === n)?.label;

  return (
    <form className="st-subform" aria-labelledby={`${id}-h`} noValidate onSubmit={submit}>
      <h3 id={`${id}-h`} className="st-h3">
        {editing ? `Edit ${editing.label}` : 'Add a contact'}
      </h3>
      <fieldset className="st-fieldset st-plain" disabled={disabled}>
        <div ref={labelRef}>
          <TextField label="Name" value={draft.label} onChange={set('label')} error={errors.label} />
        </div>
        <TextField
          label={draft.sip ? 'SIP address or extension' : 'Number'}
          inputMode={draft.sip ? 'text' : 'tel'}
          value={draft.number}
          onChange={set('number')}
          error={errors.number ?? (live && !live.ok ? live.message : undefined)}
          note={live?.ok ? `Dials ${live.value}` : undefined}
        />
        <Checkbox label="SIP number" checked={draft.sip} onChange={set('sip')} />
        <div className="st-field">
          <label htmlFor={`${id}-slot`} className="st-label">
            Speed-dial slot
          </label>
          <select
            id={`${id}-slot`}
            className="st-input st-select"
            value={draft.slot}
            aria-invalid={errors.slot ? true : undefined}
            aria-describedby={errors.slot ? `${id}-slot-err` : undefined}
            onChange={(e) => set('slot')(e.target.value)}
          >
            <option value="">None</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
              <option key={n} value={String(n)}>
                {slotHolder(n) ? `Alt+${n} (now ${slotHolder(n)})` : `Alt+${n}`}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-slot-err`} message={errors.slot} />
        </div>
        <FormError message={formError} />
        <div className="st-actions">
          <button type="submit" className="st-btn st-btn-primary">
            {editing ? 'Save contact' : 'Add contact'}
          </button>
          {editing ? (
            <button type="button" className="st-btn" onClick={() => onDone(null, 'Edit cancelled.')}>
              Cancel
            </button>
          ) : null}
        </div>
      </fieldset>
      <Status message={outcome} tone="error" />
    </form>
  );
}
