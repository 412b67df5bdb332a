import { networkInterfaces } from 'node:os';
import { powerMonitor, session } from 'electron';
import { isAppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { Transport } from '../core/cloudagent/transport';
import type { Logger } from '../core/log';
import { kerberosProxyLogin } from '../core/net/kerberos-login';
import { createNodeTransport } from '../core/net/node-transport';
import { noProxyMatches } from '../core/net/routes';
import { loadTrust } from '../core/net/trust';
import { vaultProxyCredentials } from '../core/vault/proxy-login';
import type { Vault } from '../core/vault/types';
import { watchNetwork } from '../shell/network-change';
import { createOsRouteSource } from '../shell/os-route-source';
import { createSettingsTransport } from '../shell/settings-transport';

export interface AppNetwork {
  /** The one transport the services use for the life of the app. */
  transport: Transport;
  /** The settings in force (main passes every change): read per request, so a change applies at once. */
  use(network: Settings['network']): void;
  dispose(): void;
}

/**
 * How the app reaches CloudAgent: routes from Settings → Network, else from Chromium's resolver (the OS
 * settings, PAC, WPAD; electron/shell/os-route-source.ts); trust = the bundled roots + the OS store (where
 * Electron's Node has it) + the extra CA file; proxy logins from the keychain. After sleep (`resume`) and
 * when the network changes (Electron has no event for it: a snapshot of the interfaces is compared, as VS
 * Code does), the cached routes and every pooled connection are dropped, so the next action connects fresh
 * at once instead of waiting out a dead socket.
 */
export function createAppNetwork(opts: { vault: Vault; log: Logger }): AppNetwork {
  const { log } = opts;
  let network: Settings['network'] = DEFAULT_SETTINGS.network;
  const routes = createOsRouteSource({
    network: () => network,
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    bypass: (url, noProxy) => noProxyMatches(noProxy, url),
    log,
  });
  const credentials = vaultProxyCredentials(opts.vault);
  // Loaded on the first proxy that asks for Negotiate, and kept: the OS holds the ticket, ConfBar no secret.
  const integratedLogin = kerberosProxyLogin();

  const transport = createSettingsTransport({
    settings: () => network,
    key: (n) => n.extraCaFile.trim(),
    build: async (n) => {
      const extraCaFile = n.extraCaFile.trim() || undefined;
      let trust;
      try {
        trust = await loadTrust({ system: true, extraCaFile });
      } catch (e) {
        // A missing or unreadable CA file is said by Settings and doctor; meanwhile the other roots apply.
        log.warn('extra CA file not loaded', { error: isAppError(e) ? e.message : String(e) });
        trust = await loadTrust({ system: true });
      }
      log.info('trust loaded', { ...trust.describe });
      return createNodeTransport({ routes, trust, credentials, integratedLogin, log });
    },
  });

  const reset = (why: string) => {
    log.info('network reset: dropping routes and pooled connections', { why });
    routes.invalidate();
    transport.reset();
  };
  const watch = watchNetwork({ read: networkInterfaces, onChange: () => reset('network change') });
  powerMonitor.on('resume', () => {
    // The interfaces usually differ after a wake; either way the pooled sockets are dead now.
    watch.check();
    reset('resume');
  });

  return {
    transport,
    use(next) {
      const before = network;
      network = next;
      if (before.proxy !== next.proxy || before.noProxy !== next.noProxy) reset('network settings changed');
    },
    dispose() {
      watch.dispose();
      transport.dispose();
    },
  };
}
