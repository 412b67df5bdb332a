/**
 * The integrated proxy login (transport.ts IntegratedProxyLogin) through the `kerberos` package: SSPI's
 * `Negotiate` package on Windows (Kerberos, or NTLM inside SPNEGO, with the logged-on user's login), GSSAPI
 * with SPNEGO elsewhere (the ticket `kinit` or the desktop login put in the credential cache).
 *
 * Chosen over Electron's `net` (Chromium's integrated auth) because Chromium re-sends a POST that failed on
 * a reused connection: a dial could go out twice. Here the login happens on the CONNECT, before any byte of
 * the request, inside ConfBar's own transport with its replay rule. `kerberos` is an optional native
 * dependency: where it did not build, a Negotiate proxy gets an error saying so.
 */
import { AppError } from '../../../shared/errors';
import type { IntegratedProxyLogin, ProxyLoginExchange } from '../cloudagent/transport';

/** The part of the `kerberos` module used here (a test may pass its own). */
export interface KerberosModule {
  initializeClient(
    service: string,
    options: { mechOID?: number },
  ): Promise<{ step(challenge: string): Promise<string> }>;
  GSS_MECH_OID_SPNEGO: number;
}

export interface KerberosLoginOptions {
  load?: () => Promise<KerberosModule>;
  platform?: NodeJS.Platform;
}

export function kerberosProxyLogin(opts: KerberosLoginOptions = {}): IntegratedProxyLogin {
  const platform = opts.platform ?? process.platform;
  const load = opts.load ?? loadKerberos;
  let module: Promise<KerberosModule> | undefined;
  return {
    async begin(proxy: URL): Promise<ProxyLoginExchange> {
      module ??= load();
      let k: KerberosModule;
      try {
        k = await module;
      } catch {
        module = undefined;
        throw unavailable(proxy);
      }
      // SSPI names the proxy's service "HTTP/host", GSSAPI "HTTP@host" (a host-based service).
      const host = proxy.hostname.replace(/^\[|\]$/g, '');
      const service = platform === 'win32' ? `HTTP/${host}` : `HTTP@${host}`;
      const failed = (e: unknown): AppError => loginFailed(proxy, service, e);
      let client: Awaited<ReturnType<KerberosModule['initializeClient']>>;
      try {
        client = await k.initializeClient(service, { mechOID: k.GSS_MECH_OID_SPNEGO });
      } catch (e) {
        throw failed(e);
      }
      return {
        async step(challenge) {
          try {
            return await client.step(challenge);
          } catch (e) {
            throw failed(e);
          }
        },
      };
    },
  };
}

async function loadKerberos(): Promise<KerberosModule> {
  const k = (await import('kerberos')) as unknown as KerberosModule & { default?: KerberosModule };
  return typeof k.initializeClient === 'function' ? k : k.default!;
}

function unavailable(proxy: URL): AppError {
  return new AppError(
    'Network',
    `The proxy ${proxy.host} asks for your Windows login (Negotiate), and this ConfBar installation has no Kerberos support (the 'kerberos' module did not load).`,
    'Reinstall ConfBar (on Linux, install libkrb5-dev before npm install), or ask IT for a proxy login by user name and password (Settings → Network).',
  );
}

/** GSSAPI/SSPI's reason, on one line and bounded (it names principals and cache files, never a secret). */
function loginFailed(proxy: URL, service: string, e: unknown): AppError {
  const reason = (e instanceof Error ? e.message : String(e))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.+$/, '')
    .slice(0, 300);
  return new AppError(
    'Network',
    `Could not log in to the proxy ${proxy.host} with your Windows login (Negotiate, service ${service}): ${reason || 'no reason given'}.`,
    'Log in to the domain again (Linux and macOS: kinit), check that the proxy is named as in its Kerberos service (not by its IP address), or ask IT for a proxy login by user name and password (Settings → Network).',
  );
}
