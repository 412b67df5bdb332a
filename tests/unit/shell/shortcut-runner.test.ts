import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type GlobalCommand, type Settings } from '../../../shared/settings';
import type { ToastEvent } from '../../../shared/session';
import { createMemoryLogger } from '../../support/memory-logger';
import { createShortcutRunner } from '../../../electron/shell/shortcut-runner';
import { participant, recordingInvoke, snapshot } from './fakes';

const live = snapshot({ participants: [participant('a'), participant('b')], selectedId: 'a' });

function setup(answers: Parameters<typeof recordingInvoke>[0], settings: Settings = DEFAULT_SETTINGS) {
  const { calls, invoke } = recordingInvoke(answers);
  const shown: number[] = [];
  const commands: GlobalCommand[] = [];
  const toasts: ToastEvent[] = [];
  const run = createShortcutRunner({
    invoke,
    settings: () => settings,
    showWindow: () => shown.push(1),
    command: (c) => commands.push(c),
    toast: (t) => toasts.push(t),
    log: createMemoryLogger(),
  });
  return { run, calls, shown, commands, toasts };
}

describe('createShortcutRunner', () => {
  it('toggles mute on the selected participant without showing the window', async () => {
    const s = setup({ getSnapshot: { ok: true, value: live } });
    await s.run('toggleMuteSelected');
    expect(s.calls.map((c) => c.name)).toEqual(['getSnapshot', 'toggleMute']);
    expect(s.calls[1]?.input).toEqual({ id: 'a' });
    expect(s.shown).toEqual([]);
  });

  it('shows the window and hands addParticipant to the renderer', async () => {
    const s = setup({ getSnapshot: { ok: true, value: live } });
    await s.run('addParticipant');
    expect(s.shown).toHaveLength(1);
    expect(s.commands).toEqual(['addParticipant']);
  });

  it('routes a drop through the window when confirmation is on, and drops directly when off', async () => {
    const confirm = setup({ getSnapshot: { ok: true, value: live } });
    await confirm.run('dropSelected');
    expect(confirm.commands).toEqual(['dropSelected']);
    expect(confirm.calls.map((c) => c.name)).toEqual(['getSnapshot']);

    const noConfirm = {
      ...DEFAULT_SETTINGS,
      behaviour: { ...DEFAULT_SETTINGS.behaviour, confirmBeforeDrop: false },
    };
    const direct = setup({ getSnapshot: { ok: true, value: live } }, noConfirm);
    await direct.run('dropSelected');
    expect(direct.calls.map((c) => c.name)).toEqual(['getSnapshot', 'dropParticipant']);
  });

  it('turns a failed request into an error toast and a no-op into an info toast', async () => {
    const error = { kind: 'Busy' as const, message: 'still working', remedy: 'wait' };
    const failing = setup({ getSnapshot: { ok: true, value: live }, toggleHold: { ok: false, error } });
    await failing.run('toggleHoldSelected');
    expect(failing.toasts).toEqual([{ level: 'error', ...error }]);

    const idle = setup({ getSnapshot: { ok: true, value: snapshot(null) } });
    await idle.run('selectNext');
    expect(idle.toasts).toEqual([{ level: 'info', message: 'No live call: paste a ucid first.' }]);
  });
});
