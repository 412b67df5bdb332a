import { screen, type BrowserWindow } from 'electron';
import { fitToContent } from '../shell/bounds';

/**
 * Resizes the toolbar window so its height follows the page's content height (CSS px, from the renderer)
 * within the work area of the display it is on. Returns whether the bounds changed.
 */
export function fitWindowToContent(win: BrowserWindow | null, contentHeight: number): boolean {
  if (!win || win.isDestroyed() || win.isMinimized()) return false;
  const bounds = win.getBounds();
  const next = fitToContent({
    window: bounds,
    frame: bounds.height - win.getContentBounds().height,
    contentHeight,
    zoomFactor: win.webContents.getZoomFactor(),
    workArea: screen.getDisplayMatching(bounds).workArea,
  });
  if (next.y === bounds.y && next.height === bounds.height) return false;
  win.setBounds(next);
  return true;
}
