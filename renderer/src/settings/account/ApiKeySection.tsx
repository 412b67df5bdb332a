import { useEffect, useId, useState, type FormEvent } from 'react';
import type { InvokeOutput } from '../../../../shared/contract';
import type { SettingsView } from '../../../../shared/settings';
import { FieldError, Status } from '../fields';
import { invoke } from '../../api';

type KeyStatus = InvokeOutput<'keyStatus'>;
type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

/**
 * Store, replace or clear the CloudAgent API key. The key goes one way only: the field is emptied after
 * a successful save and the stored key is never read back into the page.
 */
export function ApiKeySection({ view }: { view: SettingsView }) {
  const id = useId();
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  const [busy, setBusy] = useState(false);
  const { userName, baseUrl, region } = view.settings.account;
  // The keychain entry is per user name and host, so re-ask whenever either changes.
  const accountKey = `${userName}|${baseUrl ?? region}`;

  useEffect(() => {
    let live = true;
    void invoke('keyStatus', {}).then((r) => {
      if (!live) return;
      if (r.ok) setStatus(r.value);
      else setOutcome({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
    });
    return () => {
      live = false;
    };
  }, [accountKey]);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (key.trim() === '') {
      setError('Paste the API key first.');
      return;
    }
    setBusy(true);
    const r = await invoke('setKey', { apiKey: key.trim() });
    setBusy(false);
    if (r.ok) {
      setKey('');
      setError(undefined);
      setStatus(r.value);
      setOutcome({ message: `API key stored in ${r.value.where}.`, tone: 'ok' });
    } else {
      setError(r.error.message);
      setOutcome({ message: `Not stored. ${r.error.remedy}`, tone: 'error' });
    }
  };

  const onClear = async () => {
    setBusy(true);
    const r = await invoke('clearKey', {});
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setOutcome({ message: 'API key removed.', tone: 'ok' });
    } else setOutcome({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  const account = status?.account ?? (userName === '' ? null : userName);
  return (
    <form className="st-form" aria-labelledby={`${id}-h`} noValidate onSubmit={onSave}>
      <h2 id={`${id}-h`} className="st-h2">
        API key
      </h2>
      <p className="st-keystate" id={`${id}-state`}>
        {status === null
          ? 'Checking the keychain…'
          : status.stored
            ? `A key is stored in ${status.where}${account ? ` for ${account}` : ''}.`
            : userName === ''
              ? `No key stored. Save your user name above first: the key is kept in ${status.where} for it.`
              : `No key stored. It will be kept in ${status.where} for ${account ?? userName}.`}
      </p>
      <div className="st-field">
        <label htmlFor={`${id}-key`} className="st-label">
          {status?.stored ? 'Replace API key' : 'API key'}
        </label>
        <input
          id={`${id}-key`}
          className="st-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-err` : '', `${id}-state`].filter(Boolean).join(' ')}
          onChange={(e) => {
            setKey(e.target.value);
            setError(undefined);
          }}
        />
        <FieldError id={`${id}-err`} message={error} />
      </div>
      <div className="st-actions">
        <button type="submit" className="st-btn st-btn-primary" disabled={busy}>
          {status?.stored ? 'Replace key' : 'Store key'}
        </button>
        {status?.stored ? (
          <button
            type="button"
            className="st-btn st-btn-danger"
            disabled={busy}
            onClick={() => void onClear()}
          >
            Remove key
          </button>
        ) : null}
      </div>
      <Status message={outcome.message} tone={outcome.tone} />
    </form>
  );
}
