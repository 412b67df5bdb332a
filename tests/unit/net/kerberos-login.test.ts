import { describe, expect, it } from 'vitest';
import { kerberosProxyLogin, type KerberosModule } from '../../../electron/core/net/kerberos-login';

function fakeModule(calls: string[], fail?: { at: 'init' | 'step'; message: string }): KerberosModule {
  return {
    GSS_MECH_OID_SPNEGO: 6,
    async initializeClient(service, options) {
      calls.push(`init ${service} mech=${options.mechOID}`);
      if (fail?.at === 'init') throw new Error(fail.message);
      return {
        async step(challenge) {
          calls.push(`step '${challenge}'`);
          if (fail?.at === 'step') throw new Error(fail.message);
          return 'dG9rZW4=';
        },
      };
    },
  };
}

const PROXY = new URL('http://proxy.corp.example:8080');

describe('the Windows login through the kerberos package', () => {
  it('asks SSPI for HTTP/host on Windows and GSSAPI for HTTP@host elsewhere, with SPNEGO', async () => {
    for (const [platform, service] of [
      ['win32', 'HTTP/proxy.corp.example'],
      ['linux', 'HTTP@proxy.corp.example'],
      ['darwin', 'HTTP@proxy.corp.example'],
    ] as const) {
      const calls: string[] = [];
      const login = kerberosProxyLogin({ platform, load: async () => fakeModule(calls) });
      const exchange = await login.begin(PROXY);
      expect(await exchange.step('')).toBe('dG9rZW4=');
      expect(calls).toEqual([`init ${service} mech=6`, "step ''"]);
    }
  });

  it('a new exchange per CONNECT: a Kerberos authenticator is accepted once', async () => {
    const calls: string[] = [];
    const login = kerberosProxyLogin({ platform: 'linux', load: async () => fakeModule(calls) });
    await (await login.begin(PROXY)).step('');
    await (await login.begin(PROXY)).step('');
    expect(calls.filter((c) => c.startsWith('init'))).toHaveLength(2);
  });

  it('a module that did not build is said in words (and tried again next time)', async () => {
    let tries = 0;
    const login = kerberosProxyLogin({
      load: async () => {
        tries += 1;
        throw new Error('Cannot find module kerberos');
      },
    });
    for (let i = 0; i < 2; i++) {
      await expect(login.begin(PROXY)).rejects.toMatchObject({
        kind: 'Network',
        message:
          "The proxy proxy.corp.example:8080 asks for your Windows login (Negotiate), and this ConfBar installation has no Kerberos support (the 'kerberos' module did not load).",
        remedy: expect.stringMatching(/libkrb5-dev/),
      });
    }
    expect(tries).toBe(2);
  });

  it("GSSAPI's reason is kept on one line, without a doubled full stop", async () => {
    const login = kerberosProxyLogin({
      platform: 'linux',
      load: async () =>
        fakeModule([], {
          at: 'step',
          message: 'No credentials were supplied.\n  SPNEGO cannot find mechanisms.',
        }),
    });
    const exchange = await login.begin(PROXY);
    await expect(exchange.step('')).rejects.toMatchObject({
      kind: 'Network',
      message:
        'Could not log in to the proxy proxy.corp.example:8080 with your Windows login (Negotiate, service HTTP@proxy.corp.example): No credentials were supplied. SPNEGO cannot find mechanisms.',
      remedy: expect.stringMatching(/kinit/),
    });
  });
});
