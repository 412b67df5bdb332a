import { useEffect, useId, useState, type FormEvent } from 'react';
import type { InvokeOutput } from '../../../../shared/contract';
import type { SettingsView } from '../../../../shared/settings';
import { invoke } from '../../api';
import { FieldError, Status } from '../fields';
import { proxyHostPort } from './network-draft';

type LoginState = InvokeOutput<'proxyLoginStatus'>;
type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

/**
 * The user name and password a proxy asks for (HTTP 407, Basic). They go one way: into the OS keychain,
 * as their own entry for that proxy; the password field is emptied after saving and never read back.
 */
export function ProxyLoginSection({ view }: { view: SettingsView }) {
  const id = useId();
  const fromSetting = proxyHostPort(view.settings.network.proxy);
  const [proxy, setProxy] = useState(fromSetting);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ proxy?: string; username?: string; password?: string }>({});
  // The answer for the proxy it was asked about; shown only while the field still names that proxy.
  const [answer, setAnswer] = useState<{ for: string; state: LoginState } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  const [busy, setBusy] = useState(false);
  const [followed, setFollowed] = useState(fromSetting);

  // Follow the proxy setting when it changes to name another proxy (derived during render, not in an effect).
  if (fromSetting !== followed) {
    setFollowed(fromSetting);
    if (fromSetting !== '') setProxy(fromSetting);
  }

  const target = proxy.trim();
  const askable = /^[^\s:/@]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(target);
  const status = askable && answer?.for === target ? answer.state : null;
  const setStatus = (state: LoginState) => setAnswer({ for: target, state });

  useEffect(() => {
    if (!askable) return;
    let live = true;
    void invoke('proxyLoginStatus', { proxy: target }).then((r) => {
      if (live && r.ok) setAnswer({ for: target, state: r.value });
    });
    return () => {
      live = false;
    };
  }, [askable, target]);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    if (!askable) problems.proxy = 'Enter the proxy as host:port, e.g. proxy.example.com:8080.';
    if (username.trim() === '') problems.username = 'Enter the user name the proxy asks for.';
    if (password === '') problems.password = 'Enter the password the proxy asks for.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setOutcome({ message: 'Not saved: correct the highlighted values.', tone: 'error' });
      return;
    }
    setBusy(true);
    const r = await invoke('setProxyLogin', { proxy: target, username: username.trim(), password });
    setBusy(false);
    if (r.ok) {
      setPassword('');
      setStatus(r.value);
      setOutcome({ message: `Proxy login for ${r.value.proxy} stored in ${r.value.where}.`, tone: 'ok' });
    } else setOutcome({ message: `Not saved. ${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  const onClear = async () => {
    setBusy(true);
    const r = await invoke('clearProxyLogin', { proxy: target });
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setOutcome({ message: `Proxy login for ${r.value.proxy} removed.`, tone: 'ok' });
    } else setOutcome({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  const field = (
    key: 'proxy' | 'username' | 'password',
    label: string,
    value: string,
    onChange: (v: string) => void,
    extra: { type?: 'password' | 'text'; placeholder?: string; autoComplete?: string } = {},
  ) => (
    <div className="st-field">
      <label htmlFor={`${id}-${key}`} className="st-label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        name={`proxy-login-${key}`}
        className="st-input"
        type={extra.type ?? 'text'}
        autoComplete={extra.autoComplete ?? 'off'}
        spellCheck={false}
        placeholder={extra.placeholder}
        value={value}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${id}-${key}-err` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setErrors((x) => ({ ...x, [key]: undefined }));
        }}
      />
      <FieldError id={`${id}-${key}-err`} message={errors[key]} />
    </div>
  );

  return (
    <form className="st-form" aria-labelledby={`${id}-h`} noValidate onSubmit={onSave}>
      <h2 id={`${id}-h`} className="st-h2">
        Proxy login
      </h2>
      <p className="st-hint" id={`${id}-state`}>
        {status === null
          ? 'For a proxy that asks for a user name and password (ConfBar says so when it does).'
          : status.saved
            ? `A login for ${status.proxy} is stored in ${status.where}.`
            : `No login stored for ${status.proxy}. It will be kept in ${status.where}, never in a file.`}
      </p>
      <p className="st-hint">
        A proxy that asks for your Windows login (Negotiate) needs nothing here: ConfBar logs in with the
        login you are signed in with.
      </p>
      {field('proxy', 'Proxy (host:port)', proxy, setProxy, { placeholder: 'proxy.example.com:8080' })}
      {field('username', 'User name', username, setUsername, { autoComplete: 'username' })}
      {field('password', 'Password', password, setPassword, { type: 'password', autoComplete: 'off' })}
      <div className="st-actions">
        <button type="submit" className="st-btn st-btn-primary" disabled={busy}>
          {status?.saved ? 'Replace login' : 'Store login'}
        </button>
        {status?.saved ? (
          <button
            type="button"
            className="st-btn st-btn-danger"
            disabled={busy}
            onClick={() => void onClear()}
          >
            Remove login
          </button>
        ) : null}
      </div>
      <Status message={outcome.message} tone={outcome.tone} />
    </form>
  );
}
