import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Booted } from './boot';
import { bootShown, playPlatform } from './shown';

/** macOS, as far as a double can show it: process.platform says darwin; Electron's API is the double's. */
let booted: Booted;

const playable = playPlatform('darwin');

beforeAll(async () => {
  if (!playable) return;
  booted = await bootShown();
});

describe.skipIf(!playable)('on macOS (Electron double, not the Electron e2e suite)', () => {
  it('keeps the floating toolbar visible on every Space, fullscreen ones included', () => {
    const win = booted.double.windows()[0]!;
    expect(win.isAlwaysOnTop()).toBe(true);
    expect(win.alwaysOnTopLevel).toBe('floating');
    expect(win.allWorkspaces).toEqual({ visible: true, options: { visibleOnFullScreen: true } });
  });

  it('gives the menu bar a template tray image (16 px, @2x beside it), not a shrunk colour icon', () => {
    const tray = booted.double.trays()[0]!;
    expect(basename(tray.image.path)).toBe('trayTemplate.png');
    expect(tray.image.isEmpty()).toBe(false);
    expect(tray.image.template).toBe(true);
  });

  it('sets no Windows AppUserModelID and no Linux display switch', () => {
    expect(booted.double.journal.filter((e) => /setAppUserModelId|commandLine/.test(e))).toEqual([]);
  });
});
