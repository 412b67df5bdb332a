import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import type { SettingsView } from '../../../shared/settings';
import { api } from '../api';
import { invoke } from '../api';

export interface SettingsViewState {
  view: SettingsView | null;
  loadError: AppErrorShape | null;
  /** Adopt a view a mutation returned (the `settings` event also arrives, possibly later). */
  adopt: (view: SettingsView) => void;
  reload: () => void;
}

/** The effective settings and admin locks, loaded once and kept current from main's `settings` event. */
export function useSettingsView(): SettingsViewState {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void invoke('getSettings', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setView(r.value);
        setLoadError(null);
      } else setLoadError(r.error);
    });
    const off = api().on('settings', (v) => {
      if (live) setView(v);
    });
    return () => {
      live = false;
      off();
    };
  }, [attempt]);

  const adopt = useCallback((v: SettingsView) => setView(v), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { view, loadError, adopt, reload };
}
