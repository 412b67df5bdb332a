import { describe, expect, it } from 'vitest';
import { ZOOM_LIMITS, zoomAfterKey, type KeyInput } from '../../../electron/shell/zoom-keys';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  ...mods,
});

describe('zoomAfterKey', () => {
  it('Ctrl + = / - / 0 zoom in, out and reset on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(zoomAfterKey(key('=', { control: true }), 0, platform)).toBe(0.5);
      expect(zoomAfterKey(key('+', { control: true }), 0.5, platform)).toBe(1);
      expect(zoomAfterKey(key('-', { control: true }), 0, platform)).toBe(-0.5);
      expect(zoomAfterKey(key('0', { control: true }), 2, platform)).toBe(0);
      expect(zoomAfterKey(key('=', { meta: true }), 0, platform)).toBeNull();
    }
  });

  it('uses Cmd on macOS', () => {
    expect(zoomAfterKey(key('=', { meta: true }), 0, 'darwin')).toBe(0.5);
    expect(zoomAfterKey(key('=', { control: true }), 0, 'darwin')).toBeNull();
  });

  it('stays within the limits', () => {
    expect(zoomAfterKey(key('=', { control: true }), ZOOM_LIMITS.max, 'linux')).toBe(ZOOM_LIMITS.max);
    expect(zoomAfterKey(key('-', { control: true }), ZOOM_LIMITS.min, 'linux')).toBe(ZOOM_LIMITS.min);
  });

  it('leaves other keys, key-ups and Alt combinations alone', () => {
    expect(zoomAfterKey(key('m', { control: true }), 0, 'linux')).toBeNull();
    expect(zoomAfterKey(key('=', { control: true, alt: true }), 0, 'linux')).toBeNull();
    expect(zoomAfterKey({ ...key('=', { control: true }), type: 'keyUp' }, 0, 'linux')).toBeNull();
    expect(zoomAfterKey(key('='), 0, 'linux')).toBeNull();
  });
});
