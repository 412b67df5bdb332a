import { Menu, Tray, nativeImage } from 'electron';
import type { Logger } from '../core/log';

export interface TrayState {
  visible: boolean;
  demo: boolean;
}

export interface AppTray {
  update(state: TrayState): void;
  destroy(): void;
}

/**
 * The tray icon: show/hide the toolbar, see and switch demo mode, quit. Returns null where the desktop
 * has no tray (some Linux sessions); the window then stays the way in.
 */
export function createAppTray(deps: {
  icon: string;
  toggleWindow: () => void;
  setDemo: (enabled: boolean) => void;
  quit: () => void;
  log: Logger;
}): AppTray | null {
  let tray: Tray;
  try {
    let image = nativeImage.createFromPath(deps.icon);
    if (process.platform === 'darwin') image = image.resize({ width: 16, height: 16 });
    tray = new Tray(image);
  } catch (e) {
    deps.log.warn('no tray icon on this desktop', { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
  tray.on('click', deps.toggleWindow);

  const update = ({ visible, demo }: TrayState) => {
    tray.setToolTip(demo ? 'ConfBar — demo mode (simulator)' : 'ConfBar');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: visible ? 'Hide ConfBar' : 'Show ConfBar', click: deps.toggleWindow },
        { type: 'separator' },
        {
          label: 'Demo mode (built-in simulator)',
          type: 'checkbox',
          checked: demo,
          click: (item) => deps.setDemo(item.checked),
        },
        { type: 'separator' },
        { label: 'Quit ConfBar', click: deps.quit },
      ]),
    );
  };
  update({ visible: true, demo: false });
  return { update, destroy: () => tray.destroy() };
}
