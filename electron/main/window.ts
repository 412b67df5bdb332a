import { BrowserWindow, Menu, nativeTheme, screen } from 'electron';
import { placeWindow, TOOLBAR_BOUNDS, type Rect } from '../shell/bounds';
import { workspaceVisibility } from '../shell/platform-shell';
import { secureWebPreferences } from '../shell/web-preferences';

export interface ToolbarWindowOptions {
  /** settings.window: where the agent left it last time, or null. */
  saved: Rect | null;
  alwaysOnTop: boolean;
  preload: string;
  pageUrl: string;
  devTools: boolean;
  icon: string;
}

/** The one toolbar window: compact, always on top, sandboxed, loading only the app's own page. */
export function createToolbarWindow(opts: ToolbarWindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = placeWindow(opts.saved, displays, screen.getPrimaryDisplay().workArea);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: TOOLBAR_BOUNDS.minimum.width,
    minHeight: TOOLBAR_BOUNDS.minimum.height,
    title: 'ConfBar',
    show: false,
    fullscreenable: false,
    maximizable: false,
    autoHideMenuBar: true,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    icon: opts.icon,
    webPreferences: secureWebPreferences(opts.preload, { devTools: opts.devTools }),
  });
  setAlwaysOnTop(win, opts.alwaysOnTop);
  applyMenu(win);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.pageUrl);
  return win;
}

export function setAlwaysOnTop(win: BrowserWindow, on: boolean): void {
  // 'floating' keeps it above ordinary windows (the CRM) without covering system UI.
  win.setAlwaysOnTop(on, 'floating');
  // macOS: a floating window is hidden by a fullscreen CRM's Space unless it is on every workspace.
  const workspaces = workspaceVisibility(process.platform);
  if (workspaces) win.setVisibleOnAllWorkspaces(on && workspaces.visible, workspaces.options);
}

export function showWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * macOS needs an application menu for Cmd+C / Cmd+V in text fields; elsewhere the window has no menu bar.
 */
function applyMenu(win: BrowserWindow): void {
  if (process.platform === 'darwin') {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]),
    );
  } else {
    win.removeMenu();
  }
}

/**
 * Calls `save` with the window's bounds once a move or resize settles and when it closes; returns a flush
 * for the app's quit path (which must save before the services shut down).
 */
export function trackBounds(
  win: BrowserWindow,
  save: (bounds: Rect) => Promise<unknown>,
): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!win.isDestroyed() && !win.isMinimized()) await save(win.getNormalBounds());
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, 800);
  };
  win.on('move', later); // 'moved' and 'resized' do not fire on Linux
  win.on('resize', later);
  win.on('close', () => void flush());
  return flush;
}
