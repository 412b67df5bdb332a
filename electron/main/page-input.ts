import { Menu, type BrowserWindow } from 'electron';
import { contextMenuItems } from '../shell/context-menu';
import { zoomAfterKey } from '../shell/zoom-keys';

/**
 * What the removed menu bar would otherwise give the page: Ctrl/Cmd + = - 0 zoom, and a right-click menu
 * with Cut, Copy and Paste on text fields.
 */
export function wirePageInput(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('before-input-event', (event, input) => {
    const level = zoomAfterKey(input, contents.getZoomLevel(), process.platform);
    if (level === null) return;
    event.preventDefault();
    contents.setZoomLevel(level);
  });
  contents.on('context-menu', (_event, params) => {
    const items = contextMenuItems(params);
    if (items) Menu.buildFromTemplate(items).popup({ window: win });
  });
}
