import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_NAMES, eventChannels, invokeChannels } from '../../shared/contract';
import type { Snapshot } from '../../shared/session';
import { APP_PAGE_URL } from '../../electron/shell/app-page';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp';
import { bootMain, until, type Booted } from './boot';
import { preventable } from './electron-double';
import { invokeOver, valueOf } from './ipc-driver';

let booted: Booted;
let simulatorPort = 0;
/** Every request the demo simulator received, as `METHOD url body`. */
const seen: string[] = [];
/** While set, every request to the simulator has its connection cut (a network that drops). */
let failRequests = false;
function watchSimulator(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  simulatorPort = socket.localPort ?? 0;
  if (failRequests) {
    socket.destroy();
    return;
  }
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => seen.push(`${request.method} ${request.url} ${body}`));
}
const double = () => booted.double;
const win = () => {
  const w = double().windows()[0];
  if (!w) throw new Error('no toolbar window');
  return w;
};
const tray = () => {
  const t = double().trays()[0];
  if (!t?.menu) throw new Error('no tray menu');
  return t;
};
const snapshot = async () => valueOf(await invokeOver(double(), 'getSnapshot', {}));

beforeAll(async () => {
  subscribe('http.server.request.start', watchSimulator);
  booted = await bootMain();
  // As in Electron, the bundle's top level runs before `ready`; everything else waits for it.
  expect(double().windows()).toEqual([]);
  double().ready();
  await until(() => double().windows()[0]?.isVisible(), 'the toolbar window to show');
});

describe('main process against an Electron double (not the Electron e2e suite)', () => {
  it('starts in order: sandbox and scheme before ready; then session, protocol, window, IPC, tray, shortcuts', () => {
    const j = double().journal;
    const at = (entry: string) => {
      const i = j.findIndex((e) => e.startsWith(entry));
      expect(i, `${entry} in ${j.join(' → ')}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      'app.enableSandbox',
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
      'ready',
      'session.setPermissionRequestHandler',
      'protocol.handle:app',
      'new BrowserWindow',
      'ipcMain.handle:confbar:',
      'new Tray',
      'globalShortcut.register:',
      'window.show',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(double().electron.app.sandboxEnabled).toBe(true);
    expect(double().privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    // Electron's rules, which the double enforces: these only work before `ready`.
    expect(() => double().electron.app.enableSandbox()).toThrow(/before the app is ready/);
    expect(() => double().electron.protocol.registerSchemesAsPrivileged([])).toThrow(
      /before the app is ready/,
    );
  });

  it('opens one sandboxed, isolated, always-on-top window with an existing preload, shown once ready', () => {
    expect(double().windows()).toHaveLength(1);
    const options = win().options;
    const prefs = options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(join(booted.buildDir, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload ?? '')).toBe(true);
    expect(options.show).toBe(false);
    expect(win().isAlwaysOnTop()).toBe(true);
    expect(win().alwaysOnTopLevel).toBe('floating');
    const j = double().journal;
    expect(j.indexOf('window.show')).toBeGreaterThan(
      j.findIndex((e) => e.startsWith('webContents.loadURL:')),
    );
    expect(win().webContents.getURL()).toBe(APP_PAGE_URL);
  });

  it('serves the page over app:// with the CSP header, and every script and style it names', async () => {
    const page = await double().request(APP_PAGE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    expect(assets.filter((a) => a.endsWith('.js')).length).toBeGreaterThan(0);
    expect(assets.filter((a) => a.endsWith('.css')).length).toBeGreaterThan(0);
    for (const asset of assets) {
      const url = new URL(asset, APP_PAGE_URL).href;
      expect(url.startsWith('app://confbar/'), url).toBe(true);
      const res = await double().request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-type')).toMatch(
        asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      );
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('answers 404 outside the renderer folder and 405 to anything but GET', async () => {
    for (const path of [
      '%2e%2e/main/index.js',
      '..%2fpreload/index.cjs',
      '%2e%2e%2f%2e%2e/package.json',
      'missing.js',
    ]) {
      const res = await double().request(`app://confbar/${path}`);
      expect(res.status, path).toBe(404);
    }
    expect((await double().request('app://elsewhere/index.html')).status).toBe(404);
    expect((await double().request(APP_PAGE_URL, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('binds every contract channel, and listens to no other channel', () => {
    const ipc = double().electron.ipcMain;
    const contract = INVOKE_NAMES.map((n) => invokeChannels[n].channel).sort();
    expect([...ipc.handlers.keys()].sort()).toEqual(contract);
    // Nothing else may be listened to: a library's channel is a way into main that the contract does not
    // validate. (electron-log/main registers `__ELECTRON_LOG__` on import unless the shell removes it.)
    expect(ipc.eventNames()).toEqual([]);
    expect(() => ipc.handle(contract[0] ?? '', () => null)).toThrow(/second handler/);
  });

  it('answers the toolbar page, and refuses other frames, other pages and other web contents', async () => {
    expect((await invokeOver(double(), 'getSnapshot', {})).ok).toBe(true);
    const refusals = [
      { url: 'https://evil.example/' },
      { url: 'app://confbar/other.html' },
      { subframe: true },
      { contents: { id: 99 } },
    ];
    for (const from of refusals) {
      const r = await invokeOver(double(), 'getSnapshot', {}, from);
      expect(r.ok, JSON.stringify(from)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/did not come from the ConfBar window/);
    }
    const bad = await invokeOver(double(), 'setUcid', { text: 42 } as never);
    expect(bad.ok).toBe(false);
  });

  it('has no renderer modules in the main process', () => {
    const e = double().electron as Record<string, unknown>;
    expect(e.ipcRenderer).toBeUndefined();
    expect(e.contextBridge).toBeUndefined();
  });

  it('opens a confbar:// link from a second instance and brings the window forward', async () => {
    win().hide();
    double().electron.app.emit(
      'second-instance',
      preventable(),
      ['confbar', 'confbar://call/123456789012'],
      '/',
    );
    await until(() => win().isVisible(), 'the window to come forward');
    await waitForSnapshot((s) => s.session?.ucid === '123456789012', 'the linked call');
    valueOf(await invokeOver(double(), 'clearSession', {}));
  });

  it('refuses navigation, redirects, new windows, webviews and permission requests', () => {
    const wc = win().webContents;
    const away = preventable({ url: 'https://evil.example/' });
    wc.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const redirect = preventable({ url: 'https://evil.example/' });
    wc.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const inPage = preventable({ url: `${APP_PAGE_URL}#settings` });
    wc.emit('will-navigate', inPage);
    expect(inPage.defaultPrevented).toBe(false);
    const webview = preventable();
    wc.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: APP_PAGE_URL } as never)).toEqual({ action: 'deny' });

    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      double().electron.session.defaultSession.permissionRequestHandler?.(
        wc as never,
        permission as never,
        (g: boolean) => (granted = g),
        { requestingUrl } as never,
      );
      return granted;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(ask(p, APP_PAGE_URL), p).toBe(false);
    }
    expect(ask('clipboard-sanitized-write', APP_PAGE_URL)).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('demo mode → dial through IPC → a global shortcut → engine → the simulator confirms the MUTE', async () => {
    const demo = valueOf(await invokeOver(double(), 'setDemo', { enabled: true }));
    expect(demo.demo).toBe(true);
    valueOf(await invokeOver(double(), 'setUcid', { text: demo.demoUcid ?? '' }));
    valueOf(await invokeOver(double(), 'addParticipant', { number: '09811112222', sip: false }));
    const connected = await waitForSnapshot(
      (s) => s.session?.participants[0]?.state === 'connected',
      'the participant to connect',
    );
    const id = connected.session?.participants[0]?.id ?? '';
    valueOf(await invokeOver(double(), 'selectParticipant', { id }));

    seen.length = 0;
    const mute = double().shortcuts.get('CommandOrControl+Alt+M');
    expect(mute, 'the mute shortcut is registered').toBeDefined();
    mute?.();
    const muted = await waitForSnapshot((s) => s.session?.participants[0]?.muted === true, 'the mute');
    expect(muted.session?.participants[0]?.pending).toBeNull();
    await until(() => seen.some((r) => /callcontrol/i.test(r) && /MUTE/.test(r)), 'the MUTE request');
    expect(seen.filter((r) => /MUTE/.test(r))).toHaveLength(1);
    expect(seen.some((r) => /UNMUTE/.test(r))).toBe(false);
    // The renderer heard about it through the contract's snapshot event.
    const events = win().webContents.sent.filter((m) => m.channel === eventChannels.snapshot);
    expect(events.some((m) => (m.args[0] as Snapshot).session?.participants[0]?.muted)).toBe(true);
  });

  it('notifies a failure while the toolbar is hidden: one per failure, none for a success, none when off', async () => {
    const mute = () => double().shortcuts.get('CommandOrControl+Alt+M')?.();
    const idle = () =>
      waitForSnapshot((s) => s.session?.participants[0]?.pending === null, 'the toggle to settle');
    win().hide();
    mute(); // unmute: succeeds
    await waitForSnapshot((s) => s.session?.participants[0]?.muted === false, 'the unmute');
    expect(double().notifications).toEqual([]);

    failRequests = true; // the network drops every request to CloudAgent
    mute();
    await idle();
    await until(() => double().notifications.length > 0, 'a notification');
    expect(double().notifications).toHaveLength(1);
    expect(double().notifications[0]?.title).toMatch(/failed/);
    const failureToasts = win().webContents.sent.filter(
      (m) => m.channel === eventChannels.toast && (m.args[0] as { level: string }).level === 'error',
    );
    expect(failureToasts.length).toBeGreaterThan(0);

    win().show();
    mute();
    await idle();
    expect(double().notifications).toHaveLength(1); // shown: the toast is enough

    win().hide();
    valueOf(
      await invokeOver(double(), 'updateSettings', { patch: { behaviour: { notifyFailures: false } } }),
    );
    mute();
    await idle();
    expect(double().notifications).toHaveLength(1);
    failRequests = false;
    win().show();
  });

  it("fits the window's height to the page within the work area, keeping the width", async () => {
    const before = win().getBounds();
    expect(valueOf(await invokeOver(double(), 'reportContentHeight', { height: 44 }))).toEqual({
      applied: true,
    });
    const mini = win().getBounds();
    expect(mini).toMatchObject({ x: before.x, width: before.width, height: 44 + win().frameHeight });
    valueOf(await invokeOver(double(), 'reportContentHeight', { height: 300 }));
    expect(win().getBounds().height).toBe(300 + win().frameHeight);
    valueOf(await invokeOver(double(), 'reportContentHeight', { height: 5000 }));
    expect(win().getBounds().height).toBe(1040); // the double's work area
    expect(valueOf(await invokeOver(double(), 'reportContentHeight', { height: 5000 }))).toEqual({
      applied: false,
    });
    expect((await invokeOver(double(), 'reportContentHeight', { height: -1 })).ok).toBe(false);
    valueOf(await invokeOver(double(), 'reportContentHeight', { height: 260 }));
  });

  it('zooms with Ctrl + = - 0 without a menu, and offers Cut, Copy, Paste on a right-clicked text field', () => {
    const wc = win().webContents;
    const press = (key: string) => {
      const event = preventable();
      wc.emit('before-input-event', event, {
        type: 'keyDown',
        key,
        control: true,
        meta: false,
        alt: false,
        shift: false,
      });
      return event.defaultPrevented;
    };
    expect(press('=')).toBe(true);
    expect(wc.getZoomLevel()).toBeGreaterThan(0);
    expect(press('-')).toBe(true);
    expect(press('-')).toBe(true);
    expect(wc.getZoomLevel()).toBeLessThan(0);
    expect(press('0')).toBe(true);
    expect(wc.getZoomLevel()).toBe(0);
    expect(press('m')).toBe(false);

    wc.emit('context-menu', preventable(), {
      isEditable: true,
      selectionText: '',
      editFlags: { canCut: false, canCopy: false, canPaste: true },
    });
    const menu = double().popups.at(-1);
    expect(menu?.map((i) => [i.role, i.label, i.enabled])).toEqual([
      ['cut', 'Cut', false],
      ['copy', 'Copy', false],
      ['paste', 'Paste', true],
    ]);
  });

  it('tray: show/hide toggles the window, the demo item reflects and switches demo mode', async () => {
    expect(win().isVisible()).toBe(true);
    tray().menu?.click('Hide ConfBar');
    expect(win().isVisible()).toBe(false);
    tray().menu?.click('Show ConfBar');
    expect(win().isVisible()).toBe(true);

    const demoItem = () => tray().menu?.items.find((i) => i.type === 'checkbox');
    expect(demoItem()?.checked).toBe(true);
    tray().menu?.click(demoItem()?.label ?? '');
    await waitForSnapshot((s) => !s.demo, 'demo mode to stop');
    await until(() => demoItem()?.checked === false, 'the tray to show demo off');
    tray().menu?.click(demoItem()?.label ?? '');
    await waitForSnapshot((s) => s.demo, 'demo mode to start again');
  });

  it('tray: "Release my phone…" shows the window and asks it for the confirmation (nothing sent from the tray)', () => {
    tray().menu?.click('Hide ConfBar');
    const before = win().webContents.sent.length;
    tray().menu?.click('Release my phone…');
    expect(win().isVisible()).toBe(true);
    const sent = win()
      .webContents.sent.slice(before)
      .filter((m) => m.channel === eventChannels.command);
    expect(sent.map((m) => m.args[0])).toEqual([{ command: 'releasePhone' }]);
  });

  it('closing the window hides it (the tray and global shortcuts stay)', () => {
    win().close();
    expect(double().windows()).toHaveLength(1);
    expect(win().isVisible()).toBe(false);
    win().show();
  });

  it('quit from the tray runs the cleanup: shortcuts freed, tray gone, bounds saved, simulator closed', async () => {
    expect(valueOf(await invokeOver(double(), 'getSettings', {})).settings.demo.enabled).toBe(true);
    expect(simulatorPort).toBeGreaterThan(0);
    const width = win().getBounds().width;
    expect(double().shortcuts.size).toBeGreaterThan(0);
    tray().menu?.click('Quit ConfBar');
    await until(() => double().quitDone, 'the app to quit');
    expect(double().shortcuts.size).toBe(0);
    expect(double().trays()[0]?.destroyed).toBe(true);
    expect(double().windows()).toEqual([]);
    expect(double().exits).toEqual([]);
    const saved = JSON.parse(readFileSync(join(booted.userData, 'config.json'), 'utf8')) as {
      window: { width: number } | null;
    };
    expect(saved.window?.width).toBe(width);
    expect(await refused(simulatorPort)).toBe(true);
  });
});

afterAll(() => {
  unsubscribe('http.server.request.start', watchSimulator);
  if (!double().quitDone) double().electron.app.quit();
});

function waitForSnapshot(check: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
  return until(async () => {
    const s = await snapshot();
    return check(s) && s;
  }, what);
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}
