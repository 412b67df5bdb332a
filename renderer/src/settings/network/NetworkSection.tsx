import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExtraCaStatus } from '../../../../shared/channels';
import type { SettingsView } from '../../../../shared/settings';
import { invoke } from '../../api';
import { FormError, RadioGroup, Status, TextField, type Choice } from '../fields';
import { splitFieldErrors } from '../field-errors';
import { isLocked } from '../locks';
import { draftToNetwork, networkDraftErrors, toNetworkDraft, type NetworkDraft } from './network-draft';

type Field = 'proxy' | 'noProxy' | 'extraCaFile';
type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

const MODES: ReadonlyArray<Choice<NetworkDraft['mode']>> = [
  {
    value: 'system',
    label: 'Use the system proxy settings',
    description: 'What Windows or macOS is set to, including a PAC file or automatic detection (WPAD).',
  },
  { value: 'none', label: 'No proxy', description: 'Connect to CloudAgent directly.' },
  {
    value: 'url',
    label: 'This proxy server',
    description: 'An HTTP proxy, e.g. http://proxy.example.com:8080.',
  },
];

const same = (a: NetworkDraft, b: NetworkDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How ConfBar reaches CloudAgent: the proxy, the hosts that bypass it, and the company's CA for networks
 * that inspect TLS. Every field can be locked by IT's policy; on an error every typed value stays.
 */
export function NetworkSection({ view, adopt }: { view: SettingsView; adopt: (v: SettingsView) => void }) {
  const incoming = toNetworkDraft(view.settings.network);
  const [baseline, setBaseline] = useState(incoming);
  const [draft, setDraft] = useState(incoming);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  const [saving, setSaving] = useState(false);
  const [focusErrors, setFocusErrors] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // Settings changed elsewhere (a policy edit): follow them unless there are unsaved edits.
  if (!same(incoming, baseline)) {
    setBaseline(incoming);
    if (same(draft, baseline)) setDraft(incoming);
  }

  // Whether the CA file in force is usable: a policy may name one this computer lacks.
  const inForce = view.settings.network.extraCaFile;
  const [caStatus, setCaStatus] = useState<{ for: string; status: ExtraCaStatus | null } | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('extraCaStatus', {}).then((r) => {
      if (live && r.ok) setCaStatus({ for: inForce, status: r.value });
    });
    return () => {
      live = false;
    };
  }, [inForce]);
  const ca = caStatus?.for === inForce ? caStatus.status : null;

  useEffect(() => {
    if (focusErrors > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusErrors]);

  const locked = (field: Field) => isLocked(view.locked, `network.${field}`);
  const set =
    <K extends keyof NetworkDraft>(key: K, field: Field) =>
    (value: NetworkDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setErrors((e) => {
        if (!(field in e)) return e;
        const next = { ...e };
        delete next[field];
        return next;
      });
    };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const local = networkDraftErrors(draft);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setOutcome({ message: 'Not saved: correct the highlighted values.', tone: 'error' });
      setFocusErrors((n) => n + 1);
      return;
    }
    const next = draftToNetwork(draft);
    const current = view.settings.network;
    // Only what changed: sending a locked field's value back is allowed, but there is no need to.
    const patch = Object.fromEntries(
      (Object.keys(next) as Field[]).filter((k) => next[k] !== current[k]).map((k) => [k, next[k]]),
    );
    if (Object.keys(patch).length === 0) {
      setOutcome({ message: 'Nothing to save.', tone: 'info' });
      return;
    }
    setSaving(true);
    const r = await invoke('updateSettings', { patch: { network: patch } });
    setSaving(false);
    if (r.ok) {
      adopt(r.value);
      setErrors({});
      setFormError(null);
      setBaseline(toNetworkDraft(r.value.settings.network));
      setDraft(toNetworkDraft(r.value.settings.network));
      setOutcome({ message: 'Saved: the next request uses the new network settings.', tone: 'ok' });
    } else {
      const split = splitFieldErrors(r.error, 'network');
      setErrors(split.fields as Partial<Record<Field, string>>);
      setFormError(split.rest);
      setOutcome({ message: `Not saved. ${r.error.remedy}`, tone: 'error' });
      setFocusErrors((n) => n + 1);
    }
  };

  return (
    <form ref={formRef} className="st-form" aria-labelledby="st-net-h" noValidate onSubmit={onSave}>
      <h2 id="st-net-h" className="st-h2">
        Network
      </h2>
      <RadioGroup
        legend="Proxy"
        value={draft.mode}
        choices={MODES}
        locked={locked('proxy')}
        error={draft.mode === 'url' ? undefined : errors.proxy}
        onChange={set('mode', 'proxy')}
      />
      {draft.mode === 'url' ? (
        <TextField
          label="Proxy server URL"
          name="proxy"
          type="url"
          inputMode="url"
          placeholder="http://proxy.example.com:8080"
          value={draft.url}
          locked={locked('proxy')}
          error={errors.proxy}
          hint="Without a user name or password: enter those under Proxy login below."
          onChange={set('url', 'proxy')}
        />
      ) : null}
      <TextField
        label="No proxy for"
        name="noProxy"
        placeholder="intranet.example.com, .example.com"
        value={draft.noProxy}
        locked={locked('noProxy')}
        error={errors.noProxy}
        hint="Hosts that ConfBar reaches directly, separated by commas, as NO_PROXY is written (.domain covers its subdomains)."
        onChange={set('noProxy', 'noProxy')}
      />
      <TextField
        label="Extra CA file (PEM)"
        name="extraCaFile"
        placeholder="C:\Certs\company-ca.pem"
        value={draft.extraCaFile}
        locked={locked('extraCaFile')}
        error={errors.extraCaFile}
        note={
          ca && draft.extraCaFile.trim() === ca.file ? (
            <span className={ca.ok ? undefined : 'st-error'}>{ca.detail}</span>
          ) : undefined
        }
        hint="If your network inspects TLS, IT can give you the company's CA certificate: ConfBar then trusts it in addition to the usual roots and the system's."
        onChange={set('extraCaFile', 'extraCaFile')}
      />
      <FormError message={formError} />
      <div className="st-actions">
        <button type="submit" className="st-btn st-btn-primary" disabled={saving}>
          Save network settings
        </button>
      </div>
      <Status message={outcome.message} tone={outcome.tone} />
    </form>
  );
}
