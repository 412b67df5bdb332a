import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/session';
import { planShortcutAction } from '../../../electron/shell/shortcut-action';
import { participant, snapshot } from './fakes';

const ctx = (s: Snapshot, confirmBeforeDrop = false) => ({ snapshot: s, confirmBeforeDrop });

describe('planShortcutAction', () => {
  const call = snapshot({
    participants: [participant('a'), participant('b', 'dropped'), participant('c')],
    selectedId: 'a',
  });

  it('shows the window for showToolbar, and hands addParticipant to the renderer', () => {
    expect(planShortcutAction('showToolbar', ctx(snapshot(null)))).toEqual({ kind: 'show' });
    expect(planShortcutAction('addParticipant', ctx(snapshot(null)))).toEqual({
      kind: 'show-and-command',
      command: 'addParticipant',
    });
  });

  it('mutes, holds and drops the selected participant', () => {
    expect(planShortcutAction('toggleMuteSelected', ctx(call))).toEqual({
      kind: 'invoke',
      name: 'toggleMute',
      input: { id: 'a' },
    });
    expect(planShortcutAction('toggleHoldSelected', ctx(call))).toEqual({
      kind: 'invoke',
      name: 'toggleHold',
      input: { id: 'a' },
    });
    expect(planShortcutAction('dropSelected', ctx(call))).toEqual({
      kind: 'invoke',
      name: 'dropParticipant',
      input: { id: 'a' },
    });
  });

  it('sends a drop through the window confirmation when confirmBeforeDrop is on', () => {
    expect(planShortcutAction('dropSelected', ctx(call, true))).toEqual({
      kind: 'show-and-command',
      command: 'dropSelected',
    });
  });

  it('selects the next participant that is still in the call, wrapping round', () => {
    expect(planShortcutAction('selectNext', ctx(call))).toMatchObject({
      name: 'selectParticipant',
      input: { id: 'c' },
    });
    const atLast = snapshot({ participants: call.session!.participants, selectedId: 'c' });
    expect(planShortcutAction('selectNext', ctx(atLast))).toMatchObject({ input: { id: 'a' } });
    const none = snapshot({ participants: call.session!.participants, selectedId: null });
    expect(planShortcutAction('selectNext', ctx(none))).toMatchObject({ input: { id: 'a' } });
  });

  it('explains instead of acting when there is nothing to act on', () => {
    expect(planShortcutAction('toggleMuteSelected', ctx(snapshot(null)))).toMatchObject({ kind: 'explain' });
    const ended = snapshot({ status: 'ended', participants: [participant('a')], selectedId: 'a' });
    expect(planShortcutAction('toggleHoldSelected', ctx(ended))).toMatchObject({ kind: 'explain' });
    const empty = snapshot({ participants: [participant('x', 'dropped')], selectedId: 'x' });
    expect(planShortcutAction('selectNext', ctx(empty))).toMatchObject({ kind: 'explain' });
    const droppedSelected = snapshot({
      participants: [participant('a'), participant('x', 'dropped')],
      selectedId: 'x',
    });
    expect(planShortcutAction('dropSelected', ctx(droppedSelected))).toEqual({
      kind: 'explain',
      message: 'No participant is selected.',
    });
  });
});
