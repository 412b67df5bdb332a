import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// electron-updater as a recording stand-in: what matters is what ConfBar asks of it.
const updater = Object.assign(new EventEmitter(), {
  logger: undefined as unknown,
  autoDownload: false,
  autoInstallOnAppQuit: false,
  checkForUpdates: vi.fn(async () => null),
  quitAndInstall: vi.fn(),
});
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

const { startUpdater } = await import('../../../electron/main/updater');

describe('updates never restart the app during a call', () => {
  it('a downloaded update waits for the agent to quit: never quitAndInstall, install on quit only', () => {
    const log = { debug() {}, info: vi.fn(), warn() {}, error() {} };
    const stop = startUpdater(log);
    updater.emit('update-available', { version: '9.9.9' });
    updater.emit('update-downloaded', { version: '9.9.9' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(log.info).toHaveBeenCalledWith('update downloaded; it installs when ConfBar quits', {
      version: '9.9.9',
    });
    stop();
  });
});
