import type { NetworkInterfaceInfo } from 'node:os';

/**
 * Electron's main process has no "network changed" event, so (as VS Code does) main compares a snapshot of
 * `os.networkInterfaces()` now and then and on resume. These are the rules; main only feeds them.
 *
 * The snapshot is the machine's non-loopback addresses (interface, family, address/prefix): a new Wi-Fi,
 * a VPN coming up or going down, a cable plugged in all change it; a counter or a MAC shown differently
 * does not. Order does not matter.
 */
export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export function networkFingerprint(interfaces: Interfaces): string {
  const lines: string[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal) continue;
      lines.push(`${name} ${info.family} ${info.cidr ?? `${info.address}/${info.netmask}`}`);
    }
  }
  return lines.sort().join('\n');
}

export interface NetworkWatch {
  /** Looks now (e.g. on resume); calls onChange when the snapshot differs from the last one. */
  check(): boolean;
  dispose(): void;
}

/** How often main looks without a hint; a look costs microseconds. VS Code waits 300 s; a call cannot. */
export const NETWORK_CHECK_INTERVAL_MS = 10_000;

export function watchNetwork(opts: {
  read: () => Interfaces;
  onChange: () => void;
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void };
  clearInterval?: (handle: unknown) => void;
}): NetworkWatch {
  const safeRead = (): string | null => {
    try {
      return networkFingerprint(opts.read());
    } catch {
      // os.networkInterfaces() can throw on some systems (e.g. no permission): then no verdict.
      return null;
    }
  };
  let last = safeRead();
  const check = (): boolean => {
    const next = safeRead();
    if (next === null || next === last) return false;
    last = next;
    opts.onChange();
    return true;
  };
  const every = opts.setInterval ?? setInterval;
  const stop = opts.clearInterval ?? ((h: unknown) => clearInterval(h as NodeJS.Timeout));
  const handle = every(check, opts.intervalMs ?? NETWORK_CHECK_INTERVAL_MS);
  handle.unref?.();
  return { check, dispose: () => stop(handle) };
}
