/**
 * The composition root: builds the handler table from real parts for the app, the browser harness, the
 * benchmarks and the tests. The account in force lives in app/account-context.ts, the snapshot in
 * app/snapshot.ts and the handlers in groups under app/handlers/; this file only wires them together.
 */
import { join } from 'node:path';
import type { EventName, EventPayloads, Result } from '../../shared/contract';
import type { StartDemo } from '../../shared/demo';
import { createAccountContext } from './app/account-context';
import { DemoRunner } from './app/demo';
import { EventHub } from './app/emitter';
import { doctorHandlers } from './app/handlers/doctor';
import { historyAndShellHandlers } from './app/handlers/history';
import { phoneLineHandlers } from './app/handlers/phone-line';
import { keyHandlers } from './app/handlers/key';
import { networkHandlers } from './app/handlers/network';
import { sessionHandlers } from './app/handlers/session';
import { settingsHandlers } from './app/handlers/settings';
import type { ShellPort } from './app/shell-port';
import { createSnapshots } from './app/snapshot';
import { ConferenceEngine } from './conference/engine';
import { createHistory } from './history/history';
import { createDispatcher, type HandlerTable } from './ipc/dispatch';
import { nullLogger, type Logger } from './log';
import { redactValue } from './redact';
import type { SettingsBackend } from './settings/backend';
import type { PolicySource } from './settings/policy';
import { createSettingsStore } from './settings/store';
import type { JournalIo } from './session/atomic-file';
import { createJournal } from './session/journal';
import { restoreAtStart, type StartNotice } from './session/restore';
import type { Transport } from './cloudagent/transport';
import type { Vault } from './vault/types';

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
  /** The session journal's file operations (default: Node's); a test stops them to play a crash. */
  journalIo?: JournalIo;
  /** How CloudAgent is reached (route, proxy, trust): main's from the OS, the CLI's from env, tests' direct. */
  transport: Transport;
}

export interface Services {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** Resolves when every CloudAgent request started so far has settled. */
  settled(): Promise<void>;
  /** Notes from reading the saved settings this start (a migration, a repair), for the shell to show once. */
  readonly startupNotes: readonly string[];
  /**
   * The session journal: resolves when every state recorded so far is on disk; each write's duration; how
   * long the start spent restoring (reading, checking, deciding, taking the call back), ms.
   */
  journal: {
    flush(): Promise<void>;
    readonly writeTimes: readonly number[];
    /** The synchronous writes of dials' intents, on the press's path (ms). */
    readonly nowTimes: readonly number[];
    readonly restoreMs: number;
  };
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
  const account = createAccountContext({
    settings,
    vault: opts.vault,
    demo,
    now,
    log,
    transport: opts.transport,
  });

  const engine: ConferenceEngine = new ConferenceEngine({
    client: () => account.client(),
    now,
    region: () => account.active().region,
    agentNumber: () => account.active().agentNumber,
    kickRule: () => account.saved().kickNumber,
    mode: () => account.active().mode,
    demo: () => account.demoOn(),
    record: (entry) => void history.append(entry),
    notify: (toast) => hub.emit('toast', toast),
    changed: (why) => {
      publish();
      saveJournal(why === 'dial');
    },
  });
  // The call is journaled on every change: before a request goes out (its intent) and after its answer.
  // Recording only queues the write, so a press's request does not wait for the disk; a dial's intent is
  // also written synchronously (no fsync, ~0.1 ms): a number that may ring is never forgotten by a kill.
  const journal = createJournal({ dir: join(opts.dataDir, 'session'), io: opts.journalIo, log, now });
  let journalSeq = 0;
  let draft = '';
  const journalAccount = (): string | null => {
    try {
      return account.vaultAccount();
    } catch {
      return null;
    }
  };
  const saveJournal = (beforeDial = false) => {
    const session = engine.journalState();
    if (!session || session.status === 'ended') return journal.remove();
    const who = session.demo ? 'demo' : (journalAccount() ?? 'no account');
    journal.record({ seq: ++journalSeq, savedAt: now(), account: who, session, draft }, { now: beforeDial });
  };
  let notice: StartNotice | null = null;
  const snapshot = createSnapshots({ account, engine: () => engine, demo, now, notice: () => notice });
  // The engine reports every change; the window needs the latest state, once per turn. Publishing on
  // the next turn merges the changes one press makes (an action asked for, then sent) into one message,
  // and a press's request is on the wire before its snapshot is built, scrubbed and sent.
  let publishing: NodeJS.Immediate | null = null;
  const publish = () => {
    publishing ??= setImmediate(() => {
      publishing = null;
      hub.emit('snapshot', snapshot());
    });
  };

  settings.onChange((view) => {
    hub.emit('settings', view);
    publish();
  });
  // An admin's policy edit applies at once: the store re-reads it and, if the view changed, notifies.
  const unwatchPolicy = opts.policy?.watch?.(() => settings.reloadPolicy()) ?? (() => undefined);

  const handlers: HandlerTable = {
    ...sessionHandlers({
      engine,
      account,
      settings,
      demo,
      snapshot,
      log,
      rememberDraft: (text) => {
        draft = text;
        saveJournal();
        return engine.journalState()?.status === 'live';
      },
    }),
    ...settingsHandlers({ settings, account }),
    ...keyHandlers({ vault: opts.vault, account, publish }),
    ...doctorHandlers({
      account,
      vault: opts.vault,
      demo,
      shell: opts.shell,
      version: opts.version,
      now,
      log,
      transport: opts.transport,
    }),
    ...historyAndShellHandlers({ history, shell: opts.shell }),
    ...phoneLineHandlers({ account, log }),
    // A new or removed proxy login: reconnect, so the next CONNECT carries it.
    ...networkHandlers({
      vault: opts.vault,
      extraCaFile: () => settings.get().settings.network.extraCaFile,
      changed: () => opts.transport.reset(),
    }),
  };

  const dispatch = createDispatcher(handlers, log);
  await account.refreshKeyKnown();
  if (account.view().settings.demo.enabled) await demo.start();
  const restoring = performance.now();
  notice = await restoreAtStart({
    journal,
    engine,
    account: journalAccount,
    demoOn: () => account.demoOn(),
    now,
    log,
  });
  if (notice?.kind === 'restored') draft = notice.draft;
  const restoreMs = performance.now() - restoring;

  return {
    invoke: dispatch,
    // Events reach the renderer too: the same scrubber as invoke results.
    on: (event, listener) =>
      hub.on(event, (payload) => listener(redactValue(payload) as EventPayloads[typeof event])),
    settled: () => engine.settled(),
    startupNotes: settings.loadNotes,
    journal: {
      flush: () => journal.flush(),
      writeTimes: journal.writeTimes,
      nowTimes: journal.nowTimes,
      restoreMs,
    },
    async dispose() {
      unwatchPolicy();
      await engine.settled();
      // A clean quit with no live call leaves nothing behind; a live call stays journaled to come back.
      if (engine.journalState()?.status !== 'live') journal.remove();
      await journal.flush();
      if (publishing) clearImmediate(publishing);
      hub.clear();
      await account.dispose();
      await demo.stop();
    },
  };
}
