import { useState } from 'react';
import type { Settings, SettingsView } from '../../../../shared/settings';
import { Checkbox, RadioGroup, Status, type Choice } from '../fields';
import { invoke } from '../../api';
import { isLocked } from '../locks';

type Behaviour = Settings['behaviour'];
type Toggle = Exclude<keyof Behaviour, 'theme' | 'miniMode'>;
type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

const TOGGLES: ReadonlyArray<{ key: Toggle; label: string; description: string }> = [
  { key: 'alwaysOnTop', label: 'Always on top', description: 'Keep ConfBar above other windows.' },
  { key: 'launchAtLogin', label: 'Launch at login', description: 'Start ConfBar when you sign in.' },
  {
    key: 'clipboardOffer',
    label: 'Offer a copied ucid',
    description: 'When the clipboard holds something that looks like a ucid, offer to use it.',
  },
  {
    key: 'phoneLinks',
    label: 'Open phone links (tel:, callto:) in ConfBar',
    description:
      'Asks the system to send phone links from the CRM or a browser here: the number is filled in (during a call, the add field), never dialled until you press Enter.',
  },
  {
    key: 'notifyFailures',
    label: 'Notify me when an action fails while ConfBar is hidden',
    description: 'A desktop notification for each failed request while the toolbar is hidden or minimised.',
  },
  {
    key: 'confirmBeforeDrop',
    label: 'Confirm before dropping a participant',
    description: 'Ask before Drop (participant-number KICK_CALL rule only).',
  },
  {
    key: 'confirmBeforeEnd',
    label: 'Confirm before ending the conference',
    description: 'Ask before End, which disconnects everyone.',
  },
];

const THEMES: ReadonlyArray<Choice<Behaviour['theme']>> = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Behaviour toggles, theme and demo mode; each change saves at once. */
export function GeneralSection({ view, adopt }: { view: SettingsView; adopt: (v: SettingsView) => void }) {
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  // What the agent just chose, shown at once while main saves it (cleared when main answers).
  const [pending, setPending] = useState<Partial<Behaviour>>({});
  const [pendingDemo, setPendingDemo] = useState<boolean | null>(null);
  const b = { ...view.settings.behaviour, ...pending };

  const saveBehaviour = async (patch: Partial<Behaviour>, what: string) => {
    setPending((p) => ({ ...p, ...patch }));
    const r = await invoke('updateSettings', { patch: { behaviour: patch } });
    setPending((p) => {
      const next = { ...p };
      for (const k of Object.keys(patch) as Array<keyof Behaviour>) delete next[k];
      return next;
    });
    if (r.ok) {
      adopt(r.value);
      setOutcome({ message: `Saved: ${what}.`, tone: 'ok' });
    } else setOutcome({ message: `Not saved. ${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  const setDemo = async (enabled: boolean) => {
    setPendingDemo(enabled);
    const r = await invoke('setDemo', { enabled });
    // Read the settings back before letting go of the pending state, so the box never flickers back.
    const v = r.ok ? await invoke('getSettings', {}) : null;
    if (v?.ok) adopt(v.value);
    setPendingDemo(null);
    if (r.ok) {
      setOutcome({ message: enabled ? 'Demo mode on: calls are simulated.' : 'Demo mode off.', tone: 'ok' });
    } else setOutcome({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  return (
    <section className="st-form" aria-labelledby="st-gen-h">
      <h2 id="st-gen-h" className="st-h2">
        Behaviour
      </h2>
      {TOGGLES.map((t) => (
        <Checkbox
          key={t.key}
          label={t.label}
          description={t.description}
          checked={b[t.key]}
          locked={isLocked(view.locked, `behaviour.${t.key}`)}
          onChange={(v) => void saveBehaviour({ [t.key]: v }, `${t.label} ${v ? 'on' : 'off'}`)}
        />
      ))}
      <RadioGroup
        legend="Theme"
        value={b.theme}
        choices={THEMES}
        locked={isLocked(view.locked, 'behaviour.theme')}
        onChange={(v) => void saveBehaviour({ theme: v }, `theme ${v}`)}
      />
      <h2 className="st-h2">Demo mode</h2>
      <Checkbox
        label="Demo mode (simulated calls)"
        description="Calls, participants and answers are simulated on this computer; nothing reaches CloudAgent."
        checked={pendingDemo ?? view.settings.demo.enabled}
        disabled={pendingDemo !== null}
        locked={isLocked(view.locked, 'demo.enabled')}
        onChange={(v) => void setDemo(v)}
      />
      <Status message={outcome.message} tone={outcome.tone} />
    </section>
  );
}
