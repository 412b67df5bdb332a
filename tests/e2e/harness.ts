import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { EVENT_NAMES, type EventName, type EventPayloads } from '../../shared/contract';
import type { Services } from '../../electron/core/services';
import type { PolicySource } from '../../electron/core/settings/policy';
import {
  DEMO_ACCOUNT,
  startSimulator,
  type NumberFormat,
  type Simulator,
  type SimulatorOptions,
} from '../../electron/simulator/server';
import { configureAccount, invokers, realServices, type Invokers } from '../support/services-parts';
import { killableIo, type KillableIo } from '../support/killable-io';
import { serveStatic, type StaticServer } from './static-server';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
export const AGENT_NUMBER = DEMO_ACCOUNT.phones['demo-phone']!;

export interface HarnessOptions {
  /** The API mode the account uses (ignored in demo mode). Default 'token'. */
  mode?: 'legacy' | 'basic' | 'token';
  /** The OS theme Chromium reports. Default 'light'. */
  colorScheme?: 'light' | 'dark';
  /** Start with demo mode on (main runs its own simulator; `sim` is then not the one the app talks to). */
  demo?: boolean;
  /** account.timeoutMs. Default 3000. */
  timeoutMs?: number;
  /** Default 420×380, the toolbar's expanded size with four participants. */
  viewport?: { width: number; height: number };
  /** false: leave the account empty (first-run guide). Default true unless `demo`. */
  configure?: boolean;
  /** Holds every invoke this long before main sees it (a slow IPC), to observe the renderer's own state. */
  invokeDelayMs?: number;
  /** An admin policy for the services (e.g. `createFilePolicySource({ path })`). Default none. */
  policy?: PolicySource;
  /**
   * The number format `sim` accepts. Default 'in', matching the account's region; 'intl' makes it refuse
   * the national numbers ConfBar sends for region 'in', as a misconfigured account would see.
   */
  simNumberFormat?: NumberFormat;
  /** The built renderer to serve. Default: this run's copy from the e2e global setup (`npm run bench` passes out/renderer). */
  rendererDir?: string;
  /** Windows High Contrast, as Chromium emulates it. */
  forcedColors?: boolean;
  /** The browser's default font size in px (what an OS "text size" setting changes). Default 16. */
  defaultFontSize?: number;
  /** CSS px per device px: 1.5 with a viewport of 420/1.5 × 380/1.5 is the window at 150% zoom. */
  deviceScaleFactor?: number;
  /** The account's api_key (default the demo account's), e.g. a recognisable one for the secret scan. */
  apiKey?: string;
  /** Passed to `sim`: a mark in every token it issues, and echoing the credentials in its answers. */
  sim?: Pick<SimulatorOptions, 'tokenMark' | 'echoSecrets'>;
}

export interface Harness extends Invokers {
  page: Page;
  sim: Simulator;
  services: Services;
  dataDir: string;
  /** The app's origin on the loopback static server. */
  origin: string;
  /** Requests the page tried to make anywhere but the static server (all were blocked). */
  blocked: string[];
  /** Console errors and uncaught page errors (CSP violations show up here). */
  pageErrors: string[];
  /** Every height the page reported for the window to follow (`reportContentHeight`), oldest first. */
  contentHeights: number[];
  /** Sends an event to the page as main's shell would (e.g. a global shortcut's `command`). */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): Promise<void>;
  screenshot(name: string): Promise<string>;
  /**
   * The app dies and starts again: the services' journal stops where it is (nothing more reaches the
   * disk), new services start on the same data folder (the key stored again: the tests' keychain is in
   * memory), and the page loads afresh as a new window would. `services` is the new one afterwards.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `window.confbar` in the page: invoke goes to the real services in the test process through an exposed
 * function; events come back through `__confbarEmit`, which the harness calls with page.evaluate.
 * Runs before any page script, like the preload does.
 */
function bridgeScript(): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const w = window as unknown as {
    __confbarInvoke(name: string, input: unknown): Promise<unknown>;
    __confbarEmit(event: string, payload: unknown): void;
    confbar: unknown;
  };
  w.__confbarEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (e) {
        console.error(e);
      }
    }
  };
  const api = {
    invoke: (name: string, input: unknown) => w.__confbarInvoke(name, input),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
  };
  Object.defineProperty(window, 'confbar', {
    value: Object.freeze(api),
    configurable: false,
    writable: false,
  });
}

export async function launchHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const runCleanups = async () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch {
        // keep closing the rest
      }
    }
  };
  try {
    return await launch(opts, cleanups, runCleanups);
  } catch (e) {
    await runCleanups();
    throw e;
  }
}

async function launch(
  opts: HarnessOptions,
  cleanups: Array<() => Promise<void> | void>,
  runCleanups: () => Promise<void>,
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confbar-e2e-data-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  const account = { ...DEMO_ACCOUNT, ...(opts.apiKey ? { apiKey: opts.apiKey } : {}) };
  const sim = await startSimulator({
    numberFormat: opts.simNumberFormat ?? 'in',
    accounts: [account],
    ...opts.sim,
  });
  cleanups.push(() => sim.close());

  // The heights the page reports for the window to follow, as main's shell would receive them.
  const contentHeights: number[] = [];
  let journalIo: KillableIo = killableIo();
  const startServices = async () => {
    const started = await realServices(dataDir, {
      policy: opts.policy,
      journalIo,
      shell: {
        globalShortcutStatus: () => [],
        contentHeight: (height) => (contentHeights.push(height), true),
      },
    });
    cleanups.push(() => started.dispose());
    return started;
  };
  let services = await startServices();

  let page: Page | null = null;
  // The events a call caused were sent to the page before this round trip, which the page answers in
  // order: after it, the renderer has seen them (so a key pressed next sees the new state).
  const eventsDelivered = async () => {
    await page?.evaluate(() => 0).catch(() => undefined);
  };
  // Invokes through the real services, as main would (the current ones: restart() replaces them).
  const { call, fail } = invokers({ invoke: (name, input) => services.invoke(name, input) }, eventsDelivered);

  if (opts.demo) await call('setDemo', { enabled: true });
  else if (opts.configure !== false) {
    await configureAccount(call, {
      baseUrl: sim.url,
      account,
      mode: opts.mode,
      timeoutMs: opts.timeoutMs,
    });
  }

  const server: StaticServer = await serveStatic(opts.rendererDir ?? inject('rendererDir'));
  cleanups.push(() => server.close());

  const userDataDir = mkdtempSync(join(tmpdir(), 'confbar-e2e-chromium-'));
  cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
  if (opts.defaultFontSize) {
    // Chromium's own text-size preference, read at start-up: the page sees a larger rem, as with the OS setting.
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ webkit: { webprefs: { default_font_size: opts.defaultFontSize } } }),
    );
  }
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 420, height: 380 },
    colorScheme: opts.colorScheme ?? 'light',
    forcedColors: opts.forcedColors ? 'active' : 'none',
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    reducedMotion: 'reduce',
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
  });
  cleanups.push(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });

  // Loopback only: the page may reach its own static server and nothing else.
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });

  const pageErrors: string[] = [];
  const tab = context.pages()[0] ?? (await context.newPage());
  page = tab;
  tab.on('console', (m) => {
    // Chromium notes that a <meta> CSP cannot carry frame-ancestors; Electron sends it as a header too.
    if (m.type() === 'error' && !/frame-ancestors' is ignored/.test(m.text())) pageErrors.push(m.text());
  });
  tab.on('pageerror', (e) => pageErrors.push(e.message));

  const delay = opts.invokeDelayMs ?? 0;
  await tab.exposeFunction('__confbarInvoke', async (name: string, input: unknown) => {
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    return services.invoke(name, input);
  });
  // tsx (npm run bench) compiles functions with esbuild's keepNames, which calls a `__name` helper that
  // only exists in Node: give the page one, so functions handed to the page run there unchanged.
  await tab.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await tab.addInitScript(bridgeScript);
  const emit = async (event: string, payload: unknown): Promise<void> => {
    await tab.evaluate(
      ([e, p]) =>
        (window as unknown as { __confbarEmit?(e: string, p: unknown): void }).__confbarEmit?.(e, p),
      [event, payload] as const,
    );
  };
  const forwardEvents = (from: Services) =>
    EVENT_NAMES.map((event) =>
      // While the page reloads there is nobody to tell; the reload rehydrates with getSnapshot.
      from.on(event, (payload: unknown) => void emit(event, payload).catch(() => undefined)),
    );
  let forwarding = forwardEvents(services);
  cleanups.push(() => forwarding.forEach((off) => off()));

  await tab.goto(`${server.origin}/index.html`);

  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page: tab,
    sim,
    get services() {
      return services;
    },
    dataDir,
    origin: server.origin,
    blocked,
    pageErrors,
    contentHeights,
    call,
    fail,
    emit,
    async screenshot(name: string) {
      const path = join(ARTIFACTS, `${name}.png`);
      await tab.screenshot({ path, animations: 'disabled' });
      return path;
    },
    async restart() {
      journalIo.kill();
      forwarding.forEach((off) => off());
      journalIo = killableIo();
      services = await startServices();
      forwarding = forwardEvents(services);
      if (!opts.demo && opts.configure !== false) await call('setKey', { apiKey: account.apiKey });
      await tab.reload();
    },
    close: runCleanups,
  };
}
