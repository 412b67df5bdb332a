import { app } from 'electron';
import type { EventName, EventPayloads } from '../../shared/contract';
import type { Logger } from '../core/log';
import { DEEP_LINK_SCHEME, parseDeepLink } from '../core/shell/deep-link';
import type { TypedInvoke } from '../core/shell/typed-invoke';

/**
 * Makes ConfBar the handler of confbar:// links. Only an installed app claims the scheme: a development
 * run would register the bare Electron binary with the OS.
 */
export function registerDeepLinkScheme(log: Logger): void {
  if (!app.isPackaged) {
    log.info('development run: not registering the confbar:// scheme with the OS');
    return;
  }
  if (!app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) log.warn('could not register the confbar:// scheme');
}

export interface DeepLinks {
  /** A link from argv, `second-instance` or macOS `open-url`; held until `ready` when early. */
  receive(url: string): void;
  ready(deps: DeepLinkDeps): void;
}

interface DeepLinkDeps {
  invoke: TypedInvoke;
  showWindow: () => void;
  send: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  log: Logger;
}

/** Opens the call a confbar:// link names (setUcid); a link that is not a call link is refused and said so. */
export function createDeepLinks(): DeepLinks {
  let pending: string | null = null; // only the latest link matters
  let deps: DeepLinkDeps | null = null;

  async function open(url: string, d: DeepLinkDeps): Promise<void> {
    d.showWindow();
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      d.log.warn('ignored a confbar:// link', { reason: parsed.reason });
      d.send('toast', { level: 'error', message: `Ignored a confbar:// link: ${parsed.reason}.` });
      return;
    }
    const result = await d.invoke('setUcid', { text: parsed.link.ucid });
    if (!result.ok) {
      const { kind, message, remedy } = result.error;
      d.send('toast', { level: 'error', kind, message, remedy });
    }
  }

  return {
    receive(url) {
      if (deps) void open(url, deps);
      else pending = url;
    },
    ready(d) {
      deps = d;
      if (pending) void open(pending, d);
      pending = null;
    },
  };
}
