import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUTS, GLOBAL_COMMANDS } from '../../../shared/settings';
import {
  ALTGR_NOTE,
  TAKEN_PROBLEM,
  globalShortcutStatuses,
  planGlobalShortcuts,
} from '../../../electron/shell/global-shortcut-plan';

describe('planGlobalShortcuts', () => {
  it('registers every default shortcut and reports the unbound one as off', () => {
    const plan = planGlobalShortcuts(DEFAULT_GLOBAL_SHORTCUTS, 'win32');
    expect(plan.register.map((r) => r.command)).toEqual([
      'showToolbar',
      'addParticipant',
      'toggleMuteSelected',
      'toggleHoldSelected',
      'selectNext',
    ]);
    expect(plan.settled).toEqual([
      { command: 'dropSelected', accelerator: null, registered: false, problem: null },
    ]);
  });

  it('keeps a duplicate for the first command in command order and reports the later one', () => {
    const plan = planGlobalShortcuts(
      { dropSelected: 'Ctrl+Alt+M', toggleMuteSelected: 'CmdOrCtrl+Alt+m', showToolbar: 'Alt+Ctrl+M' },
      'linux',
    );
    expect(plan.register).toEqual([{ command: 'showToolbar', accelerator: 'Alt+Ctrl+M' }]);
    const problems = Object.fromEntries(plan.settled.map((s) => [s.command, s.problem]));
    expect(problems.toggleMuteSelected).toBe('Same shortcut as "showToolbar".');
    expect(problems.dropSelected).toBe('Same shortcut as "showToolbar".');
  });

  it('does not treat Cmd and Ctrl as duplicates on macOS', () => {
    const plan = planGlobalShortcuts({ showToolbar: 'Cmd+Alt+C', selectNext: 'Ctrl+Alt+C' }, 'darwin');
    expect(plan.register).toHaveLength(2);
  });

  it('reports invalid accelerators without registering them and treats blanks as off', () => {
    const plan = planGlobalShortcuts(
      { showToolbar: 'M', addParticipant: '  ', selectNext: 'Ctrl+Foo' },
      'linux',
    );
    expect(plan.register).toEqual([]);
    const byCommand = new Map(plan.settled.map((s) => [s.command, s]));
    expect(byCommand.get('showToolbar')).toMatchObject({ accelerator: 'M', registered: false });
    expect(byCommand.get('showToolbar')?.problem).toMatch(/needs Ctrl/);
    expect(byCommand.get('addParticipant')).toEqual({
      command: 'addParticipant',
      accelerator: null,
      registered: false,
      problem: null,
    });
    expect(byCommand.get('selectNext')?.problem).toMatch(/not a key/);
  });
});

describe('globalShortcutStatuses', () => {
  it('reports registered, taken by another application, and thrown errors, in command order', () => {
    const plan = planGlobalShortcuts(
      {
        showToolbar: 'Ctrl+Alt+C',
        addParticipant: 'Ctrl+Alt+N',
        toggleMuteSelected: 'Ctrl+Alt+M',
        selectNext: 'J',
      },
      'linux',
    );
    const statuses = globalShortcutStatuses(plan, {
      showToolbar: true,
      addParticipant: false,
      toggleMuteSelected: new Error('Failed to parse accelerator'),
    });
    expect(statuses.map((s) => s.command)).toEqual([...GLOBAL_COMMANDS]);
    const byCommand = new Map(statuses.map((s) => [s.command, s]));
    expect(byCommand.get('showToolbar')).toEqual({
      command: 'showToolbar',
      accelerator: 'Ctrl+Alt+C',
      registered: true,
      problem: null,
    });
    expect(byCommand.get('addParticipant')).toMatchObject({ registered: false, problem: TAKEN_PROBLEM });
    expect(byCommand.get('toggleMuteSelected')?.problem).toContain('Failed to parse accelerator');
    expect(byCommand.get('selectNext')?.problem).toMatch(/needs Ctrl/);
    expect(byCommand.get('toggleHoldSelected')).toMatchObject({ accelerator: null, problem: null });
  });
});

describe('statuses on a particular desktop', () => {
  it("reports a Wayland portal's refusal in its own words and notes what registration does not promise", () => {
    const plan = planGlobalShortcuts(
      { showToolbar: 'CommandOrControl+Alt+C', toggleMuteSelected: 'CommandOrControl+Alt+M' },
      'linux',
    );
    const statuses = globalShortcutStatuses(
      plan,
      { showToolbar: true, toggleMuteSelected: false },
      { platform: 'linux', refused: 'the portal said no', note: 'Wayland decides.' },
    );
    expect(statuses.find((s) => s.command === 'toggleMuteSelected')).toMatchObject({
      registered: false,
      problem: 'the portal said no',
    });
    expect(statuses.find((s) => s.command === 'toggleMuteSelected')?.note).toBeUndefined();
    expect(statuses.find((s) => s.command === 'showToolbar')).toMatchObject({
      registered: true,
      problem: null,
      note: 'Wayland decides.',
    });
  });

  it('notes an AltGr chord on Windows only', () => {
    const map = { toggleMuteSelected: 'CommandOrControl+Alt+M', showToolbar: 'Control+Alt+F6' };
    const onWindows = globalShortcutStatuses(
      planGlobalShortcuts(map, 'win32'),
      { toggleMuteSelected: true, showToolbar: true },
      { platform: 'win32' },
    );
    expect(onWindows.find((s) => s.command === 'toggleMuteSelected')?.note).toBe(ALTGR_NOTE);
    expect(onWindows.find((s) => s.command === 'showToolbar')?.note).toBeUndefined();
    const onLinux = globalShortcutStatuses(
      planGlobalShortcuts(map, 'linux'),
      { toggleMuteSelected: true, showToolbar: true },
      { platform: 'linux' },
    );
    expect(onLinux.every((s) => s.note === undefined)).toBe(true);
  });
});
