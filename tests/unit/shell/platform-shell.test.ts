import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  appUserModelId,
  linuxDisplay,
  startupNotices,
  trayImageName,
  waylandShortcutNote,
  workspaceVisibility,
} from '../../../electron/shell/platform-shell';
import { smokeOutput } from '../../../electron/shell/startup';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Width, height and RGBA pixels of one of our own PNGs (8-bit RGBA, filter 0, as make-icons.mjs writes). */
function readPng(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  expect(data[24]).toBe(8);
  expect(data[25]).toBe(6);
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const len = data.readUInt32BE(at);
    if (data.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, pixels };
}

describe('Windows', () => {
  it("sets the AppUserModelID, equal to electron-builder.yml's appId, only on Windows", () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(/^appId: (.+)$/m.exec(yml)?.[1]).toBe(APP_ID);
    expect(appUserModelId('win32')).toBe(APP_ID);
    expect(appUserModelId('darwin')).toBeNull();
    expect(appUserModelId('linux')).toBeNull();
  });
});

describe('macOS', () => {
  it('keeps the window on every Space, fullscreen ones included, only on macOS', () => {
    expect(workspaceVisibility('darwin')).toEqual({ visible: true, options: { visibleOnFullScreen: true } });
    expect(workspaceVisibility('win32')).toBeNull();
    expect(workspaceVisibility('linux')).toBeNull();
  });

  it('uses a template tray image: black + alpha, 16 px with a 32 px @2x beside it', () => {
    expect(trayImageName('darwin')).toBe('trayTemplate.png');
    expect(trayImageName('win32')).toBe('tray.png');
    for (const [name, size] of [
      ['trayTemplate.png', 16],
      ['trayTemplate@2x.png', 32],
    ] as const) {
      const { width, height, pixels } = readPng(join(ROOT, 'resources', name));
      expect([width, height]).toEqual([size, size]);
      let opaque = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3]! > 0) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
        if (pixels[i + 3] === 255) opaque++;
      }
      // A glyph, not an empty or a filled square.
      expect(opaque).toBeGreaterThan(size * size * 0.15);
      expect(opaque).toBeLessThan(size * size * 0.7);
    }
  });
});

describe('Linux: which display server', () => {
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };

  it('runs through XWayland on a Wayland desktop that has it, where the window can stay on top', () => {
    expect(linuxDisplay('linux', { ...wayland, DISPLAY: ':0' }, [])).toEqual({
      kind: 'xwayland',
      switches: [['ozone-platform', 'x11']],
    });
    expect(linuxDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, [])).toMatchObject({
      kind: 'xwayland',
    });
  });

  it('stays native (portal shortcuts, no on-top) without XWayland, when asked, or when told on the command line', () => {
    const portal = [['enable-features', 'GlobalShortcutsPortal']];
    expect(linuxDisplay('linux', wayland, [])).toEqual({
      kind: 'wayland',
      switches: portal,
      why: 'XWayland is not available (no DISPLAY)',
    });
    expect(linuxDisplay('linux', { ...wayland, DISPLAY: ':0', CONFBAR_WAYLAND: '1' }, [])).toMatchObject({
      kind: 'wayland',
      why: 'CONFBAR_WAYLAND=1 is set',
    });
    expect(linuxDisplay('linux', { ...wayland, DISPLAY: ':0' }, ['--ozone-platform=wayland'])).toMatchObject({
      kind: 'wayland',
    });
    expect(linuxDisplay('linux', { ...wayland, DISPLAY: ':0' }, ['--ozone-platform=x11'])).toEqual({
      kind: 'xwayland',
      switches: [],
    });
  });

  it('changes nothing on X11, macOS or Windows', () => {
    expect(linuxDisplay('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, [])).toEqual({ kind: 'native' });
    expect(linuxDisplay('darwin', wayland, [])).toEqual({ kind: 'native' });
    expect(linuxDisplay('win32', wayland, [])).toEqual({ kind: 'native' });
  });

  it('notes on Wayland what "registered" does not promise; nothing elsewhere', () => {
    expect(waylandShortcutNote(linuxDisplay('linux', wayland, []))).toMatch(/desktop decides/);
    expect(waylandShortcutNote(linuxDisplay('linux', { ...wayland, DISPLAY: ':0' }, []))).toMatch(
      /CONFBAR_WAYLAND=1/,
    );
    expect(waylandShortcutNote({ kind: 'native' })).toBeNull();
  });

  it('says in the window, once the page is up, that it cannot stay on top, and why', () => {
    const native = linuxDisplay('linux', wayland, []);
    const toasts = startupNotices(native, ['a settings note'], true);
    expect(toasts).toEqual([
      { level: 'info', message: 'a settings note' },
      expect.objectContaining({ level: 'info', kind: 'CannotStayOnTop' }),
    ]);
    expect(toasts[1]!.message).toContain('no DISPLAY');
    // Always-on-top turned off: nothing to warn about.
    expect(startupNotices(native, [], false)).toEqual([]);
    expect(startupNotices({ kind: 'native' }, [], true)).toEqual([]);
  });
});

describe('--smoke (the release workflow launches each unpacked app once)', () => {
  it('reads --smoke (stdout) and --smoke=<file>; a normal start has neither', () => {
    expect(smokeOutput(['/opt/ConfBar/confbar', '--smoke'])).toBe('-');
    expect(smokeOutput(['ConfBar.exe', '--smoke=C:\\out\\smoke.txt'])).toBe('C:\\out\\smoke.txt');
    expect(smokeOutput(['confbar', 'confbar://call/123'])).toBeNull();
    expect(smokeOutput(['confbar', '--smoke='])).toBeNull();
  });
});
