import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createMemoryLogger } from '../../../electron/core/log';
import type { ApiMode, CloudAgentClient } from '../../../electron/core/cloudagent/types';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import {
  DEMO_ACCOUNT,
  startSimulator,
  type SimAccount,
  type Simulator,
} from '../../../electron/simulator/server';
import { PARTY, clientFor, disposeAll } from './helpers';

const KEY = 'SECRET-KEY-1234567890';
const ACCOUNT: SimAccount = { ...DEMO_ACCOUNT, apiKey: KEY };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ accounts: [ACCOUNT] });
});
afterAll(() => sim.close());
afterEach(async () => {
  sim.clearFaults();
  await disposeAll();
});

/** Everything a user or a log file could see of an outcome. */
function visible(outcome: PromiseSettledResult<unknown>): string {
  if (outcome.status === 'fulfilled') return JSON.stringify(outcome.value) ?? '';
  const e = outcome.reason as unknown;
  if (e instanceof AppError) return `${e.message} ${e.remedy} ${JSON.stringify(e)} ${e.stack ?? ''}`;
  return String(e);
}

async function exercise(client: CloudAgentClient): Promise<PromiseSettledResult<unknown>[]> {
  const ucid = sim.createCall();
  const runs: Array<() => Promise<unknown>> = [
    () => client.warm(),
    () => client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: PARTY }),
    () => client.callControl({ action: 'MUTE', ucid: '9999999999999999', conferenceNumber: PARTY }),
    () => client.callControl({ action: 'MUTE', ucid, conferenceNumber: 'nonsense' }),
    () => client.manualDial({ customerNumber: '09822224444' }),
    () => client.manualDial({ customerNumber: '1' }),
  ];
  for (const fault of [
    { kind: 'reset' },
    { kind: 'malformed' },
    { kind: 'html5xx' },
    { kind: 'empty' },
    { kind: 'noAnswer' },
  ] as const) {
    runs.push(() => {
      sim.injectFault(fault, { path: /callcontrol|phonemanualdial/i });
      return client.callControl({ action: 'HOLD', ucid, conferenceNumber: PARTY });
    });
  }
  const outcomes: PromiseSettledResult<unknown>[] = [];
  for (const run of runs) outcomes.push(...(await Promise.allSettled([run()])));
  return outcomes;
}

describe.each(['legacy', 'basic', 'token'] as ApiMode[])(
  'secrets stay out of logs and errors, %s mode',
  (mode) => {
    it(`never shows the api_key or the token`, async () => {
      const log = createMemoryLogger();
      const { client } = clientFor(sim, { mode, log, timeoutMs: 300, secrets: createStaticSecrets(KEY) });
      const outcomes = await exercise(client);

      // The exercise really did send the key (so the check below means something) and failed in places.
      const sent = JSON.stringify(sim.requests);
      expect(sent).toContain(KEY);
      expect(outcomes.some((o) => o.status === 'rejected')).toBe(true);
      expect(log.lines().length).toBeGreaterThan(8);

      const tokens = sim.requests
        .map((r) => r.headers.authorization?.replace(/^Bearer /, ''))
        .filter(Boolean);
      if (mode === 'token') expect(tokens.length).toBeGreaterThan(0);
      const texts = [...log.lines(), ...outcomes.map(visible)];
      for (const secret of [KEY, encodeURIComponent(KEY), ...tokens]) {
        for (const text of texts) expect(text).not.toContain(secret);
      }
      if (mode === 'legacy') {
        expect(log.lines().some((l) => l.includes('api_key=***'))).toBe(true);
        expect(log.lines().some((l) => l.includes('apiKey=***'))).toBe(true);
      }
    });
  },
);

describe('free-text scrubbing', () => {
  it('scrubs a known secret wherever it appears, not only in named parameters', async () => {
    // A partner base URL that (absurdly) contains the key in its path: the log must still not show it.
    const log = createMemoryLogger();
    const { client } = clientFor(sim, {
      mode: 'legacy',
      log,
      baseUrl: `${sim.url}/${KEY}`,
      secrets: createStaticSecrets(KEY),
    });
    const outcome = await Promise.allSettled([
      client.callControl({ action: 'HOLD', ucid: '1', conferenceNumber: PARTY }),
    ]);
    expect(sim.requests.at(-1)?.path).toBe(`/${KEY}/callcontrol_v4.php`);
    expect(visible(outcome[0] as PromiseSettledResult<unknown>)).toMatch(
      /HTTP 404 with an HTML page \(check the base URL; the path is case-sensitive\)/,
    );
    expect(log.lines().some((l) => l.includes('/***/callcontrol_v4.php'))).toBe(true);
    for (const line of log.lines()) expect(line).not.toContain(KEY);
  });
});
