import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokeChannels, INVOKE_NAMES, type InvokeInput, type InvokeName } from '../../../shared/contract';
import { ERROR_KINDS } from '../../../shared/errors';
import { SettingsSchema } from '../../../shared/settings-schema';
import { GLOBAL_COMMANDS, WINDOW_COMMANDS, type SettingsView } from '../../../shared/settings';
import { createFilePolicySource } from '../../../electron/core/settings/policy';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { configureAccount, invokers, realServices } from '../../support/services-parts';
import { FUZZ_SEED, runs } from '../support/budget';
import { fuzzEnv } from '../support/fuzz-env';
import { expectNoPollution, payloads } from '../support/payloads';

// Every invoke channel of the contract, through the real services (conf settings on disk, the engine, the
// CloudAgent client against the simulator on loopback), with generated and malformed payloads. A channel
// added to the contract without an entry here does not compile.
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const text = (max: number) => fc.string({ maxLength: max });
const id = fc.record({
  id: fc.oneof(
    fc.constantFrom('p1', 'p2', 'c1'),
    text(64).filter((s) => s.length > 0),
  ),
});
const none = fc.constant({});
const contact = fc.record(
  {
    label: text(60),
    number: fc.oneof(digits(10, 11), text(80)),
    sip: fc.boolean(),
    slot: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 9 })),
  },
  { requiredKeys: ['label', 'number'] },
);
const shortcut = fc.oneof(fc.constantFrom('CommandOrControl+Alt+K', 'Ctrl+k', 'q', 'Shift+?'), text(20));
const patch = fc.record(
  {
    // account.baseUrl and region are locked to the simulator by policy (below): nothing can point the
    // services at a real host, and the loopback guard would refuse it anyway.
    account: fc.record(
      {
        mode: fc.constantFrom('legacy', 'basic', 'token'),
        userName: text(100),
        did: text(30),
        agentPhoneName: text(100),
        agentNumber: text(30),
        output: fc.constantFrom('json', 'xml'),
        timeoutMs: fc.integer({ min: 1000, max: 60000 }),
        kickNumber: fc.constantFrom('agent', 'participant'),
        campaignName: text(100),
        checkStatus: fc.boolean(),
        callLimit: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 14_400 })),
      },
      { requiredKeys: [] },
    ),
    behaviour: fc.record(
      {
        alwaysOnTop: fc.boolean(),
        clipboardOffer: fc.boolean(),
        confirmBeforeDrop: fc.boolean(),
        miniMode: fc.boolean(),
        theme: fc.constantFrom('system', 'light', 'dark'),
      },
      { requiredKeys: [] },
    ),
    shortcuts: fc.record(
      {
        global: fc.dictionary(fc.constantFrom(...GLOBAL_COMMANDS), fc.oneof(fc.constant(null), shortcut)),
        window: fc.dictionary(fc.constantFrom(...WINDOW_COMMANDS), shortcut),
      },
      { requiredKeys: [] },
    ),
    window: fc.oneof(
      fc.constant(null),
      fc.record({
        x: fc.integer(),
        y: fc.integer(),
        width: fc.integer({ min: 200, max: 4000 }),
        height: fc.integer({ min: 40, max: 4000 }),
      }),
    ),
  },
  { requiredKeys: [] },
);

const VALID: { [K in InvokeName]: fc.Arbitrary<InvokeInput<K>> } = {
  getSnapshot: none,
  setUcid: fc.record({
    text: fc.oneof(
      digits(6, 30),
      text(200),
      digits(1, 40).map((d) => `ucid=${d}`),
    ),
  }),
  clearSession: none,
  startCall: fc.record(
    { customerNumber: fc.oneof(digits(10, 11), text(80)), reference: text(200) },
    { requiredKeys: ['customerNumber'] },
  ),
  endForAgent: none,
  addParticipant: fc.record({ number: fc.oneof(digits(10, 11), text(120)), sip: fc.boolean() }),
  dialSpeedSlot: fc.record({ slot: fc.integer({ min: 1, max: 9 }) }),
  rememberDraft: fc.record({ add: fc.oneof(digits(1, 12), text(200)) }),
  retryDial: id,
  selectParticipant: id,
  toggleMute: id,
  toggleHold: id,
  dropParticipant: id,
  releasePhone: none,
  prepareDial: none,
  getSettings: none,
  updateSettings: fc.record({ patch }),
  addContact: fc.record({ contact }),
  updateContact: fc.record({
    contact: fc.record({
      id: fc.constantFrom('c1', 'c2', 'nope'),
      label: text(60),
      number: digits(10, 11),
      sip: fc.boolean(),
      slot: fc.constant(null),
    }),
  }),
  removeContact: id,
  importDirectoryCsv: fc.record({
    csv: fc
      .array(
        fc.tuple(text(12), digits(9, 12)).map(([l, n]) => `${l},${n}`),
        { maxLength: 20 },
      )
      .map((r) => r.join('\n')),
  }),
  exportDirectoryCsv: none,
  keyStatus: none,
  setKey: fc.record({ apiKey: text(512).filter((s) => s.length > 0) }),
  clearKey: none,
  runDoctor: none,
  saveDiagnosticReport: none,
  setDemo: fc.record({ enabled: fc.boolean() }),
  proxyLoginStatus: fc.record({ proxy: fc.constantFrom('proxy.corp:3128', 'p:1') }),
  setProxyLogin: fc.record({
    proxy: fc.constantFrom('proxy.corp:3128', 'p:1'),
    username: text(256),
    password: text(1024),
  }),
  clearProxyLogin: fc.record({ proxy: fc.constantFrom('proxy.corp:3128', 'p:1') }),
  extraCaStatus: none,
  historySessions: fc.record({ limit: fc.integer({ min: 1, max: 500 }) }),
  historySession: fc.record({ ucid: text(64).filter((s) => s.length > 0) }),
  historyExportCsv: fc.record({ ucid: fc.option(text(64), { nil: undefined }) }, { requiredKeys: [] }),
  globalShortcutStatus: none,
  reportContentHeight: fc.record({ height: fc.integer({ min: 0, max: 20_000 }) }),
};

function check(ok: boolean, what: string, payload: unknown): void {
  if (ok) return;
  let shown: string;
  try {
    shown = String(JSON.stringify(payload)).slice(0, 300);
  } catch {
    shown = typeof payload;
  }
  throw new Error(`${what}: ${shown}`);
}

// Channels whose valid calls are slow (they start servers or probe the network): fewer valid ones.
const SLOW = new Set<InvokeName>([
  'setDemo',
  'runDoctor',
  'saveDiagnosticReport',
  'importDirectoryCsv',
  'startCall',
]);

const counts: Record<string, number> = {};

const env = fuzzEnv({
  name: 'ipc',
  services: (dataDir, sim) => {
    const policyFile = path.join(dataDir, 'policy.json');
    fs.writeFileSync(policyFile, JSON.stringify({ account: { baseUrl: sim.url, region: 'in' } }));
    return realServices(dataDir, { policy: createFilePolicySource({ path: policyFile }) });
  },
  async setup({ services, sim }) {
    const { call } = invokers(services);
    await configureAccount(call, { baseUrl: sim.url, account: DEMO_ACCOUNT, mode: 'token', timeoutMs: 1000 });
    await call('addContact', { contact: { label: 'Supervisor', number: '09811112222', slot: 1 } });
  },
});

describe('fuzz: every IPC channel', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(VALID).sort()).toEqual([...INVOKE_NAMES].sort());
  });

  it.each(INVOKE_NAMES)('%s: typed answers only, nothing accepted that the schema refuses', async (name) => {
    const schema = invokeChannels[name].input;
    const valid = VALID[name] as fc.Arbitrary<unknown>;
    const arbitrary = SLOW.has(name)
      ? fc.oneof({ weight: 1, arbitrary: valid }, { weight: 40, arbitrary: payloads(valid) })
      : payloads(valid);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (payload) => {
        n++;
        const result = await env.services.invoke(name, payload);
        expectNoPollution();
        // Plain checks rather than expect(): this runs a quarter of a million times.
        if (result.ok) {
          // Accepted only what the contract accepts (the dispatcher validates; a bypass would show here).
          check(schema.safeParse(payload ?? {}).success, 'accepted a payload the schema refuses', payload);
          if (name.endsWith('Settings') || name.endsWith('Contact')) {
            const settings = (result.value as SettingsView).settings;
            check(SettingsSchema.safeParse(settings).success, 'answered with invalid settings', payload);
          }
        } else {
          const { kind, message } = result.error;
          // Internal means an unexpected exception, except for saving a report without the desktop shell,
          // which these env.services deliberately lack (that handler answers Internal with a remedy).
          const internalOk = name === 'saveDiagnosticReport';
          check(
            ERROR_KINDS.includes(kind) && (internalOk || kind !== 'Internal'),
            `untyped or internal error ${kind}`,
            payload,
          );
          check(message.length > 0 && message.length < 1_000, 'empty or huge error message', payload);
          check(!/\n\s+at /.test(message), 'a stack trace in an error message', payload);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(10_000) },
    );
    counts[name] = n;
    expect(n).toBeGreaterThanOrEqual(runs(10_000));
    expect(env.unhandled).toEqual([]);
    expect(env.guard.refused).toEqual([]);
    // The settings on disk are still a valid document after everything the channel was sent.
    const onDisk = JSON.parse(fs.readFileSync(path.join(env.dataDir, 'settings', 'config.json'), 'utf8'));
    expect(SettingsSchema.safeParse(onDisk).success).toBe(true);
    expect(JSON.stringify(onDisk)).not.toMatch(/apiKey|api_key/i);
  });
});
