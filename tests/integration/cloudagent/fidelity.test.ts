import { afterEach, describe, expect, it } from 'vitest';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import { MissingSettingError } from '../../../electron/core/cloudagent/required';
import type { TraceExchange } from '../../../electron/core/cloudagent/trace';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { sanitizeEntry } from '../../../electron/core/history/entry';
import { forgetSecrets } from '../../../electron/core/redact';
import { createCloudAgentClient } from '../../../electron/core/cloudagent/client';
import { DEMO_ACCOUNT, type SimAccount } from '../../../electron/simulator/server';
import { demoClient, simulator } from '../../support/sim-env';
import { clientFor, disposeAll, failureOf, PARTY, seen } from './helpers';
import { directTransport } from '../../support/transport';

const GENERATE = '/ca_apis/CAToken/generateToken';
afterEach(async () => {
  await disposeAll();
  forgetSecrets();
});

describe('legacy answers labelled text/html (PHP) are read by their body', () => {
  it.each(['json', 'xml'] as const)(
    'output=%s: HOLD succeeds, a dead ucid is CallNotFound',
    async (output) => {
      const sim = await simulator();
      const ucid = sim.createCall();
      const { client } = clientFor(sim, { mode: 'legacy', output });
      await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
      const held = await client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY });
      expect(held).toMatchObject({ status: 'Success', message: 'User hold is successful' });
      sim.endCall(ucid);
      const e = await failureOf(client.callControl({ action: 'UNHOLD', ucid, conferenceNumber: PARTY }));
      expect(e.kind).toBe('CallNotFound');
    },
  );
});

describe('Phone Manual Dial succeeds only with a ucid', () => {
  it('status "queued" with a message that is no ucid is Refused, with the remedy', async () => {
    const account: SimAccount = { ...DEMO_ACCOUNT, onlineAgentPhones: ['demo-phone'] };
    const sim = await simulator({ accounts: [account] });
    for (const mode of ['legacy', 'basic', 'token'] as const) {
      const { client } = clientFor(sim, { mode });
      const e = await failureOf(client.manualDial({ customerNumber: '09876543210' }));
      expect(e.kind).toBe('Refused');
      expect(e.message).toBe('Online agent logged in with same phone number');
      expect(e.remedy).toMatch(/log out there or use another phone name/);
    }
  });
});

describe('auth problems on any HTTP status, with the setting to change', () => {
  it('401 JSON with a known message is AuthFailed', async () => {
    const sim = await simulator({ authFailureStatus: 401 });
    const { client } = clientFor(sim, { mode: 'basic', secrets: createStaticSecrets('not-the-key') });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e).toMatchObject({ kind: 'AuthFailed', message: 'Invalid User Details' });
    expect(sim.requests.at(-1)?.path).toBe('/ca_apis/CallControl_V4');
  });

  it('token mode against a basic-only account: names API mode Basic, and stops at one token', async () => {
    const basicOnly: SimAccount = { ...DEMO_ACCOUNT, auth: 'basic' };
    const sim = await simulator({ accounts: [basicOnly] });
    const { client } = clientFor(sim, { mode: 'token' });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e).toMatchObject({ kind: 'AuthFailed', message: 'Api Key Should Not be Null or Empty.' });
    expect(e.remedy).toMatch(/API mode to Basic \(CLI: --mode basic\)/);
    expect(seen(sim, GENERATE)).toHaveLength(1);
  });

  it('basic mode against a token-only account: names API mode Token', async () => {
    const tokenOnly: SimAccount = { ...DEMO_ACCOUNT, auth: 'token' };
    const sim = await simulator({ accounts: [tokenOnly] });
    const { client } = clientFor(sim, { mode: 'basic' });
    const e = await failureOf(
      client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
    );
    expect(e.remedy).toMatch(/API mode to Token \(CLI: --mode token\)/);
  });
});

describe('mandatory fields are checked before anything is sent', () => {
  it.each([
    ['legacy', { did: '' }, 'did'],
    ['legacy', { agentPhoneName: ' ' }, 'agentPhoneName'],
    ['basic', { userName: '' }, 'userName'],
    ['token', { userName: '' }, 'userName'],
    ['token', { did: '' }, 'did'],
  ] as const)('%s mode with %j: InvalidInput naming %s, no request', async (mode, over, setting) => {
    const sim = await simulator();
    const client = demoClient(sim, mode, { config: over });
    try {
      const e = await failureOf(
        client.callControl({ action: 'HOLD', ucid: sim.createCall(), conferenceNumber: PARTY }),
      );
      expect(e).toBeInstanceOf(MissingSettingError);
      expect(e.kind).toBe('InvalidInput');
      expect((e as MissingSettingError).setting).toBe(setting);
      const dial = await failureOf(client.manualDial({ customerNumber: '09876543210' }));
      expect(dial.kind).toBe('InvalidInput');
      expect(sim.requests).toHaveLength(0);
    } finally {
      await client.dispose();
    }
  });
});

/** Generations spent by a second refused action, once a token is cached: a new token cannot fix these. */
async function secondRefusal(opts: Parameters<typeof simulator>[0]) {
  const sim = await simulator(opts);
  const secrets = createStaticSecrets(DEMO_ACCOUNT.apiKey);
  const ucid = sim.createCall();
  const refuse = () =>
    failureOf(
      clientFor(sim, { mode: 'token', secrets }).client.callControl({
        action: 'HOLD',
        ucid,
        conferenceNumber: PARTY,
      }),
    );
  await refuse();
  const before = seen(sim, GENERATE).length;
  await refuse();
  return { generated: seen(sim, GENERATE).length - before, allowed: 0 };
}

describe('the token form, and a budget a wrong guess cannot burn', () => {
  it('a raw-reading account: Bearer is refused without regenerating; raw works', async () => {
    const sim = await simulator({ tokenForm: 'raw' });
    const shared = createStaticSecrets(DEMO_ACCOUNT.apiKey);
    const ucid = sim.createCall();
    // Three "runs" sharing the keychain's token cache, as three CLI runs do.
    for (let run = 0; run < 3; run++) {
      const { client } = clientFor(sim, { mode: 'token', secrets: shared });
      const e = await failureOf(client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }));
      expect(e.kind).toBe('AuthFailed');
      expect(e.message).toMatch(/CloudAgent did not read the token/);
      expect(e.remedy).toMatch(/Token form to Raw \(CLI: --token-form raw\)/);
    }
    expect(seen(sim, GENERATE)).toHaveLength(1);
    const raw = clientFor(sim, { mode: 'token', secrets: shared, tokenForm: 'raw' }).client;
    await expect(
      raw.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }),
    ).resolves.toMatchObject({
      message: 'dialing',
    });
    expect(seen(sim, GENERATE)).toHaveLength(1);
    expect(sim.requests.at(-1)?.headers['authorization']).toMatch(/^eyJ/);
  });

  it('invariant: at most one generation per user action, none for a refusal a token cannot fix', async () => {
    const scenarios: Array<{ name: string; run: () => Promise<{ generated: number; allowed: number }> }> = [
      {
        name: 'first action, no token yet',
        run: async () => {
          const sim = await simulator();
          const { client } = clientFor(sim, {
            mode: 'token',
            secrets: createStaticSecrets(DEMO_ACCOUNT.apiKey),
          });
          await client.callControl({ action: 'CONFERENCE', ucid: sim.createCall(), conferenceNumber: PARTY });
          return { generated: seen(sim, GENERATE).length, allowed: 1 };
        },
      },
      {
        name: 'cached token superseded elsewhere',
        run: async () => {
          const sim = await simulator();
          const secrets = createStaticSecrets(DEMO_ACCOUNT.apiKey);
          const ucid = sim.createCall();
          const a = clientFor(sim, { mode: 'token', secrets }).client;
          await a.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
          // Someone else generates for the same user: the cached token is now invalid.
          await fetch(`${sim.url}${GENERATE}`, {
            method: 'POST',
            headers: { apiKey: DEMO_ACCOUNT.apiKey, 'Content-Type': 'application/json' },
            body: JSON.stringify({ userName: DEMO_ACCOUNT.userName }),
          });
          const before = seen(sim, GENERATE).length;
          const b = clientFor(sim, { mode: 'token', secrets }).client;
          await b.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY });
          return { generated: seen(sim, GENERATE).length - before, allowed: 1 };
        },
      },
      {
        name: 'wrong token form with a cached token',
        run: () => secondRefusal({ tokenForm: 'raw' }),
      },
      {
        name: 'a basic-only account',
        run: () => secondRefusal({ accounts: [{ ...DEMO_ACCOUNT, auth: 'basic' }] }),
      },
    ];
    for (const s of scenarios) {
      const { generated, allowed } = await s.run();
      expect(generated, s.name).toBeLessThanOrEqual(allowed);
    }
  });
});

describe('one redaction wherever text is kept or shown', () => {
  it('a key echoed in another case and encoding never reaches results, history, IPC or the trace', async () => {
    const KEY = 'Echo/Key+Case 1234';
    const account: SimAccount = { ...DEMO_ACCOUNT, apiKey: KEY };
    const sim = await simulator({ accounts: [account] });
    const traces: TraceExchange[] = [];
    const { client } = clientFor(sim, { mode: 'legacy', secrets: createStaticSecrets(KEY) });
    // The trace sink is wired through a second client with the same key.
    const traced = createCloudAgentClient(
      {
        endpoint: { baseUrl: `${sim.url}/${encodeURIComponent(KEY).toLowerCase()}` },
        mode: 'legacy',
        userName: '',
        did: account.did,
        agentPhoneName: 'demo-phone',
        output: 'json',
        timeoutMs: 2000,
      },
      { secrets: createStaticSecrets(KEY), trace: (x) => traces.push(x), transport: directTransport() },
    );
    const ucid = sim.createCall();
    const ok = await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    const e = await failureOf(traced.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY }));
    await traced.dispose();
    const echoed = [
      `${ok.message} for ${KEY.toUpperCase()}`,
      `failed: ${e.message} ${new URLSearchParams({ k: KEY }).toString()}`,
      `path /${encodeURIComponent(KEY).toLowerCase()}/callcontrol_v4.php`,
    ];
    const entry = sanitizeEntry({
      at: 1,
      ucid,
      action: 'add',
      mode: 'legacy',
      outcome: 'error',
      message: echoed.join(' | '),
    });
    const dispatch = createDispatcher({ getSnapshot: async () => ({ note: echoed.join(' ') }) } as never, {
      debug() {},
      info() {},
      warn() {},
      error() {},
    });
    const ipc = await dispatch('getSnapshot', {});
    const everything = JSON.stringify({ entry, ipc, traces, e: e.toJSON() }).toLowerCase();
    for (const form of [KEY, encodeURIComponent(KEY), new URLSearchParams({ k: KEY }).toString().slice(2)]) {
      expect(everything).not.toContain(form.toLowerCase());
    }
    expect(everything).toContain('***');
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ httpStatus: 404, bodyKind: 'html' });
    expect(traces[0]?.query['api_key']).toBe('***');
  });
});
