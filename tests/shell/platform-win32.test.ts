import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventChannels } from '../../shared/contract';
import type { GlobalShortcutStatus, ToastEvent } from '../../shared/session';
import { until, type Booted } from './boot';
import { bootShown, playPlatform, sentToWindow } from './shown';

/** Windows, as far as a double can show it: process.platform says win32; Electron's API is the double's. */
let booted: Booted;
const sent = <T>(channel: string) => sentToWindow<T>(booted, channel);

const playable = playPlatform('win32');

beforeAll(async () => {
  if (!playable) return;
  // An existing user (settings format 1) who kept the old Ctrl+Alt+letter defaults.
  const userData = mkdtempSync(join(tmpdir(), 'confbar-shell-win-'));
  writeFileSync(
    join(userData, 'config.json'),
    JSON.stringify({
      version: 1,
      shortcuts: {
        global: { showToolbar: 'CommandOrControl+Alt+C', toggleMuteSelected: 'CommandOrControl+Alt+M' },
      },
    }),
  );
  booted = await bootShown({ userData });
});

describe.skipIf(!playable)('on Windows (Electron double, not the Electron e2e suite)', () => {
  it("sets the AppUserModelID to the installer's appId, before ready", () => {
    const j = booted.double.journal;
    const id = j.indexOf('app.setAppUserModelId:com.confbar.app');
    expect(id).toBeGreaterThanOrEqual(0);
    expect(id).toBeLessThan(j.indexOf('ready'));
  });

  it("keeps an existing user's shortcuts, and says once that one is an AltGr chord", async () => {
    expect(booted.double.shortcuts.has('CommandOrControl+Alt+M')).toBe(true);
    expect(booted.double.shortcuts.has('CommandOrControl+Alt+C')).toBe(true);
    // Commands the user never saved get Windows' own defaults.
    expect(booted.double.shortcuts.has('Control+Alt+F7')).toBe(true);
    expect(booted.double.shortcuts.has('CommandOrControl+Alt+N')).toBe(false);
    const toasts = await until(
      () => sent<ToastEvent>(eventChannels.toast).filter((t) => /AltGr/.test(t.message)),
      'the AltGr note',
    );
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.message).toContain('Ctrl+Alt+M');
    const statuses = sent<GlobalShortcutStatus[]>(eventChannels.shortcuts).at(-1)!;
    const mute = statuses.find((s) => s.command === 'toggleMuteSelected')!;
    expect(mute).toMatchObject({ registered: true, problem: null });
    expect(mute.note).toMatch(/AltGr/);
  });
});
