import { describe, expect, it } from 'vitest';
import type { GlobalShortcutStatus } from '../../shared/session';
import { PORTAL_REFUSED_PROBLEM, waylandShortcutNote } from '../../electron/shell/platform-shell';
import { eventually, launchEachTest, openSettings } from './helpers';

const launch = launchEachTest({ viewport: { width: 420, height: 720 } });

describe('Settings → Shortcuts on a Wayland desktop (statuses as the Electron shell sends them)', () => {
  it('shows a shortcut the portal refused as not registered with the reason, and the note beside a registered one', async () => {
    const h = await launch();
    const { page } = h;
    const dialog = await openSettings(page);
    await dialog.getByRole('tab', { name: 'Shortcuts' }).click();
    const note = waylandShortcutNote({ kind: 'wayland', switches: [], why: 'test' })!;
    const statuses: GlobalShortcutStatus[] = [
      {
        command: 'showToolbar',
        accelerator: 'CommandOrControl+Alt+C',
        registered: true,
        problem: null,
        note,
      },
      {
        command: 'toggleMuteSelected',
        accelerator: 'CommandOrControl+Alt+M',
        registered: false,
        problem: PORTAL_REFUSED_PROBLEM,
      },
    ];
    await h.emit('shortcuts', statuses);
    await eventually(() => dialog.getByText(PORTAL_REFUSED_PROBLEM).count(), 1);
    await eventually(() => dialog.getByText(note).count(), 1);
    expect(await dialog.getByText('Registered').count()).toBeGreaterThanOrEqual(1);
    await dialog.getByText(note).scrollIntoViewIfNeeded();
    await h.screenshot('settings-shortcuts-wayland');
  });
});
