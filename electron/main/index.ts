import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { EventName, EventPayloads } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { createServices, type Services } from '../core/services';
import { createFilePolicySource } from '../core/settings';
import { pageSource } from '../core/shell/app-page';
import { findDeepLinkArg } from '../core/shell/deep-link';
import { shouldCheckForUpdates, startupFlags } from '../core/shell/startup';
import { typedInvoke, type TypedInvoke } from '../core/shell/typed-invoke';
import { createKeytarVault } from '../core/vault';
import appIcon from '../../resources/icon.png?asset';
import trayIcon from '../../resources/tray.png?asset';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { applyBehaviour } from './behaviour';
import { offerClipboardUcidOnFocus } from './clipboard-offer';
import { createDeepLinks, registerDeepLinkScheme } from './deep-link';
import { createGlobalShortcuts, type GlobalShortcuts } from './global-shortcuts';
import { bindIpc, sendToWindow } from './ipc';
import { createElectronLogger } from './log';
import { hardenAllWebContents, hardenSession } from './security';
import { createElectronStoreBackend } from './settings-backend';
import { createShortcutCommandRunner } from './shortcut-commands';
import { createAppTray, type AppTray } from './tray';
import { startUpdater } from './updater';
import { createToolbarWindow, showWindow, trackBounds } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');
const DISPOSE_TIMEOUT_MS = 3000;

const log = createElectronLogger({ packaged: app.isPackaged });
const flags = startupFlags(process.env);
const deepLinks = createDeepLinks();
let win: BrowserWindow | null = null;
let quitting = false;

// Before `ready`: every renderer sandboxed, and the app:// scheme declared.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another ConfBar runs: it receives our argv (and any deep link) in `second-instance`.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    reveal();
    const link = findDeepLinkArg(argv);
    if (link) deepLinks.receive(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.receive(url);
  });
  const link = findDeepLinkArg(process.argv);
  if (link) deepLinks.receive(link);
  registerDeepLinkScheme(log);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch(fatal);
}

function reveal(): void {
  if (win && !win.isDestroyed()) showWindow(win);
}

function send<E extends EventName>(event: E, payload: EventPayloads[E]): void {
  sendToWindow(win, event, payload);
}

/** app ready → services → window → IPC → tray → global shortcuts → updater. */
async function start(): Promise<void> {
  const page = pageSource({ packaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  hardenSession(session.defaultSession, page.url, log);
  hardenAllWebContents(page.url, log);
  serveRenderer(RENDERER_DIR, log);

  let shortcuts: GlobalShortcuts | null = null;
  const services = await createServices({
    dataDir: app.getPath('userData'),
    settingsBackend: createElectronStoreBackend(log),
    vault: createKeytarVault(),
    policy: createFilePolicySource(),
    log,
    shell: { globalShortcutStatus: () => shortcuts?.statuses() ?? [] },
  });
  const invoke = typedInvoke(services.invoke);
  if (flags.demo) {
    const demo = await invoke('setDemo', { enabled: true });
    if (!demo.ok) log.error('CONFBAR_DEMO=1 but demo mode did not start', { error: demo.error.message });
  }
  let settings: Settings = (await expectOk(invoke('getSettings', {}), 'could not read settings')).settings;

  const window = createToolbarWindow({
    saved: settings.window,
    alwaysOnTop: settings.behaviour.alwaysOnTop,
    preload: PRELOAD,
    pageUrl: page.url,
    devTools: !app.isPackaged,
    icon: appIcon,
  });
  win = window;
  window.on('closed', () => {
    win = null;
  });
  const flushBounds = trackBounds(window, (bounds) =>
    invoke('updateSettings', { patch: { window: bounds } }),
  );
  offerClipboardUcidOnFocus(window, { invoke, settings: () => settings, send });

  bindIpc({ services, window: () => win, appPage: page.url, log });

  const tray = setUpTray(window, services, invoke);
  // With a tray, closing the window hides it: global shortcuts keep working and the call stays open.
  window.on('close', (event) => {
    if (tray && !quitting) {
      event.preventDefault();
      window.hide();
    }
  });

  const runCommand = createShortcutCommandRunner({
    invoke,
    settings: () => settings,
    showWindow: reveal,
    send,
    log,
  });
  shortcuts = createGlobalShortcuts({
    onCommand: (command) => {
      runCommand(command).catch((e: unknown) =>
        log.error('global shortcut failed', { command, error: String(e) }),
      );
    },
    onStatuses: (statuses) => send('shortcuts', statuses),
    log,
  });
  shortcuts.apply(settings.shortcuts.global);
  applyBehaviour(window, settings.behaviour, log);
  services.on('settings', (view) => {
    settings = view.settings;
    shortcuts?.apply(settings.shortcuts.global);
    if (win) applyBehaviour(win, settings.behaviour, log);
  });

  // Links that arrived early wait for the page, so the renderer is subscribed when the result comes.
  window.webContents.once('did-finish-load', () =>
    deepLinks.ready({ invoke, showWindow: reveal, send, log }),
  );
  app.on('activate', reveal);

  const stopUpdater = shouldCheckForUpdates({ packaged: app.isPackaged, env: process.env })
    ? startUpdater(log)
    : null;
  onQuit(async () => {
    await flushBounds();
    shortcuts?.dispose();
    stopUpdater?.();
    tray?.destroy();
    await services.dispose();
  });
}

function setUpTray(window: BrowserWindow, services: Services, invoke: TypedInvoke): AppTray | null {
  let demo = false;
  const tray = createAppTray({
    icon: trayIcon,
    toggleWindow: () => (window.isVisible() ? window.hide() : reveal()),
    setDemo: (enabled) => {
      void invoke('setDemo', { enabled }).then((r) => {
        if (!r.ok)
          send('toast', {
            level: 'error',
            kind: r.error.kind,
            message: r.error.message,
            remedy: r.error.remedy,
          });
      });
    },
    quit: () => app.quit(),
    log,
  });
  if (!tray) return null;
  const update = () => tray.update({ visible: window.isVisible(), demo });
  window.on('show', update);
  window.on('hide', update);
  services.on('snapshot', (snapshot) => {
    if (snapshot.demo === demo) return;
    demo = snapshot.demo;
    update();
  });
  void invoke('getSnapshot', {}).then((r) => {
    if (r.ok) demo = r.value.demo;
    update();
  });
  return tray;
}

/** Runs `cleanup` once before quitting (bounded in time), then lets the quit proceed. */
function onQuit(cleanup: () => Promise<void>): void {
  let done = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (done) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    void Promise.race([cleanup(), timeout])
      .catch((e: unknown) => log.error('shutdown cleanup failed', { error: String(e) }))
      .finally(() => {
        done = true;
        app.quit();
      });
  });
}

async function expectOk<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  what: string,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value;
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error('ConfBar could not start', { error: message });
  dialog.showErrorBox('ConfBar could not start', `${message}\n\nThe log file has details.`);
  app.exit(1);
}
