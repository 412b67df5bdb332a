import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

/** The OS save dialog, attached to the toolbar window when there is one; null when the agent cancels. */
export async function chooseSavePath(win: BrowserWindow | null, defaultName: string): Promise<string | null> {
  const options = {
    title: 'Save a diagnostic report',
    defaultPath: join(app.getPath('documents'), defaultName),
    filters: [{ name: 'Text', extensions: ['txt'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
      'createDirectory' | 'showOverwriteConfirmation'
    >,
  };
  const r =
    win && !win.isDestroyed()
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}
