import { useEffect, useState } from 'react';
import type { GlobalShortcutStatus } from '../../../../shared/session';
import { api } from '../../api';
import { invoke } from '../../api';

export interface ShortcutStatusState {
  /** Per command, as the shell last reported it; empty when no shell answers (the browser harness). */
  byCommand: ReadonlyMap<string, GlobalShortcutStatus>;
  /** Why there is no registration state at all, or null when the shell answered. */
  unavailable: string | null;
}

const HARNESS = 'Registration state is not available in the browser harness.';

/** Global shortcut registration as the Electron shell reports it (on request and on every change). */
export function useShortcutStatus(): ShortcutStatusState {
  const [state, setState] = useState<ShortcutStatusState>({ byCommand: new Map(), unavailable: null });
  useEffect(() => {
    let live = true;
    const adopt = (list: GlobalShortcutStatus[]) => {
      if (!live) return;
      setState({
        byCommand: new Map(list.map((s) => [s.command, s])),
        unavailable: list.length === 0 ? HARNESS : null,
      });
    };
    void invoke('globalShortcutStatus', {}).then((r) => {
      if (r.ok) adopt(r.value);
      else if (live) setState({ byCommand: new Map(), unavailable: `${HARNESS} (${r.error.message})` });
    });
    const off = api().on('shortcuts', adopt);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
