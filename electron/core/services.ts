/**
 * The composition root: builds the handler table from real parts for the app, the browser harness, the
 * benchmarks and the tests. Over 300 lines because it still does four jobs (composition, the account in
 * force with demo mode, the handler table, the snapshot); splitting them into an account context, handler
 * groups and a snapshot builder is the next step of issue #10, left for after the parallel work that also
 * edits this file has landed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, EventPayloads, Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { StartDemo } from '../../shared/demo';
import type { DoctorCheck, GlobalShortcutStatus, Snapshot } from '../../shared/session';
import { configFromAccount, missingAccountFields } from './app/account-config';
import { DemoRunner } from './app/demo';
import { EventHub } from './app/emitter';
import { createStaticSecrets } from './cloudagent/static-secrets';
import { createCloudAgentClient } from './cloudagent/client';
import { resolveBaseUrl } from './cloudagent/hosts';
import type { CloudAgentClient, CloudAgentConfig, SecretSource } from './cloudagent/types';
import { ConferenceEngine } from './conference/engine';
import type { TraceExchange } from './cloudagent/trace';
import { PROBE_NUMBERS, runDoctor } from './doctor';
import { formatDiagnosticReport } from './doctor-report';
import { createHistory } from './history/history';
import { createDispatcher, type HandlerTable } from './ipc/dispatch';
import { nullLogger, type Logger } from './log';
import { redactValue } from './redact';
import { createSettingsStore } from './settings/store';
import type { PolicySource } from './settings/policy';
import type { SettingsBackend } from './settings/backend';
import { accountId } from './vault/account-id';
import type { Vault } from './vault/types';
import { PRIVATE_FILE_MODE, restrictFile } from './private-files';

/** What only the Electron shell knows; absent in the browser harness and the CLI. */
export interface ShellPort {
  globalShortcutStatus(): GlobalShortcutStatus[];
  /** Asks where to save a file (the OS save dialog); null when the agent cancels. */
  chooseSavePath?(defaultName: string): Promise<string | null>;
  /** Fits the window to the page's height in CSS px; false when nothing changed or there is no window. */
  contentHeight?(height: number): boolean;
}

export interface ServicesOptions {
  dataDir: string;
  settingsBackend: SettingsBackend;
  vault: Vault;
  policy?: PolicySource;
  now?: () => number;
  log?: Logger;
  shell?: ShellPort;
  /** The app's version, for the diagnostic report. */
  version?: string;
  /** Starts a demo CloudAgent for demo mode (the composer passes the loopback simulator's). */
  startDemo: StartDemo;
}

export interface Services {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** Resolves when every CloudAgent request started so far has settled. */
  settled(): Promise<void>;
  dispose(): Promise<void>;
}

/** Builds the handler table from real parts: the one composition root for the app, the harness and tests. */
export async function createServices(opts: ServicesOptions): Promise<Services> {
  const log = opts.log ?? nullLogger;
  const now = opts.now ?? Date.now;
  const hub = new EventHub();
  const settings = createSettingsStore({ backend: opts.settingsBackend, policy: opts.policy });
  const history = createHistory({
    dir: join(opts.dataDir, 'history'),
    now,
    warn: (message) => log.warn(message),
  });
  const demo = new DemoRunner(opts.startDemo);
  let seq = 0;

  // The engine reads the account on every key press; settings.get() clones the whole document (directory
  // included), so keep the latest view, which onChange replaces after every change.
  let current = settings.get();
  const account = () => current.settings.account;
  const demoOn = () => demo.running !== null;

  // The account in force: the demo simulator's while demo mode is on, the saved one otherwise.
  function activeAccount() {
    const d = demo.running;
    if (!d) return account();
    return {
      ...account(),
      ...d.account,
      baseUrl: d.account.baseUrl,
      region: d.account.region,
      mode: account().mode,
    };
  }

  function vaultAccount(): string {
    const a = account();
    if (!a.userName.trim()) {
      throw new AppError(
        'InvalidInput',
        'Enter your CloudAgent user name in Settings first: the key is stored for it.',
      );
    }
    return accountId(a.userName.trim(), resolveBaseUrl(configFromAccount(a).endpoint));
  }

  function secrets(): SecretSource {
    const d = demo.running;
    return d ? createStaticSecrets(d.apiKey) : opts.vault.secretsFor(vaultAccount());
  }

  let cached: { key: string; client: CloudAgentClient } | null = null;
  // A dropped client is disposed too: its warm-up must not generate a token that supersedes the next one's.
  function dropClient(): void {
    void cached?.client.dispose();
    cached = null;
  }
  function client(): CloudAgentClient {
    const config: CloudAgentConfig = configFromAccount(activeAccount());
    const key = JSON.stringify({ config, demo: demo.running?.account.baseUrl ?? null });
    if (cached?.key !== key) {
      void cached?.client.dispose();
      cached = { key, client: createCloudAgentClient(config, { secrets: secrets(), now, log }) };
    }
    return cached.client;
  }

  const engine = new ConferenceEngine({
    client,
    now,
    region: () => activeAccount().region,
    agentNumber: () => activeAccount().agentNumber,
    kickRule: () => account().kickNumber,
    mode: () => activeAccount().mode,
    demo: demoOn,
    record: (entry) => void history.append(entry),
    notify: (toast) => hub.emit('toast', toast),
    changed: () => publish(),
  });

  async function keyStored(): Promise<boolean> {
    try {
      return await opts.vault.hasApiKey(vaultAccount());
    } catch {
      return false;
    }
  }

  // The app also needs a user name in legacy mode: it names the keychain entry that holds the key.
  function accountGaps(): string[] {
    const gaps = missingAccountFields(account());
    return account().userName.trim() || gaps.includes('user name') ? gaps : ['user name', ...gaps];
  }

  let keyKnown = false;
  async function refreshKeyKnown(): Promise<void> {
    keyKnown = await keyStored();
  }

  function snapshot(): Snapshot {
    const missing = demoOn() ? [] : [...accountGaps(), ...(keyKnown ? [] : ['API key'])];
    return {
      seq: ++seq,
      session: engine.view(),
      demo: demoOn(),
      demoUcid: demo.running?.ucid ?? null,
      ready: missing.length === 0,
      missing,
      at: now(),
    };
  }

  function publish(): void {
    hub.emit('snapshot', snapshot());
  }

  async function keyStatus() {
    let account: string | null = null;
    try {
      account = vaultAccount();
    } catch {
      return { stored: false, where: opts.vault.description, account };
    }
    return { stored: await opts.vault.hasApiKey(account), where: opts.vault.description, account };
  }

  async function setDemo(enabled: boolean): Promise<Snapshot> {
    if (enabled === demoOn()) return snapshot();
    if (engine.busy())
      throw new AppError('Busy', 'Wait for the current request to finish before switching mode.');
    if (engine.view()) engine.clear();
    if (enabled) await demo.start();
    else await demo.stop();
    settings.update({ demo: { enabled, firstRunDone: true } });
    return snapshot();
  }

  settings.onChange((view) => {
    current = view;
    hub.emit('settings', view);
    publish();
  });
  // An admin's policy edit applies at once: the store re-reads it and, if the view changed, notifies.
  const unwatchPolicy = opts.policy?.watch?.(() => settings.reloadPolicy()) ?? (() => undefined);

  const handlers: HandlerTable = {
    getSnapshot: async () => snapshot(),
    setUcid: async ({ text }) => (engine.setUcid(text), snapshot()),
    clearSession: async () => (engine.clear(), snapshot()),
    startCall: async ({ customerNumber, campaignName }) => {
      await engine.startCall(customerNumber, campaignName || activeAccount().campaignName || undefined);
      return snapshot();
    },
    endForAgent: async () => (await engine.endForAgent(), snapshot()),
    addParticipant: async (input) => {
      await engine.add(input);
      rememberRecent(input.number, input.sip, input.label);
      return snapshot();
    },
    dialSpeedSlot: async ({ slot }) => {
      const contact = current.settings.directory.find((c) => c.slot === slot);
      if (!contact) throw new AppError('InvalidInput', `No contact is on speed-dial slot ${slot}.`);
      await engine.add({ number: contact.number, sip: contact.sip, label: contact.label });
      rememberRecent(contact.number, contact.sip, contact.label);
      return snapshot();
    },
    retryDial: async ({ id }) => (await engine.retryDial(id), snapshot()),
    selectParticipant: async ({ id }) => (engine.select(id), snapshot()),
    toggleMute: async ({ id }) => (engine.toggleMute(id), snapshot()),
    toggleHold: async ({ id }) => (engine.toggleHold(id), snapshot()),
    dropParticipant: async ({ id }) => (await engine.drop(id), snapshot()),

    getSettings: async () => settings.get(),
    updateSettings: async ({ patch }) => {
      const view = settings.update(patch);
      await refreshKeyKnown();
      return view;
    },
    addContact: async ({ contact }) => (settings.addContact(contact), settings.get()),
    updateContact: async ({ contact: { id, ...patch } }) => (
      settings.updateContact(id, patch),
      settings.get()
    ),
    removeContact: async ({ id }) => {
      if (!settings.removeContact(id)) throw new AppError('InvalidInput', 'That contact no longer exists.');
      return settings.get();
    },
    importDirectoryCsv: async ({ csv }) => {
      const report = settings.importDirectoryCsv(csv);
      return { view: settings.get(), ...report };
    },
    exportDirectoryCsv: async () => ({
      csv: settings.exportDirectoryCsv(),
      fileName: 'confbar-directory.csv',
    }),
    keyStatus,
    setKey: async ({ apiKey }) => {
      await opts.vault.setApiKey(vaultAccount(), apiKey.trim());
      await opts.vault.deleteToken(vaultAccount()); // a token minted for another key must not be reused
      await refreshKeyKnown();
      dropClient();
      publish();
      return keyStatus();
    },
    clearKey: async () => {
      await opts.vault.deleteApiKey(vaultAccount());
      await opts.vault.deleteToken(vaultAccount());
      await refreshKeyKnown();
      dropClient();
      publish();
      return keyStatus();
    },
    runDoctor: async (): Promise<DoctorCheck[]> => (await doctor()).checks,
    saveDiagnosticReport: async () => {
      const choose = opts.shell?.chooseSavePath;
      if (!choose) {
        throw new AppError(
          'Internal',
          'Saving a file needs the desktop app.',
          'Use `confbar doctor --trace FILE`.',
        );
      }
      const run = await doctor();
      const a = activeAccount();
      const config = configFromAccount(a);
      let baseUrl: string | null = null;
      try {
        baseUrl = resolveBaseUrl(config.endpoint);
      } catch {
        baseUrl = null;
      }
      const report = formatDiagnosticReport({
        version: opts.version ?? 'unknown',
        source: 'ConfBar app',
        config,
        region: a.region,
        baseUrl,
        checks: run.checks,
        exchanges: run.exchanges,
        at: now(),
      });
      const stamp = new Date(now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const path = await choose(`confbar-diagnostic-${stamp}.txt`);
      if (path === null) return { checks: run.checks, path: null, exchanges: run.exchanges.length };
      try {
        await writeFile(path, report, { mode: PRIVATE_FILE_MODE });
        // An existing file keeps its mode when overwritten: the report is for support only.
        restrictFile(path);
      } catch (e) {
        throw new AppError(
          'InvalidInput',
          `The report could not be saved (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
          'Choose a folder you can write to.',
        );
      }
      return { checks: run.checks, path, exchanges: run.exchanges.length };
    },
    setDemo: async ({ enabled }) => setDemo(enabled),

    historySessions: async ({ limit }) => history.recentSessions(limit),
    historySession: async ({ ucid }) => history.sessionLog(ucid),
    historyExportCsv: async ({ ucid }) => ({
      csv: await history.exportCsv(ucid ? { ucid } : {}),
      fileName: `confbar-history${ucid ? `-${ucid}` : ''}.csv`,
    }),
    globalShortcutStatus: async () => opts.shell?.globalShortcutStatus() ?? [],
    reportContentHeight: async ({ height }) => ({ applied: opts.shell?.contentHeight?.(height) ?? false }),
  };

  function rememberRecent(number: string, sip: boolean, label?: string): void {
    try {
      settings.pushRecent({ number, sip, label });
    } catch (e) {
      log.warn('could not remember a recent number', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The checks of Test connection, with every exchange they made (redacted) for the report. */
  async function doctor(): Promise<{ checks: DoctorCheck[]; exchanges: TraceExchange[] }> {
    const a = activeAccount();
    let key: { stored: boolean | null; where: string; problem?: string };
    if (demoOn()) key = { stored: true, where: 'demo mode (built-in simulator)' };
    else {
      try {
        key = { stored: await opts.vault.hasApiKey(vaultAccount()), where: opts.vault.description };
      } catch (e) {
        key = {
          stored: null,
          where: opts.vault.description,
          problem: e instanceof Error ? e.message : String(e),
        };
      }
    }
    const exchanges: TraceExchange[] = [];
    const demoSecrets = demo.running ? secrets() : null;
    const checks = await runDoctor({
      config: configFromAccount(a),
      missing: demoOn() ? [] : accountGaps(),
      key,
      secrets: () => demoSecrets ?? secrets(),
      probeNumber: a.agentNumber || PROBE_NUMBERS[a.region],
      region: a.region,
      trace: (x) => exchanges.push(x),
      now,
      log,
    });
    return { checks, exchanges };
  }

  const dispatch = createDispatcher(handlers, log);
  await refreshKeyKnown();
  if (current.settings.demo.enabled) await demo.start();

  return {
    invoke: dispatch,
    // Events reach the renderer too: the same scrubber as invoke results.
    on: (event, listener) =>
      hub.on(event, (payload) => listener(redactValue(payload) as EventPayloads[typeof event])),
    settled: () => engine.settled(),
    async dispose() {
      unwatchPolicy();
      await engine.settled();
      hub.clear();
      await cached?.client.dispose();
      await demo.stop();
    },
  };
}
