import type { ApiMode } from '../../../shared/cloudagent';
import type { SimFault } from '../../../electron/simulator/types';
import { DEMO_ACCOUNT } from '../../../electron/simulator/accounts';
import { freePort } from '../../support/net/loopback-ports';
import type { ServicesEnv } from '../../support/services-env';

/** Injects `fault` on the requests whose path matches `path`. */
export const injectOn =
  (path: RegExp) =>
  (fault: SimFault) =>
  (env: ServicesEnv): void =>
    env.sim.injectFault(fault, { path });

/** CloudAgent's own refusal as the mode's endpoint words it: legacy JSON labelled the PHP way, or the new API's envelope. */
export const refusalOn =
  (path: RegExp, envelope: (message: string) => Record<string, unknown>) =>
  (message: string) =>
  (env: ServicesEnv, _ucid: string, mode: ApiMode): void =>
    env.sim.injectFault(
      mode === 'legacy'
        ? {
            kind: 'answer',
            contentType: 'text/html; charset=UTF-8',
            body: JSON.stringify({ status: 'Error', message }),
          }
        : { kind: 'answer', body: JSON.stringify(envelope(message)) },
      { path },
    );

/** Points the account at another base URL (e.g. a loopback port nothing listens on). */
export const pointAt = (env: ServicesEnv, baseUrl: string) =>
  env.call('updateSettings', { patch: { account: { baseUrl } } });

/**
 * The account pointed at a loopback port nothing listens on, and back. The keychain entry is per user and
 * base URL: the refusing address gets the same key.
 */
export const connectionRefused = {
  apply: async (env: ServicesEnv): Promise<void> => {
    await pointAt(env, `http://127.0.0.1:${await freePort()}`);
    await env.call('setKey', { apiKey: DEMO_ACCOUNT.apiKey });
  },
  restore: async (env: ServicesEnv): Promise<void> => void (await pointAt(env, env.sim.url)),
};
