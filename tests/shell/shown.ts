import { bootMain, until, type Booted } from './boot';

/** Boots the built main bundle, makes the double `ready` and waits for the toolbar window to show. */
export async function bootShown(opts: Parameters<typeof bootMain>[0] = {}): Promise<Booted> {
  const booted = await bootMain(opts);
  booted.double.ready();
  await until(() => booted.double.windows()[0]?.isVisible(), 'the toolbar window to show');
  return booted;
}

/** The payloads main sent the toolbar window on one event channel, oldest first. */
export function sentToWindow<T>(booted: Booted, channel: string): T[] {
  const win = booted.double.windows()[0];
  if (!win) throw new Error('no toolbar window');
  return win.webContents.sent.filter((m) => m.channel === channel).map((m) => m.args[0] as T);
}

/**
 * Makes the bundle see `target` as process.platform. Spoofing is done only on a Linux host (this machine, CI),
 * where Node's own path handling matches every double's paths; on another host only its own platform runs.
 * Returns false when this host cannot play `target` (the file's tests then report skipped).
 */
export function playPlatform(target: NodeJS.Platform): boolean {
  const host = process.platform;
  if (host !== target && host !== 'linux') return false;
  Object.defineProperty(process, 'platform', { value: target });
  return true;
}
