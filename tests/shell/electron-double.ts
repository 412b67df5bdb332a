import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import type * as Electron from 'electron';

/**
 * A recording stand-in for the parts of Electron's main-process API that ConfBar's main bundle and the
 * libraries it loads (electron-log, electron-store, electron-updater) use. It is typed against Electron's
 * own .d.ts (see `ElectronSurface` at the bottom), so a signature that drifts in a new Electron fails tsc.
 * Where it matters it behaves as Electron documents: no window before `ready`, privileged schemes and the
 * sandbox switch only before `ready`, one `ipcMain.handle` per channel, no renderer modules in main, and
 * `protocol.handle` handlers take a Request and answer a Response. Every call is written to `journal`.
 */

type Listener = (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DoubleOptions {
  userData: string;
  /** false: another instance holds the single-instance lock. */
  lock?: boolean;
  workArea?: Rect;
  /** What the fake clipboard holds. */
  clipboardText?: string;
  /** Accelerators "another application" already holds: register() answers false for them. */
  takenAccelerators?: string[];
  /** The save dialog is cancelled instead of accepting its suggested path. */
  cancelSaves?: boolean;
  /** app.isPackaged: an installed app (which asks the OS for link schemes). Default false. */
  packaged?: boolean;
  /** Which button a message box answers (default: its cancelId, the safe choice). */
  messageBoxResponse?: (options: Electron.MessageBoxOptions) => number;
  /** Chromium's resolveProxy answer per origin (`*` for any other); default `DIRECT`. Changeable later via `proxy`. */
  proxyAnswers?: Record<string, string>;
}

/** An event whose default action a listener may prevent, as Electron passes to `will-navigate` etc. */
export function preventable<T extends object>(fields: T = {} as T): T & PreventableEvent {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function createElectronDouble(opts: DoubleOptions) {
  // Every desktop has a Documents folder, where the save dialog suggests reports go.
  mkdirSync(`${opts.userData}/documents`, { recursive: true });
  const journal: string[] = [];
  const note = (entry: string) => journal.push(entry);
  let ready = false;
  let readyResolve: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
  const workArea = opts.workArea ?? { x: 0, y: 0, width: 1920, height: 1040 };
  const exits: number[] = [];
  let quitRequested = 0;
  let quitDone = false;
  const errorBoxes: { title: string; content: string }[] = [];
  const messageBoxes: Electron.MessageBoxOptions[] = [];
  const answerBox = (options: Electron.MessageBoxOptions): number => {
    messageBoxes.push(options);
    note(`dialog.showMessageBox:${options.message}`);
    return opts.messageBoxResponse?.(options) ?? options.cancelId ?? 0;
  };
  const notifications: { title: string; body: string }[] = [];

  const mustBeBeforeReady = (what: string) => {
    if (ready) throw new Error(`${what} can only be called before the app is ready.`);
  };
  const mustBeReady = (what: string) => {
    if (!ready) throw new Error(`Cannot ${what} before app is ready`);
  };

  // ---- app
  class AppDouble extends EventEmitter {
    name = 'ConfBar';
    isPackaged = opts.packaged ?? false;
    /** The schemes the OS would open in this app (setAsDefaultProtocolClient, until removed). */
    readonly protocolClients = new Set<string>();
    private sandboxed = false;
    private paths: Record<string, string> = {
      userData: opts.userData,
      appData: opts.userData,
      logs: `${opts.userData}/logs`,
      temp: `${opts.userData}/temp`,
      documents: `${opts.userData}/documents`,
    };
    get sandboxEnabled() {
      return this.sandboxed;
    }
    enableSandbox(): void {
      mustBeBeforeReady('app.enableSandbox()');
      note('app.enableSandbox');
      this.sandboxed = true;
    }
    requestSingleInstanceLock(): boolean {
      note('app.requestSingleInstanceLock');
      return opts.lock ?? true;
    }
    whenReady(): Promise<void> {
      return readyPromise;
    }
    isReady(): boolean {
      return ready;
    }
    getPath(name: Parameters<Electron.App['getPath']>[0]): string {
      const p = this.paths[name];
      if (!p) throw new Error(`Failed to get '${name}' path`);
      return p;
    }
    getName(): string {
      return this.name;
    }
    getVersion(): string {
      return '0.0.0-double';
    }
    setAsDefaultProtocolClient(protocol: string): boolean {
      note(`app.setAsDefaultProtocolClient:${protocol}`);
      this.protocolClients.add(protocol);
      return true;
    }
    removeAsDefaultProtocolClient(protocol: string): boolean {
      note(`app.removeAsDefaultProtocolClient:${protocol}`);
      return this.protocolClients.delete(protocol);
    }
    isDefaultProtocolClient(protocol: string): boolean {
      return this.protocolClients.has(protocol);
    }
    getLoginItemSettings(): Electron.LoginItemSettings {
      return { openAtLogin: false } as Electron.LoginItemSettings;
    }
    setLoginItemSettings(settings: Electron.Settings): void {
      note(`app.setLoginItemSettings:${String(settings.openAtLogin)}`);
    }
    /** Electron's order: before-quit → close every window (any may cancel) → will-quit → quit. */
    quit(): void {
      quitRequested++;
      note('app.quit');
      if (quitDone) return;
      const before = preventable();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      for (const w of [...windows]) {
        if (!w.tryClose()) return;
      }
      const will = preventable();
      this.emit('will-quit', will);
      if (will.defaultPrevented) return;
      quitDone = true;
      this.emit('quit', preventable(), 0);
    }
    exit(code = 0): void {
      note(`app.exit:${code}`);
      exits.push(code);
    }
    setAppUserModelId(id: string): void {
      note(`app.setAppUserModelId:${id}`);
    }
    /** Switches take effect only when given before `ready` (Chromium reads them at start-up). */
    readonly commandLine = {
      appendSwitch(name: string, value?: string): void {
        mustBeBeforeReady(`app.commandLine.appendSwitch(${name})`);
        note(`app.commandLine.appendSwitch:${name}=${value ?? ''}`);
      },
    };
    focus(): void {}
  }
  const app = new AppDouble();

  // ---- protocol
  type Handler = (request: Request) => Response | Promise<Response>;
  const protocolHandlers = new Map<string, Handler>();
  let privileged: Electron.CustomScheme[] | null = null;
  const protocol = {
    registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
      mustBeBeforeReady('protocol.registerSchemesAsPrivileged');
      if (privileged) throw new Error('protocol.registerSchemesAsPrivileged can be called only once.');
      note('protocol.registerSchemesAsPrivileged');
      privileged = customSchemes;
    },
    handle(scheme: string, handler: Handler): void {
      mustBeReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled.`);
      note(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
    unhandle(scheme: string): void {
      protocolHandlers.delete(scheme);
    },
    isProtocolHandled(scheme: string): boolean {
      return protocolHandlers.has(scheme);
    },
  };

  /** What Chromium would do to load `url`: a registered scheme goes through its handler. */
  async function request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocolHandlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    const response = await handler(new Request(url, init));
    if (!(response instanceof Response)) throw new TypeError('A protocol handler must return a Response.');
    return response;
  }

  // ---- ipcMain: an EventEmitter for `on`, and one `handle` per channel.
  class IpcMainDouble extends EventEmitter {
    readonly handlers = new Map<string, Listener>();
    handle(channel: string, listener: Listener): void {
      if (this.handlers.has(channel)) {
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      }
      note(`ipcMain.handle:${channel}`);
      this.handlers.set(channel, listener);
    }
    handleOnce(channel: string, listener: Listener): void {
      this.handle(channel, listener);
    }
    removeHandler(channel: string): void {
      this.handlers.delete(channel);
    }
  }
  const ipcMain = new IpcMainDouble();

  // ---- web contents and windows
  let nextId = 1;
  const allContents: WebContentsDouble[] = [];
  class WebContentsDouble extends EventEmitter {
    readonly id = nextId++;
    readonly sent: { channel: string; args: unknown[] }[] = [];
    url = '';
    zoomLevel = 0;
    destroyed = false;
    windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null =
      null;
    readonly mainFrame = { url: '', parent: null, routingId: 1, processId: 1 };
    constructor(readonly owner: BrowserWindowDouble) {
      super();
    }
    send(channel: string, ...args: unknown[]): void {
      if (this.destroyed) throw new Error('Object has been destroyed');
      this.sent.push({ channel, args });
    }
    setWindowOpenHandler(
      handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
    ): void {
      this.windowOpenHandler = handler;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isCrashed(): boolean {
      return false;
    }
    getURL(): string {
      return this.url;
    }
    getZoomLevel(): number {
      return this.zoomLevel;
    }
    setZoomLevel(level: number): void {
      this.zoomLevel = level;
    }
    getZoomFactor(): number {
      return Math.pow(1.2, this.zoomLevel);
    }
    /** Loads the current page again (after its process died: Chromium starts a new one). */
    reload(): void {
      note('webContents.reload');
      void this.loadURL(this.url);
    }
    /** Ends the page's process: Electron then emits render-process-gone with reason 'killed'. */
    forcefullyCrashRenderer(): void {
      note('webContents.forcefullyCrashRenderer');
      this.emit('render-process-gone', preventable(), { reason: 'killed', exitCode: 9 });
    }
    /** Loads the page as Chromium would: through the scheme's handler, then did-finish-load. */
    async loadURL(url: string): Promise<void> {
      note(`webContents.loadURL:${url}`);
      const response = await request(url);
      if (!response.ok) throw new Error(`ERR_FILE_NOT_FOUND (${response.status}) loading '${url}'`);
      this.url = url;
      this.mainFrame.url = url;
      this.lastPage = { url, response, body: await response.text() };
      this.emit('did-finish-load');
      this.owner.emit('ready-to-show');
    }
    lastPage: { url: string; response: Response; body: string } | null = null;
  }

  const windows: BrowserWindowDouble[] = [];
  class BrowserWindowDouble extends EventEmitter {
    static getAllWindows(): BrowserWindowDouble[] {
      return windows.slice();
    }
    static fromWebContents(contents: WebContentsDouble): BrowserWindowDouble | null {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    readonly options: Electron.BrowserWindowConstructorOptions;
    readonly webContents: WebContentsDouble;
    private bounds: Rect;
    private visible = false;
    private minimised = false;
    private destroyed = false;
    private onTop: { flag: boolean; level: string | undefined } = { flag: false, level: undefined };
    menuRemoved = false;
    focused = false;
    /** The frame around the page: title bar height in this double. */
    readonly frameHeight = 30;

    constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
      super();
      mustBeReady('create BrowserWindow');
      note('new BrowserWindow');
      this.options = options;
      this.bounds = {
        x: options.x ?? 0,
        y: options.y ?? 0,
        width: options.width ?? 800,
        height: options.height ?? 600,
      };
      this.visible = options.show !== false;
      this.onTop.flag = options.alwaysOnTop === true;
      this.webContents = new WebContentsDouble(this);
      allContents.push(this.webContents);
      windows.push(this);
      app.emit('web-contents-created', preventable(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isVisible(): boolean {
      return this.visible && !this.destroyed;
    }
    isMinimized(): boolean {
      return this.minimised;
    }
    show(): void {
      note('window.show');
      this.visible = true;
      this.minimised = false;
      this.emit('show');
    }
    hide(): void {
      note('window.hide');
      this.visible = false;
      this.emit('hide');
    }
    minimize(): void {
      this.minimised = true;
      this.emit('minimize');
    }
    restore(): void {
      this.minimised = false;
      this.emit('restore');
    }
    focus(): void {
      this.focused = true;
      this.emit('focus');
    }
    setAlwaysOnTop(flag: boolean, level?: Parameters<Electron.BrowserWindow['setAlwaysOnTop']>[1]): void {
      this.onTop = { flag, level };
    }
    isAlwaysOnTop(): boolean {
      return this.onTop.flag;
    }
    /** The last setVisibleOnAllWorkspaces call (macOS: over fullscreen Spaces), or null. */
    allWorkspaces: { visible: boolean; options?: Electron.VisibleOnAllWorkspacesOptions } | null = null;
    setVisibleOnAllWorkspaces(visible: boolean, options?: Electron.VisibleOnAllWorkspacesOptions): void {
      this.allWorkspaces = { visible, options };
    }
    get alwaysOnTopLevel(): string | undefined {
      return this.onTop.level;
    }
    removeMenu(): void {
      this.menuRemoved = true;
    }
    getBounds(): Rect {
      return { ...this.bounds };
    }
    getNormalBounds(): Rect {
      return { ...this.bounds };
    }
    getContentBounds(): Rect {
      const b = this.bounds;
      return { x: b.x, y: b.y + this.frameHeight, width: b.width, height: b.height - this.frameHeight };
    }
    setBounds(bounds: Partial<Rect>): void {
      this.bounds = { ...this.bounds, ...bounds };
      this.emit('resize');
    }
    setContentSize(width: number, height: number): void {
      this.setBounds({ width, height: height + this.frameHeight });
    }
    /** Electron's close(): a preventable 'close', then 'closed'. Returns whether it closed. */
    tryClose(): boolean {
      if (this.destroyed) return true;
      const event = preventable();
      this.emit('close', event);
      if (event.defaultPrevented) return false;
      this.destroy();
      return true;
    }
    close(): void {
      if (this.tryClose() && windows.length === 0 && !quitRequested) app.emit('window-all-closed');
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
    }
  }

  // ---- menus and tray
  type Item = Electron.MenuItemConstructorOptions;
  class MenuDouble {
    static applicationMenu: unknown = null;
    static buildFromTemplate(template: Array<Item | Electron.MenuItem>): MenuDouble {
      return new MenuDouble(template as Item[]);
    }
    static setApplicationMenu(menu: Electron.Menu | null): void {
      MenuDouble.applicationMenu = menu;
    }
    readonly popups: Electron.PopupOptions[] = [];
    constructor(readonly items: Item[]) {}
    popup(options: Electron.PopupOptions = {}): void {
      this.popups.push(options);
      popups.push(this.items);
    }
    /** A click as Electron performs it: a checkbox flips before its handler runs. */
    click(label: string): void {
      const item = this.items.find((i) => i.label === label);
      if (!item) throw new Error(`No menu item "${label}" in [${this.items.map((i) => i.label).join(', ')}]`);
      if (item.type === 'checkbox') item.checked = !item.checked;
      item.click?.(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
    }
  }
  const popups: Item[][] = [];

  const trays: TrayDouble[] = [];
  class TrayDouble extends EventEmitter {
    tooltip = '';
    menu: MenuDouble | null = null;
    destroyed = false;
    constructor(readonly image: NativeImageDouble) {
      super();
      mustBeReady('create a Tray');
      note('new Tray');
      trays.push(this);
    }
    setToolTip(toolTip: string): void {
      this.tooltip = toolTip;
    }
    setContextMenu(menu: MenuDouble | null): void {
      this.menu = menu;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }

  class NativeImageDouble {
    constructor(readonly path: string) {}
    isEmpty(): boolean {
      return !existsSync(this.path);
    }
    resize(_options: Electron.ResizeOptions): NativeImageDouble {
      return this;
    }
    template = false;
    setTemplateImage(option: boolean): void {
      this.template = option;
    }
  }
  const nativeImage = {
    createFromPath: (path: string) => new NativeImageDouble(path),
  };

  // ---- sessions, shortcuts, the rest
  const defaultSession = {
    permissionRequestHandler: null as Parameters<Electron.Session['setPermissionRequestHandler']>[0],
    permissionCheckHandler: null as Parameters<Electron.Session['setPermissionCheckHandler']>[0],
    setPermissionRequestHandler(handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0]) {
      note('session.setPermissionRequestHandler');
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0]) {
      this.permissionCheckHandler = handler;
    },
  };
  // Chromium's proxy resolver (OS settings, PAC, WPAD) as its answer for a URL, e.g. "PROXY p:3128; DIRECT".
  const proxy = { answers: { ...opts.proxyAnswers } as Record<string, string>, asked: [] as string[] };
  Object.assign(defaultSession, {
    async resolveProxy(url: string): Promise<string> {
      proxy.asked.push(url);
      return proxy.answers[new URL(url).origin] ?? proxy.answers['*'] ?? 'DIRECT';
    },
  });
  const session = {
    defaultSession: defaultSession as typeof defaultSession & Pick<Electron.Session, 'resolveProxy'>,
  };
  // Sleep and wake: tests call powerMonitor.emit('resume') as the OS would.
  const powerEvents = new EventEmitter();
  const powerMonitor = {
    on(event: string, listener: Listener): Electron.PowerMonitor {
      note(`powerMonitor.on:${event}`);
      powerEvents.on(event, listener);
      return powerMonitor as unknown as Electron.PowerMonitor;
    },
    emit: (event: 'resume' | 'suspend' | 'shutdown', ...args: unknown[]) => powerEvents.emit(event, ...args),
  };

  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    register(accelerator: string, callback: () => void): boolean {
      if ((opts.takenAccelerators ?? []).includes(accelerator) || shortcuts.has(accelerator)) return false;
      note(`globalShortcut.register:${accelerator}`);
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregister(accelerator: string): void {
      shortcuts.delete(accelerator);
    },
    unregisterAll(): void {
      shortcuts.clear();
    },
    isRegistered: (accelerator: string) => shortcuts.has(accelerator),
  };

  class NotificationDouble extends EventEmitter {
    static isSupported(): boolean {
      return true;
    }
    constructor(readonly options: Electron.NotificationConstructorOptions = {}) {
      super();
    }
    show(): void {
      notifications.push({ title: this.options.title ?? '', body: this.options.body ?? '' });
    }
  }

  const display = { id: 1, workArea, bounds: workArea, scaleFactor: 1 } as unknown as Electron.Display;
  const electron = {
    app,
    BrowserWindow: BrowserWindowDouble,
    Menu: MenuDouble,
    Notification: NotificationDouble,
    Tray: TrayDouble,
    clipboard: { readText: async () => opts.clipboardText ?? '' },
    dialog: {
      showErrorBox(title: string, content: string): void {
        errorBoxes.push({ title, content });
      },
      /** A native message box: recorded, answered by `opts.messageBoxResponse` or its cancelId. */
      async showMessageBox(
        ...args: [Electron.BaseWindow, Electron.MessageBoxOptions] | [Electron.MessageBoxOptions]
      ): Promise<Electron.MessageBoxReturnValue> {
        const options = args.length === 2 ? args[1] : args[0];
        return { response: answerBox(options), checkboxChecked: false };
      },
      showMessageBoxSync(
        ...args: [Electron.BaseWindow, Electron.MessageBoxSyncOptions] | [Electron.MessageBoxSyncOptions]
      ): number {
        return answerBox(args.length === 2 ? args[1] : args[0]);
      },
      /** The agent accepts the suggested path (under userData), or cancels when `opts.cancelSaves`. */
      async showSaveDialog(
        ...args: [Electron.BaseWindow, Electron.SaveDialogOptions] | [Electron.SaveDialogOptions]
      ): Promise<Electron.SaveDialogReturnValue> {
        const options = args.length === 2 ? args[1] : args[0];
        note('dialog.showSaveDialog');
        if (opts.cancelSaves || !options.defaultPath) return { canceled: true, filePath: '' };
        return { canceled: false, filePath: options.defaultPath };
      },
    },
    globalShortcut,
    ipcMain,
    nativeImage,
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' as const },
    protocol,
    screen: {
      getAllDisplays: () => [display],
      getPrimaryDisplay: () => display,
      getDisplayMatching: (_rect: Rect) => display,
    },
    session,
    powerMonitor,
    shell: { openExternal: async () => {}, openPath: async () => '' },
    webContents: { getAllWebContents: () => allContents.filter((c) => !c.destroyed) },
  };
  // Typed against Electron's own declarations: these are the parts main and its libraries use.
  electron satisfies ElectronSurface<typeof electron>;

  return {
    electron,
    journal,
    /** Emits `ready` as Electron does once it has initialised. */
    ready() {
      ready = true;
      note('ready');
      app.emit('ready', preventable(), {});
      readyResolve();
    },
    request,
    get privilegedSchemes() {
      return privileged;
    },
    windows: () => windows.slice(),
    trays: () => trays.slice(),
    shortcuts,
    /** The items of every menu popped up (context menus), latest last. */
    popups,
    exits,
    errorBoxes,
    messageBoxes,
    notifications,
    /** resolveProxy's answers (change them mid-test) and the URLs it was asked about. */
    proxy,
    powerMonitor,
    get quitRequested() {
      return quitRequested;
    },
    get quitDone() {
      return quitDone;
    },
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;

type E = typeof Electron;
/**
 * The double checked against `typeof import('electron')`: each member must offer Electron's own signatures
 * for the methods ConfBar and its libraries call. Classes are compared by the instance they construct.
 */
type ElectronSurface<D> = {
  app: Pick<
    E['app'],
    | 'enableSandbox'
    | 'requestSingleInstanceLock'
    | 'whenReady'
    | 'isReady'
    | 'getPath'
    | 'getName'
    | 'getVersion'
    | 'setAsDefaultProtocolClient'
    | 'removeAsDefaultProtocolClient'
    | 'isDefaultProtocolClient'
    | 'getLoginItemSettings'
    | 'quit'
    | 'exit'
    | 'isPackaged'
    | 'name'
    | 'setAppUserModelId'
  > & { commandLine: Pick<Electron.CommandLine, 'appendSwitch'> };
  BrowserWindow: {
    new (
      options?: Electron.BrowserWindowConstructorOptions,
    ): Pick<
      Electron.BrowserWindow,
      | 'isDestroyed'
      | 'isVisible'
      | 'isMinimized'
      | 'show'
      | 'hide'
      | 'restore'
      | 'focus'
      | 'minimize'
      | 'setAlwaysOnTop'
      | 'isAlwaysOnTop'
      | 'setVisibleOnAllWorkspaces'
      | 'removeMenu'
      | 'getBounds'
      | 'getNormalBounds'
      | 'getContentBounds'
      | 'setBounds'
      | 'setContentSize'
      | 'close'
      | 'destroy'
    > & { webContents: Pick<Electron.WebContents, 'reload' | 'forcefullyCrashRenderer'> };
  };
  Menu: Pick<E['Menu'], 'setApplicationMenu'> & {
    buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): unknown;
  };
  Notification: {
    new (options?: Electron.NotificationConstructorOptions): Pick<Electron.Notification, 'show'>;
  };
  Tray: { new (image: never): Pick<Electron.Tray, 'setToolTip' | 'destroy'> };
  clipboard: Pick<E['clipboard'], 'readText'>;
  dialog: Pick<E['dialog'], 'showErrorBox' | 'showSaveDialog' | 'showMessageBox' | 'showMessageBoxSync'>;
  globalShortcut: Pick<E['globalShortcut'], 'register' | 'unregister' | 'unregisterAll' | 'isRegistered'>;
  ipcMain: Pick<E['ipcMain'], 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'>;
  nativeImage: { createFromPath(path: string): unknown };
  nativeTheme: Pick<E['nativeTheme'], 'shouldUseDarkColors'>;
  protocol: Pick<E['protocol'], 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>;
  screen: Pick<E['screen'], 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>;
  session: {
    defaultSession: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  } & { defaultSession: Pick<Electron.Session, 'resolveProxy'> };
  powerMonitor: Pick<E['powerMonitor'], 'on'>;
  shell: Pick<E['shell'], 'openExternal' | 'openPath'>;
  webContents: { getAllWebContents(): unknown[] };
} & { [K in Exclude<keyof D, keyof E>]: never };
