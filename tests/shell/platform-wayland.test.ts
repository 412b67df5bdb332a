import { beforeAll, describe, expect, it } from 'vitest';
import { eventChannels } from '../../shared/contract';
import type { GlobalShortcutStatus, ToastEvent } from '../../shared/session';
import { PORTAL_REFUSED_PROBLEM } from '../../electron/shell/platform-shell';
import { until, type Booted } from './boot';
import { bootShown, playPlatform, sentToWindow } from './shown';

/**
 * Linux on a Wayland desktop without XWayland, as far as a double can show it: native Wayland, global
 * shortcuts through the desktop portal, which refuses one (register() answers false).
 */
let booted: Booted;
const sent = <T>(channel: string) => sentToWindow<T>(booted, channel);

const playable = playPlatform('linux');

beforeAll(async () => {
  if (!playable) return;
  Reflect.deleteProperty(process.env, 'DISPLAY');
  booted = await bootShown({
    takenAccelerators: ['CommandOrControl+Alt+M'],
    env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' },
  });
});

describe.skipIf(!playable)(
  'on Wayland without XWayland (Electron double, not the Electron e2e suite)',
  () => {
    it("asks for the desktop's shortcut portal before ready, and no XWayland", () => {
      const j = booted.double.journal;
      const portal = j.indexOf('app.commandLine.appendSwitch:enable-features=GlobalShortcutsPortal');
      expect(portal).toBeGreaterThanOrEqual(0);
      expect(portal).toBeLessThan(j.indexOf('ready'));
      expect(j.filter((e) => e.includes('ozone-platform'))).toEqual([]);
    });

    it('reports the shortcut the portal refused in Settings → Shortcuts, and notes the others', () => {
      const statuses = sent<GlobalShortcutStatus[]>(eventChannels.shortcuts).at(-1)!;
      const mute = statuses.find((s) => s.command === 'toggleMuteSelected')!;
      expect(mute).toMatchObject({ registered: false, problem: PORTAL_REFUSED_PROBLEM });
      const show = statuses.find((s) => s.command === 'showToolbar')!;
      expect(show.registered).toBe(true);
      expect(show.note).toMatch(/Wayland/);
    });

    it('says in the window that it cannot stay on top here', async () => {
      const toast = await until(
        () => sent<ToastEvent>(eventChannels.toast).find((t) => t.kind === 'CannotStayOnTop'),
        'the on-top notice',
      );
      expect(toast.message).toMatch(/cannot|does not let/i);
      expect(toast.message).toContain('no DISPLAY');
    });
  },
);
