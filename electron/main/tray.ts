import { Menu, Tray, app, nativeImage, type BrowserWindow } from 'electron';
import type { Logger } from '../core/log';
import type { Services } from '../core/services';
import { errorToast } from '../shell/toast';
import type { TypedInvoke } from '../shell/typed-invoke';
import type { ToastEvent } from '../../shared/session';

export interface AppTray {
  destroy(): void;
}

/**
 * The tray icon: show/hide the toolbar, see and switch demo mode, quit. Returns null where the desktop
 * has no tray (some Linux sessions); the window then stays the way in.
 */
export function setUpTray(deps: {
  icon: string;
  window: BrowserWindow;
  reveal: () => void;
  services: Services;
  invoke: TypedInvoke;
  toast: (toast: ToastEvent) => void;
  /** Asks the window to run a command (e.g. 'releasePhone', which opens its confirmation there). */
  command?: (command: string) => void;
  log: Logger;
}): AppTray | null {
  let tray: Tray;
  try {
    // macOS gets trayTemplate.png (16 px, its @2x beside it is loaded on Retina), tinted by the menu bar.
    const image = nativeImage.createFromPath(deps.icon);
    if (process.platform === 'darwin') image.setTemplateImage(true);
    tray = new Tray(image);
  } catch (e) {
    deps.log.warn('no tray icon on this desktop', { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
  const { window } = deps;
  let demo = false;
  const toggleWindow = () => (window.isVisible() ? window.hide() : deps.reveal());
  const setDemo = async (enabled: boolean) => {
    const result = await deps.invoke('setDemo', { enabled });
    if (!result.ok) deps.toast(errorToast(result.error));
  };

  const update = () => {
    tray.setToolTip(demo ? 'ConfBar — demo mode (simulator)' : 'ConfBar');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: window.isVisible() ? 'Hide ConfBar' : 'Show ConfBar', click: toggleWindow },
        { type: 'separator' },
        {
          label: 'Demo mode (built-in simulator)',
          type: 'checkbox',
          checked: demo,
          click: (item) => void setDemo(item.checked),
        },
        { type: 'separator' },
        // Confirmed in the window, on its safe choice: the tray cannot say what releasing does.
        ...(deps.command
          ? [
              {
                label: 'Release my phone…',
                click: () => {
                  deps.reveal();
                  deps.command?.('releasePhone');
                },
              },
              { type: 'separator' as const },
            ]
          : []),
        { label: 'Quit ConfBar', click: () => app.quit() },
      ]),
    );
  };

  tray.on('click', toggleWindow);
  window.on('show', update);
  window.on('hide', update);
  const off = deps.services.on('snapshot', (snapshot) => {
    if (snapshot.demo === demo) return;
    demo = snapshot.demo;
    update();
  });
  update();
  void deps.invoke('getSnapshot', {}).then((r) => {
    if (r.ok && r.value.demo !== demo) {
      demo = r.value.demo;
      update();
    }
  });
  return {
    destroy() {
      off();
      tray.destroy();
    },
  };
}
