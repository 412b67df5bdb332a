import type { ToastEvent } from '../../shared/session';

/**
 * What the shell does differently per operating system, decided without Electron: platform and environment in,
 * options out. electron/main applies them (index.ts, window.ts, tray.ts, global-shortcuts.ts).
 */

/** electron-builder.yml's appId: Windows groups the taskbar and shows notifications under it. */
export const APP_ID = 'com.confbar.app';

/** Windows: the AppUserModelID to set before any window or notification (must equal the installer's appId). */
export function appUserModelId(platform: NodeJS.Platform): string | null {
  return platform === 'win32' ? APP_ID : null;
}

/**
 * macOS: a `floating` window vanishes when the CRM is in a fullscreen Space unless it is visible on all
 * workspaces, fullscreen ones included. Elsewhere nothing to do.
 */
export function workspaceVisibility(
  platform: NodeJS.Platform,
): { visible: true; options: { visibleOnFullScreen: true } } | null {
  return platform === 'darwin' ? { visible: true, options: { visibleOnFullScreen: true } } : null;
}

/**
 * The tray image: macOS gets a template image (black + alpha; `…Template.png` with an @2x beside it) that the
 * menu bar tints for light and dark; the others a colour icon.
 */
export function trayImageName(platform: NodeJS.Platform): 'trayTemplate.png' | 'tray.png' {
  return platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
}

export type LinuxDisplay =
  /** Not Linux, or an X11 session: nothing to change. */
  | { kind: 'native' }
  /** A Wayland session with XWayland: run through it, where always-on-top and positioning work. */
  | { kind: 'xwayland'; switches: [string, string][] }
  /** A Wayland session, natively (no XWayland, or the person asked for it): the window cannot stay on top. */
  | { kind: 'wayland'; switches: [string, string][]; why: string };

export const WAYLAND_ON_TOP_NOTICE =
  'This Wayland desktop does not let an application keep its window on top of others, so ConfBar may be ' +
  'covered by the CRM.';

/**
 * Linux on Wayland (Electron 38+ runs natively there): `setAlwaysOnTop` and `setPosition` do nothing, so an
 * always-on-top toolbar would not be on top. Where XWayland is available (DISPLAY set) ConfBar runs through it
 * (`--ozone-platform=x11`); CONFBAR_WAYLAND=1 or an explicit --ozone-platform on the command line keeps
 * native Wayland, where global shortcuts go through the desktop's GlobalShortcuts portal.
 */
export function linuxDisplay(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  argv: readonly string[],
): LinuxDisplay {
  if (platform !== 'linux') return { kind: 'native' };
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  if (!wayland) return { kind: 'native' };
  const chosen = argv.find((a) => a.startsWith('--ozone-platform='))?.slice('--ozone-platform='.length);
  if (chosen === 'x11') return { kind: 'xwayland', switches: [] };
  const portal: [string, string][] = [['enable-features', 'GlobalShortcutsPortal']];
  if (chosen) return { kind: 'wayland', switches: portal, why: `--ozone-platform=${chosen} was given` };
  if (env.CONFBAR_WAYLAND === '1')
    return { kind: 'wayland', switches: portal, why: 'CONFBAR_WAYLAND=1 is set' };
  if (!env.DISPLAY)
    return { kind: 'wayland', switches: portal, why: 'XWayland is not available (no DISPLAY)' };
  return { kind: 'xwayland', switches: [['ozone-platform', 'x11']] };
}

/**
 * What a global shortcut's status adds on a Wayland desktop, where "registered" does not yet mean "works":
 * natively the desktop's portal asks the person (and may refuse); through XWayland some desktops (GNOME) pass
 * the keys only while an X11 window has focus.
 */
export function waylandShortcutNote(display: LinuxDisplay): string | null {
  if (display.kind === 'wayland') {
    return 'On Wayland the desktop decides: allow ConfBar when it asks, or in its keyboard-shortcut settings.';
  }
  if (display.kind === 'xwayland') {
    return (
      'Runs through XWayland to stay on top; some desktops (GNOME) pass it on only while an X11 window has ' +
      'focus. If it does nothing while the CRM has focus, start ConfBar with CONFBAR_WAYLAND=1.'
    );
  }
  return null;
}

/** A `register` that returned false on native Wayland: the portal (or the person, in its dialog) refused. */
export const PORTAL_REFUSED_PROBLEM =
  "The desktop's shortcut portal refused it (or its dialog was declined): allow ConfBar in the desktop's " +
  'keyboard-shortcut settings, or choose another shortcut.';

/** Shown once the page is up: what reading the settings noted, and a window that cannot stay on top. */
export function startupNotices(
  display: LinuxDisplay,
  notes: readonly string[],
  alwaysOnTop: boolean,
): ToastEvent[] {
  const toasts: ToastEvent[] = notes.map((message) => ({ level: 'info', message }));
  if (display.kind === 'wayland' && alwaysOnTop) {
    toasts.push({
      level: 'info',
      kind: 'CannotStayOnTop',
      message: `${WAYLAND_ON_TOP_NOTICE} (${display.why}.)`,
      remedy: 'Start ConfBar without CONFBAR_WAYLAND=1 on a desktop with XWayland to keep it on top.',
    });
  }
  return toasts;
}
