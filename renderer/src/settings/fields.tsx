import { useId, type ReactNode } from 'react';
import { Mark } from '../components/Icon';

/** "Set by your administrator", tied to the locked control with aria-describedby. */
export function LockNote({ id }: { id: string }) {
  return (
    <p id={id} className="st-lock">
      <Mark name="lock" /> Set by your administrator
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="st-error">
      {message}
    </p>
  );
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** A softer, non-blocking note (e.g. "will dial 09876543210"). */
  note?: ReactNode;
  error?: string;
  locked?: boolean;
  type?: 'text' | 'password' | 'url';
  inputMode?: 'text' | 'numeric' | 'tel' | 'url';
  placeholder?: string;
  autoComplete?: string;
  name?: string;
}

/** What went wrong with the form as a whole (not one field), announced at once. */
export function FormError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p className="st-error st-form-error" role="alert">
      {message}
    </p>
  );
}

export function TextField(p: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const errId = `${id}-err`;
  const lockId = `${id}-lock`;
  return (
    <div className="st-field">
      <label htmlFor={id} className="st-label">
        {p.label}
        {p.locked ? <Mark name="lock" /> : null}
      </label>
      <input
        id={id}
        name={p.name}
        className="st-input"
        type={p.type ?? 'text'}
        inputMode={p.inputMode}
        value={p.value}
        placeholder={p.placeholder}
        autoComplete={p.autoComplete ?? 'off'}
        spellCheck={false}
        disabled={p.locked}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(
          p.error && errId,
          p.hint !== undefined && hintId,
          p.note !== undefined && noteId,
          p.locked && lockId,
        )}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <FieldError id={errId} message={p.error} />
      {p.note !== undefined ? (
        <p id={noteId} className="st-note">
          {p.note}
        </p>
      ) : null}
      {p.hint !== undefined ? (
        <p id={hintId} className="st-hint">
          {p.hint}
        </p>
      ) : null}
      {p.locked ? <LockNote id={lockId} /> : null}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
}

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  choices: ReadonlyArray<Choice<T>>;
  onChange: (value: T) => void;
  locked?: boolean;
  error?: string;
  hint?: ReactNode;
}

/** A fieldset of radios; each choice's description is read with it. */
export function RadioGroup<T extends string>(p: RadioGroupProps<T>) {
  const id = useId();
  const errId = `${id}-err`;
  const lockId = `${id}-lock`;
  const hintId = `${id}-hint`;
  return (
    <fieldset
      className="st-fieldset"
      disabled={p.locked}
      aria-describedby={describedBy(p.error && errId, p.hint !== undefined && hintId, p.locked && lockId)}
    >
      <legend className="st-label">
        {p.legend}
        {p.locked ? <Mark name="lock" /> : null}
      </legend>
      {p.hint !== undefined ? (
        <p id={hintId} className="st-hint">
          {p.hint}
        </p>
      ) : null}
      {p.choices.map((c) => {
        const cid = `${id}-${c.value}`;
        return (
          <div key={c.value} className="st-choice">
            <input
              id={cid}
              type="radio"
              name={id}
              value={c.value}
              checked={p.value === c.value}
              aria-describedby={c.description ? `${cid}-d` : undefined}
              onChange={() => p.onChange(c.value)}
            />
            <label htmlFor={cid}>
              {c.label}
              {c.description ? (
                <span id={`${cid}-d`} className="st-choice-desc">
                  {c.description}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
      <FieldError id={errId} message={p.error} />
      {p.locked ? <LockNote id={lockId} /> : null}
    </fieldset>
  );
}

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
  locked?: boolean;
  disabled?: boolean;
}

export function Checkbox(p: CheckboxProps) {
  const id = useId();
  const descId = `${id}-d`;
  const lockId = `${id}-lock`;
  return (
    <div className="st-check">
      <input
        id={id}
        type="checkbox"
        checked={p.checked}
        disabled={p.locked || p.disabled}
        aria-describedby={describedBy(p.description !== undefined && descId, p.locked && lockId)}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>
          {p.label}
          {p.locked ? <Mark name="lock" /> : null}
        </label>
        {p.description !== undefined ? (
          <p id={descId} className="st-hint">
            {p.description}
          </p>
        ) : null}
        {p.locked ? <LockNote id={lockId} /> : null}
      </div>
    </div>
  );
}

/** A polite live region for the outcome of a save; `tone` only colours it. */
export function Status({ message, tone }: { message: string; tone: 'ok' | 'error' | 'info' }) {
  return (
    <p className={`st-status st-status-${tone}`} role="status" aria-live="polite">
      {message}
    </p>
  );
}
