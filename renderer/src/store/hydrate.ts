import { api } from '../api';
import { runCommand } from '../commands/commands';
import { invokeOrToast, pushToast } from './actions';
import { journalAddDraft } from './draft-journal';
import { restoreDrafts, saveDraftsOnChange } from './drafts';
import { receivePrefill } from './link-prefill';
import { applySettingsView, applySnapshot } from './snapshot';
import { setState } from './store';

/**
 * Subscribes to main's events, then asks for the current state: main is the source of truth, so a reload
 * shows the same session. Subscribing first means no change made in between is missed (seq orders them).
 */
export async function hydrate(): Promise<() => void> {
  restoreDrafts();
  if (typeof window.confbar?.on !== 'function') {
    // Opened outside the app (no preload): say so instead of waiting forever.
    setState({
      loadError: {
        kind: 'Internal',
        message: 'This window is not connected to ConfBar.',
        remedy: 'Open ConfBar from its app icon.',
      },
    });
    return () => undefined;
  }
  const offs = [
    saveDraftsOnChange(),
    journalAddDraft(),
    api().on('snapshot', applySnapshot),
    api().on('settings', applySettingsView),
    api().on('toast', pushToast),
    api().on('command', ({ command }) => runCommand(command)),
    api().on('prefill', (p) => void receivePrefill(p)),
  ];
  const [snapshot] = await Promise.all([invokeOrToast('getSnapshot', {}), invokeOrToast('getSettings', {})]);
  if (!snapshot.ok) setState({ loadError: snapshot.error });
  return () => offs.forEach((off) => off());
}
