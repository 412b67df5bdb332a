import { useState } from 'react';
import { defaultGlobalShortcuts } from '../../../../shared/global-shortcut-defaults';
import {
  DEFAULT_WINDOW_SHORTCUTS,
  GLOBAL_COMMANDS,
  WINDOW_COMMANDS,
  type Settings,
  type SettingsPatch,
  type SettingsView,
} from '../../../../shared/settings';
import {
  acceleratorClashes,
  acceleratorFromEvent,
  displayAccelerator,
  displayWindowKey,
  windowKeyClashes,
  windowKeyFromEvent,
  type KeyLike,
} from '../../../../shared/shortcuts';
import { Status } from '../fields';
import { Mark } from '../../components/Icon';
import { invoke } from '../../api';
import { isLocked } from '../locks';
import { commandLabel, GLOBAL_LABELS, WINDOW_LABELS } from './labels';
import { ShortcutRow } from './ShortcutRow';
import { useShortcutStatus } from './use-shortcut-status';
import './ShortcutsSection.css';

type Shortcuts = Settings['shortcuts'];
type Outcome = { message: string; tone: 'ok' | 'error' | 'info' };

// What the settings store and the global-shortcut plan are told by process.platform: only macOS differs.
// Windows has its own defaults (Ctrl+Alt is AltGr there): shared/global-shortcut-defaults.ts.
const PLATFORM =
  typeof navigator === 'undefined'
    ? 'other'
    : /Mac/i.test(navigator.platform)
      ? 'darwin'
      : /Win/i.test(navigator.platform)
        ? 'win32'
        : 'other';
const recordAccelerator = (e: KeyLike) => acceleratorFromEvent(e, PLATFORM);

function same(a: Shortcuts, b: Shortcuts): boolean {
  return (
    WINDOW_COMMANDS.every((c) => a.window[c] === b.window[c]) &&
    GLOBAL_COMMANDS.every((c) => (a.global[c] ?? null) === (b.global[c] ?? null))
  );
}

function othersText(commands: string[], self: string): string {
  return `Also used by ${commands
    .filter((c) => c !== self)
    .map(commandLabel)
    .join(', ')}.`;
}

/** Editor for the in-window keymap and the global (system-wide) shortcuts. */
export function ShortcutsSection({ view, adopt }: { view: SettingsView; adopt: (v: SettingsView) => void }) {
  const incoming = view.settings.shortcuts;
  const [baseline, setBaseline] = useState(incoming);
  const [draft, setDraft] = useState(incoming);
  const [live, setLive] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ message: '', tone: 'info' });
  const status = useShortcutStatus();

  if (!same(incoming, baseline)) {
    setBaseline(incoming);
    if (same(draft, baseline)) setDraft(incoming);
  }

  const windowConflicts = windowKeyClashes(draft.window);
  const globalConflicts = acceleratorClashes(draft.global, PLATFORM);
  const conflictOf = (list: Array<{ commands: string[] }>, command: string) => {
    const hit = list.find((c) => c.commands.includes(command));
    return hit ? othersText(hit.commands, command) : undefined;
  };
  const lockedWindow = (c: string) => isLocked(view.locked, `shortcuts.window.${c}`);
  const lockedGlobal = (c: string) => isLocked(view.locked, `shortcuts.global.${c}`);

  const save = async () => {
    setLive('');
    if (windowConflicts.length > 0 || globalConflicts.length > 0) {
      setOutcome({
        message: 'Not saved: two commands share a shortcut. Change one of them first.',
        tone: 'error',
      });
      return;
    }
    const window: Partial<Shortcuts['window']> = {};
    for (const c of WINDOW_COMMANDS) if (draft.window[c] !== incoming.window[c]) window[c] = draft.window[c];
    const global: Partial<Shortcuts['global']> = {};
    for (const c of GLOBAL_COMMANDS) {
      if ((draft.global[c] ?? null) !== (incoming.global[c] ?? null)) global[c] = draft.global[c] ?? null;
    }
    const patch: NonNullable<SettingsPatch['shortcuts']> = {};
    if (Object.keys(window).length > 0) patch.window = window;
    if (Object.keys(global).length > 0) patch.global = global;
    if (!patch.window && !patch.global) {
      setOutcome({ message: 'No changes to save.', tone: 'info' });
      return;
    }
    const r = await invoke('updateSettings', { patch: { shortcuts: patch } });
    if (r.ok) {
      setBaseline(r.value.settings.shortcuts);
      setDraft(r.value.settings.shortcuts);
      adopt(r.value);
      setOutcome({ message: 'Shortcuts saved.', tone: 'ok' });
    } else setOutcome({ message: `Not saved. ${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  const resetDefaults = () => {
    setDraft((d) => ({
      window: Object.fromEntries(
        WINDOW_COMMANDS.map((c) => [c, lockedWindow(c) ? d.window[c] : DEFAULT_WINDOW_SHORTCUTS[c]]),
      ) as Shortcuts['window'],
      global: Object.fromEntries(
        GLOBAL_COMMANDS.map((c) => [
          c,
          lockedGlobal(c) ? (d.global[c] ?? null) : defaultGlobalShortcuts(PLATFORM)[c],
        ]),
      ) as Shortcuts['global'],
    }));
    setOutcome({ message: 'Defaults restored. Save to keep them.', tone: 'info' });
  };

  const globalDetail = (c: string) => {
    const acc = draft.global[c as keyof Shortcuts['global']] ?? null;
    if (acc === null || status.unavailable !== null) return undefined;
    const s = status.byCommand.get(c);
    if (!s) return undefined;
    if (s.accelerator !== acc) return 'Save to register.';
    if (s.registered) {
      return (
        <>
          <span className="st-ok-text">
            <Mark name="ok" /> Registered
          </span>
          {s.note ? <span className="st-sc-note"> {s.note}</span> : null}
        </>
      );
    }
    return (
      <span className="st-warn-text">
        <Mark name="warn" /> {s.problem ?? 'Not registered.'}
      </span>
    );
  };

  return (
    <section className="st-form" aria-labelledby="st-sc-h">
      <h2 id="st-sc-h" className="st-h2">
        Shortcuts in this window
      </h2>
      <p className="st-hint">Work while ConfBar has focus. 1–9 select a participant; Alt+1–9 speed-dial.</p>
      <ul className="st-sc-list" aria-labelledby="st-sc-h">
        {WINDOW_COMMANDS.map((c) => (
          <ShortcutRow
            key={c}
            label={WINDOW_LABELS[c]}
            global={false}
            shown={draft.window[c] ? displayWindowKey(draft.window[c]) : ''}
            locked={lockedWindow(c)}
            conflict={conflictOf(windowConflicts, c)}
            capture={windowKeyFromEvent}
            clearable={false}
            onCaptured={(b) => setDraft((d) => ({ ...d, window: { ...d.window, [c]: b ?? '' } }))}
            onCaptureState={setLive}
          />
        ))}
      </ul>

      <h2 id="st-gsc-h" className="st-h2">
        Global shortcuts
      </h2>
      <p className="st-hint">Work while another application (your CRM) has focus.</p>
      {status.unavailable !== null ? (
        <p className="st-note">
          <Mark name="warn" /> {status.unavailable}
        </p>
      ) : null}
      <ul className="st-sc-list" aria-labelledby="st-gsc-h">
        {GLOBAL_COMMANDS.map((c) => {
          const acc = draft.global[c] ?? null;
          return (
            <ShortcutRow
              key={c}
              label={GLOBAL_LABELS[c]}
              global
              shown={acc === null ? '' : displayAccelerator(acc, PLATFORM)}
              locked={lockedGlobal(c)}
              detail={globalDetail(c)}
              conflict={conflictOf(globalConflicts, c)}
              capture={recordAccelerator}
              clearable
              onCaptured={(b) => setDraft((d) => ({ ...d, global: { ...d.global, [c]: b } }))}
              onCaptureState={setLive}
            />
          );
        })}
      </ul>
      <p className="st-live" aria-live="assertive">
        {live}
      </p>
      <div className="st-actions">
        <button type="button" className="st-btn st-btn-primary" onClick={() => void save()}>
          Save shortcuts
        </button>
        <button type="button" className="st-btn" onClick={resetDefaults}>
          Restore defaults
        </button>
        {!same(draft, baseline) ? <span className="st-dirty">Unsaved changes</span> : null}
      </div>
      <Status message={outcome.message} tone={outcome.tone} />
    </section>
  );
}
