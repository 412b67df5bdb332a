import { app, type BrowserWindow } from 'electron';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../core/log';
import { setAlwaysOnTop } from './window';

/** Applies settings.behaviour that belongs to the shell: always-on-top and launch at login. */
export function applyBehaviour(win: BrowserWindow, behaviour: Settings['behaviour'], log: Logger): void {
  if (win.isAlwaysOnTop() !== behaviour.alwaysOnTop) setAlwaysOnTop(win, behaviour.alwaysOnTop);
  applyLaunchAtLogin(behaviour.launchAtLogin, log);
}

function applyLaunchAtLogin(on: boolean, log: Logger): void {
  // A development run would put the bare Electron binary in the login items; Linux has no such API.
  if (!app.isPackaged || process.platform === 'linux') return;
  if (app.getLoginItemSettings().openAtLogin === on) return;
  app.setLoginItemSettings({ openAtLogin: on });
  log.info('launch at login changed', { on });
}
