import { writeFileSync } from 'node:fs';
import { app } from 'electron';
import type { Logger } from '../core/log';
import {
  appUserModelId,
  linuxDisplay,
  PORTAL_REFUSED_PROBLEM,
  waylandShortcutNote,
  type LinuxDisplay,
} from '../shell/platform-shell';
import type { StatusContext } from '../shell/global-shortcut-plan';
import { smokeOutput } from '../shell/startup';

/**
 * Before `ready`: Windows' AppUserModelID (notifications and the taskbar under the installer's appId) and, on a
 * Linux Wayland session, the display server (XWayland where the window can stay on top). Returns the choice.
 */
export function applyPlatformStart(): LinuxDisplay {
  const id = appUserModelId(process.platform);
  if (id) app.setAppUserModelId(id);
  const display = linuxDisplay(process.platform, process.env, process.argv);
  if (display.kind !== 'native') {
    for (const [name, value] of display.switches) app.commandLine.appendSwitch(name, value);
  }
  return display;
}

/** How the global-shortcut statuses read on this desktop (Settings → Shortcuts). */
export function shortcutDesktop(display: LinuxDisplay): StatusContext {
  return {
    platform: process.platform,
    note: waylandShortcutNote(display),
    refused: display.kind === 'wayland' ? PORTAL_REFUSED_PROBLEM : undefined,
  };
}

/**
 * `--smoke[=file]` (the release workflow): once ready, load the native keychain module, report where main was
 * loaded from (the asar in an installed app) and exit; 1 if anything failed. Returns false for a normal start.
 */
export function smokeTestIfAsked(log: Logger): boolean {
  const out = smokeOutput(process.argv);
  if (out === null) return false;
  void app.whenReady().then(async () => {
    let line: string;
    let code = 0;
    try {
      await import('keytar');
      line = `ConfBar ${app.getVersion()} smoke ok: main ${import.meta.url}, keytar loaded (${process.platform}-${process.arch})`;
    } catch (e) {
      code = 1;
      line = `ConfBar smoke failed: ${e instanceof Error ? e.message : String(e)}`;
      log.error('smoke test failed', { error: line });
    }
    if (out === '-') process.stdout.write(`${line}\n`);
    else writeFileSync(out, `${line}\n`);
    app.exit(code);
  });
  return true;
}
