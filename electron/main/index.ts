import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, session, type BrowserWindow } from 'electron';
import type { EventName, EventPayloads } from '../../shared/contract';
import type { SessionView, ToastEvent } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { createServices } from '../core/services';
import { createFilePolicySource } from '../core/settings/policy';
import { pageSource } from '../shell/app-page';
import { findDeepLinkArg } from '../shell/deep-link';
import { createDeepLinks } from '../shell/deep-link-opener';
import { createShortcutRunner } from '../shell/shortcut-runner';
import { shouldCheckForUpdates, startupFlags } from '../shell/startup';
import { typedInvoke } from '../shell/typed-invoke';
import { createKeytarVault } from '../core/vault/keytar-vault';
import { startDemoSimulator } from '../simulator/demo';
import appIcon from '../../resources/icon.png?asset';
import trayIcon from '../../resources/tray.png?asset';
import trayTemplateIcon from '../../resources/trayTemplate.png?asset';
import { startupNotices, trayImageName } from '../shell/platform-shell';
import { applyPlatformStart, shortcutDesktop, smokeTestIfAsked } from './platform';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { applyBehaviour } from './behaviour';
import { offerClipboardUcidOnFocus } from './clipboard-offer';
import { applyPhoneLinkRegistration, registerDeepLinkScheme } from './deep-link';
import { createGlobalShortcuts, type GlobalShortcuts } from './global-shortcuts';
import { bindIpc, sendToWindow } from './ipc';
import { fatal, onQuit } from './lifecycle';
import { createElectronLogger, logFilePath } from './log';
import { hardenAllWebContents, hardenSession } from './security';
import { createElectronStoreBackend } from './settings-backend';
import { chooseSavePath } from './save-dialog';
import { setUpTray } from './tray';
import { startUpdater } from './updater';
import { createToolbarWindow, showWindow, trackBounds } from './window';
import { createFailureNotifier } from './failure-notifications';
import { wirePageInput } from './page-input';
import { fitWindowToContent } from './window-fit';
import { recoverPage } from './page-recovery';
import { createQuitGuard } from './quit-guard';
import { createAppNetwork } from './network';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');

const log = createElectronLogger({ packaged: app.isPackaged });
const deepLinks = createDeepLinks();
let win: BrowserWindow | null = null;

// Before `ready`: every renderer sandboxed, and the app:// scheme declared.
app.enableSandbox();
registerAppScheme();
// Windows' AppUserModelID; on Linux Wayland, XWayland where the window can stay on top.
const display = applyPlatformStart();

if (smokeTestIfAsked(log)) {
  // `--smoke`: the release workflow's launch of an unpacked app; it exits once ready.
} else if (!app.requestSingleInstanceLock()) {
  // Another ConfBar runs: it receives our argv (and any deep link) in `second-instance`.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    // A link decides for itself whether the window comes forward (a refused one does not).
    const link = findDeepLinkArg(argv);
    if (link) void deepLinks.receive(link);
    else reveal();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    void deepLinks.receive(url);
  });
  const link = findDeepLinkArg(process.argv);
  if (link) void deepLinks.receive(link);
  registerDeepLinkScheme(log);
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fatal(e, log));
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
  const vault = createKeytarVault();
  // Routes (Settings → Network, else the OS/PAC), trust and proxy logins; dropped on resume / network change.
  const network = createAppNetwork({ vault, log });
  const services = await createServices({
    dataDir: app.getPath('userData'),
    settingsBackend: createElectronStoreBackend(log),
    vault,
    policy: createFilePolicySource({ envOverride: !app.isPackaged }),
    log,
    shell: {
      globalShortcutStatus: () => shortcuts?.statuses() ?? [],
      chooseSavePath: (name) => chooseSavePath(win, name),
      contentHeight: (height) => fitWindowToContent(win, height),
    },
    version: app.getVersion(),
    startDemo: () => startDemoSimulator(),
    transport: network.transport,
  });
  const invoke = typedInvoke(services.invoke);
  if (startupFlags(process.env).demo) {
    const demo = await invoke('setDemo', { enabled: true });
    if (!demo.ok) log.error('CONFBAR_DEMO=1 but demo mode did not start', { error: demo.error.message });
  }
  const view = await invoke('getSettings', {});
  if (!view.ok) throw new Error(`Settings could not be read: ${view.error.message}`);
  let settings: Settings = view.value.settings;
  network.use(settings.network);
  services.on('settings', (next) => network.use(next.settings.network));

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
  // The page may crash or hang; the call is main's, so a reload loses nothing.
  recoverPage(window, { log, logFile: logFilePath });
  // The latest call, for the quit question (kept from the snapshots main publishes anyway).
  let call: SessionView | null = null;
  services.on('snapshot', (snapshot) => (call = snapshot.session));
  const first = await invoke('getSnapshot', {});
  if (first.ok) call = first.value.session;
  const quitGuard = createQuitGuard({ session: () => call, window: () => win, log });
  quitGuard.watch(window);
  // A failure the agent cannot see (window hidden or minimised) also becomes a desktop notification.
  const notifyFailure = createFailureNotifier({ window: () => win, settings: () => settings });
  services.on('toast', notifyFailure);
  wirePageInput(window);
  const toast = (t: ToastEvent) => {
    send('toast', t);
    notifyFailure(t);
  };
  const flushBounds = trackBounds(window, (bounds) =>
    invoke('updateSettings', { patch: { window: bounds } }),
  );
  offerClipboardUcidOnFocus(window, { invoke, settings: () => settings, send });

  bindIpc({ services, window: () => win, appPage: page.url, log });

  const tray = setUpTray({
    icon: trayImageName(process.platform) === 'trayTemplate.png' ? trayTemplateIcon : trayIcon,
    window,
    reveal,
    services,
    invoke,
    toast,
    command: (command) => send('command', { command }),
    log,
  });

  const runCommand = createShortcutRunner({
    invoke,
    settings: () => settings,
    showWindow: reveal,
    command: (command) => send('command', { command }),
    toast,
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
    desktop: shortcutDesktop(display),
  });
  shortcuts.apply(settings.shortcuts.global);
  applyBehaviour(window, settings.behaviour, log);
  applyPhoneLinkRegistration(settings.behaviour.phoneLinks, log);
  services.on('settings', (next) => {
    if (next.settings.behaviour.phoneLinks !== settings.behaviour.phoneLinks)
      applyPhoneLinkRegistration(next.settings.behaviour.phoneLinks, log);
    settings = next.settings;
    shortcuts?.apply(settings.shortcuts.global);
    if (win) applyBehaviour(win, settings.behaviour, log);
  });

  // Links that arrived early wait for the page, so the renderer is subscribed when the result comes.
  window.webContents.once(
    'did-finish-load',
    () =>
      void deepLinks.ready({ invoke, showWindow: reveal, toast, prefill: (p) => send('prefill', p), log }),
  );
  window.webContents.once('did-finish-load', () => {
    for (const t of startupNotices(display, services.startupNotes, settings.behaviour.alwaysOnTop)) toast(t);
  });
  app.on('activate', reveal);

  const stopUpdater = shouldCheckForUpdates({ packaged: app.isPackaged, env: process.env })
    ? startUpdater(log)
    : null;

  const quitting = onQuit(
    async () => {
      await flushBounds();
      shortcuts?.dispose();
      stopUpdater?.();
      tray?.destroy();
      await services.dispose();
      network.dispose();
    },
    log,
    quitGuard,
  );
  // With a tray, closing the window hides it: global shortcuts keep working and the call stays open.
  // Without one, closing is quitting: it goes through the quit question first (the window stays meanwhile).
  window.on('close', (event) => {
    if (quitting()) return;
    event.preventDefault();
    if (tray) window.hide();
    else app.quit();
  });
}
