import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMode } from '../../../shared/cloudagent';
import type { Snapshot } from '../../../shared/session';
import { forgetSecrets } from '../../../electron/core/redact';
import { DEMO_ACCOUNT, type SimFault } from '../../../electron/simulator/server';
import { createMemoryLogger } from '../../support/memory-logger';
import { configureAccount, invokers, realServices } from '../../support/services-parts';
import { simulator } from '../../support/sim-env';
import { accountArgs, confbar, tempHome } from '../../integration/cli/helpers';
import { nodeJournalIo, type JournalIo } from '../../../electron/core/session/atomic-file';
import { findSecrets, spellings, type Finding } from './leak-search';
import { API_KEY, filesUnder, recordSurfaces, refusal as refusalIn, secretsOf, TOKEN_MARK } from './secrets';

// Secret hygiene: full sessions in every API mode, failures included, against an honest server and one that
// echoes the credentials back (another case, URL-encoded). Afterwards not one spelling of the api_key or of
// any token the server issued may be found on any surface ConfBar writes or shows.
const MODES: ApiMode[] = ['legacy', 'basic', 'token'];
const SERVERS = [
  { name: 'honest server', echo: false },
  { name: 'echoing server', echo: true },
];
const ACCOUNT = { ...DEMO_ACCOUNT, apiKey: API_KEY };
const PARTY = '09811112222';
const OTHER = '09833334444';
const CALL_CONTROL = /callcontrol/i;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function expectClean(findings: Finding[]): void {
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
}

/** One toolbar session through the real handler table: successes, refusals, bad answers, a call that ends. */
async function appSession(mode: ApiMode, echo: boolean) {
  forgetSecrets(); // each session proves itself with only what it learned
  const sim = await simulator({ accounts: [ACCOUNT], tokenMark: TOKEN_MARK, echoSecrets: echo });
  const dataDir = mkdtempSync(join(tmpdir(), 'confbar-secrets-'));
  temps.push(dataDir);
  const log = createMemoryLogger();
  // Every state the session journal wrote (the file itself is deleted when the call ends).
  const journals: string[] = [];
  const journalIo: JournalIo = {
    ...nodeJournalIo,
    writeFile: (file, data) => (journals.push(data), nodeJournalIo.writeFile(file, data)),
  };
  const services = await realServices(dataDir, {
    log,
    journalIo,
    shell: {
      globalShortcutStatus: () => [],
      chooseSavePath: async (name) => join(dataDir, name),
    },
  });
  const { events, results, invoke } = recordSurfaces(services);
  const { call } = invokers({ invoke });
  const fault = (f: SimFault) => sim.injectFault(f, { path: CALL_CONTROL });
  const refusal = (message: string) => refusalIn(mode, message);

  try {
    await configureAccount(call, { baseUrl: sim.url, account: ACCOUNT, mode, timeoutMs: 1000 });
    const ucid = sim.createCall({ agentPhoneName: 'demo-phone' });
    await call('setUcid', { text: ucid });
    const added = (await call('addParticipant', { number: PARTY, sip: false })) as Snapshot;
    const id = added.session!.participants.find((p) => p.number === PARTY)!.id;
    for (const channel of ['toggleMute', 'toggleHold', 'toggleHold', 'toggleMute'])
      await invoke(channel, { id });
    // Refusals and bad answers, each on the next request.
    const faults: SimFault[] = [
      refusal('Please pass valid Conference number'),
      refusal('Token Expired'),
      refusal('Invalid User Details'),
      { kind: 'malformed' },
      { kind: 'empty' },
      { kind: 'html5xx' },
      { kind: 'reset' },
      { kind: 'reshape', as: 'xml' },
      { kind: 'noAnswer' },
    ];
    for (const f of faults) {
      fault(f);
      await invoke('toggleMute', { id });
    }
    fault(refusal('Please pass valid Conference number'));
    await invoke('addParticipant', { number: OTHER, sip: false });
    await call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
    await invoke('dropParticipant', { id });
    // The customer hangs up: Call not Found.
    sim.endCall(ucid);
    await invoke('addParticipant', { number: OTHER, sip: false });
    await invoke('clearSession', {});
    // Phone Manual Dial starts the next call (and once refuses it).
    await invoke('startCall', { customerNumber: '9876500000' });
    await invoke('clearSession', {});
    await invoke('startCall', { customerNumber: '12' });
    await invoke('releasePhone', {});
    await invoke('runDoctor', {});
    await invoke('saveDiagnosticReport', {});
    await invoke('addContact', { contact: { label: 'Supervisor', number: OTHER, sip: false, slot: 1 } });
    await invoke('exportDirectoryCsv', {});
    await invoke('historySessions', { limit: 50 });
    await invoke('historySession', { ucid });
    await invoke('historyExportCsv', {});
    await invoke('historyExportCsv', { ucid });
    await invoke('getSettings', {});
    await invoke('keyStatus', {});
    await invoke('getSnapshot', {});
  } finally {
    await services.dispose();
    await sim.close();
  }
  return { sim, dataDir, log, events, results, journals };
}

/** One run of each CLI command a session uses, in process, with doctor's trace written to a file. */
async function cliSession(mode: ApiMode, echo: boolean) {
  forgetSecrets();
  const sim = await simulator({ accounts: [ACCOUNT], tokenMark: TOKEN_MARK, echoSecrets: echo });
  const home = tempHome();
  const account = accountArgs(sim, mode);
  const ucid = sim.createCall({ userName: ACCOUNT.userName, agentPhoneName: 'demo-phone' });
  const runs: Array<{ label: string; fault?: SimFault; args: string[] }> = [
    { label: 'conference', args: ['conference', PARTY, '--ucid', ucid, ...account, '--verbose'] },
    { label: 'mute --json', args: ['mute', PARTY, '--ucid', ucid, ...account, '--json', '--verbose'] },
    {
      label: 'hold, malformed',
      fault: { kind: 'malformed' },
      args: ['hold', PARTY, '--ucid', ucid, ...account],
    },
    {
      label: 'hold, html 5xx',
      fault: { kind: 'html5xx' },
      args: ['hold', PARTY, '--ucid', ucid, ...account],
    },
    { label: 'Call not Found', args: ['unmute', PARTY, '--ucid', '111111111', ...account, '--verbose'] },
    { label: 'dial', args: ['dial', '9876500000', ...account, '--verbose'] },
    { label: 'release-phone', args: ['release-phone', ...account, '--json', '--verbose'] },
    { label: 'doctor', args: ['doctor', ...account, '--verbose'] },
    { label: 'doctor --json', args: ['doctor', ...account, '--json'] },
    { label: 'doctor --trace', args: ['doctor', ...account, '--trace', join(home, 'trace.txt')] },
  ];
  const outputs: Array<[string, string]> = [];
  const codes: Record<string, number> = {};
  try {
    for (const run of runs) {
      if (run.fault) sim.injectFault(run.fault, { path: CALL_CONTROL });
      const r = await confbar(run.args, { home, apiKey: API_KEY });
      outputs.push([`${run.label}: stdout`, r.stdout], [`${run.label}: stderr`, r.stderr]);
      codes[run.label] = r.code;
    }
  } finally {
    await sim.close();
  }
  return { sim, home, outputs, codes };
}

describe('the secret search', () => {
  it('finds a secret in any case and in each encoding, and nothing in clean text', () => {
    const wrap = (s: string) => `{"note":"x${s}y"}`;
    for (const { encoding, text } of spellings(API_KEY)) {
      expect(findSecrets(encoding, wrap(text.toUpperCase()), [API_KEY]).length, encoding).toBeGreaterThan(0);
    }
    const basic = Buffer.from(`demo:${API_KEY}`).toString('base64'); // the key inside a longer base64 value
    expect(findSecrets('basic', basic, [API_KEY]).length).toBeGreaterThan(0);
    expect(findSecrets('clean', 'api_key=*** Authorization: Bearer ***', [API_KEY, TOKEN_MARK])).toEqual([]);
  });
});

describe.each(MODES)('secret hygiene, %s mode', (mode) => {
  it.each(SERVERS)('app session with an $name', async ({ echo }) => {
    const { sim, dataDir, log, events, results, journals } = await appSession(mode, echo);
    const secrets = secretsOf(sim, ACCOUNT.userName);
    // The proof means something only if the secrets did travel (and, echoing, came back).
    const sent = JSON.stringify(sim.requests);
    expect(sent).toContain(mode === 'legacy' ? encodeURIComponent(API_KEY).slice(0, 4) : API_KEY);
    if (mode === 'token') expect(secrets.length).toBeGreaterThan(2);
    if (echo) expect(JSON.stringify(results)).toContain('***');

    const files = filesUnder(dataDir);
    expect(files.some(([p]) => p.includes(join('history')))).toBe(true);
    expect(
      files.some(([p]) => p.includes('confbar-diagnostic-')),
      JSON.stringify(results.find((r) => r.channel === 'saveDiagnosticReport')),
    ).toBe(true);
    expect(files.some(([p]) => p.endsWith('config.json'))).toBe(true);
    const csv = results.filter((r) => /Csv$/.test(r.channel));
    expect(csv).toHaveLength(3);
    // The journal was written during the call (coalesced: the newest state of each turn).
    expect(journals.length).toBeGreaterThan(1);
    expect(journals.some((j) => j.includes(`"number":"${PARTY}"`))).toBe(true);
    expectClean([
      ...results.flatMap((r) => findSecrets(`IPC result of ${r.channel}`, JSON.stringify(r.result), secrets)),
      ...events.flatMap((e) => findSecrets(`event ${e.event}`, JSON.stringify(e.payload), secrets)),
      ...csv.flatMap((r) => findSecrets(`CSV of ${r.channel}`, JSON.stringify(r.result), secrets)),
      ...files.flatMap(([path, text]) => findSecrets(`file ${path.slice(dataDir.length)}`, text, secrets)),
      ...log.lines().flatMap((line) => findSecrets('log', line, secrets)),
      ...journals.flatMap((text, i) => findSecrets(`session journal, write ${i + 1}`, text, secrets)),
    ]);
  });

  it.each(SERVERS)('CLI session with an $name', async ({ echo }) => {
    const { sim, home, outputs, codes } = await cliSession(mode, echo);
    const secrets = secretsOf(sim, ACCOUNT.userName);
    // The runs did reach the server: the add and the dial succeeded, the ended call did not.
    // (Echoing, the dial's answer carries more than a ucid in `message`, so it is refused.)
    expect({ conference: codes['conference'], dial: codes['dial'] === 0 }).toEqual({
      conference: 0,
      dial: !echo,
    });
    expect(codes['Call not Found']).not.toBe(0);
    const files = filesUnder(home);
    expect(files.some(([p]) => p.endsWith('trace.txt'))).toBe(true);
    expectClean([
      ...outputs.flatMap(([label, text]) => findSecrets(`CLI ${label}`, text, secrets)),
      ...files.flatMap(([path, text]) => findSecrets(`file ${path.slice(home.length)}`, text, secrets)),
    ]);
  });
});
