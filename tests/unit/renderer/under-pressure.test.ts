import { beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView, Snapshot } from '../../../shared/session';
import { previewNumber } from '../../../renderer/src/commands/session-actions';
import { loadPhoneRules } from '../../../renderer/src/lib/phone';
import { suggest } from '../../../renderer/src/lib/suggest';
import { describeChanges } from '../../../renderer/src/store/announce';

function person(id: string, over: Partial<ParticipantView> = {}): ParticipantView {
  return {
    id,
    number: `0981111222${id.slice(-1)}`,
    label: `P${id}`,
    sip: false,
    state: 'connected',
    held: false,
    muted: false,
    desiredHeld: false,
    desiredMuted: false,
    pending: null,
    connectedAt: 0,
    heldSince: null,
    lastError: null,
    ...over,
  };
}

function snap(seq: number, participants: ParticipantView[], selectedId: string | null): Snapshot {
  return {
    seq,
    demo: false,
    demoUcid: null,
    ready: true,
    missing: [],
    at: 0,
    session: {
      ucid: '4984996619038741',
      status: 'live',
      endedReason: null,
      demo: false,
      mode: 'token',
      startedAt: 0,
      agent: { number: '09800000001', pending: false },
      participants,
      selectedId,
    },
  };
}

// suggest() and the add-field preview read the number rules, which the toolbar loads after its first paint.
beforeAll(() => loadPhoneRules());

describe('announcements', () => {
  it('say a selection with its position and state, and "resumed" after hold', () => {
    const a = snap(1, [person('p1'), person('p2', { held: true })], 'p1');
    const b = snap(2, [person('p1'), person('p2')], 'p2');
    expect(describeChanges(a, b)).toEqual(['Pp2 resumed.', 'Pp2 selected, 2 of 2, connected.']);
  });

  it('leave failures to the error message, so a screen reader hears them once', () => {
    const error = { kind: 'Timeout' as const, message: 'CloudAgent did not answer.', remedy: 'r' };
    const a = snap(1, [person('p1', { state: 'dialing' })], 'p1');
    const b = snap(2, [person('p1', { state: 'unknown', lastError: error })], 'p1');
    expect(describeChanges(a, b)).toEqual([]);
  });
});

describe('directory suggestions', () => {
  it('never offer a party already in the call, under any spelling', () => {
    const directory = [
      { id: 'a', label: 'Priya', number: '98111 12222', sip: false, slot: 1 },
      { id: 'b', label: 'Billing', number: '+91 98222 23333', sip: false, slot: null },
    ];
    const offered = suggest('9', directory, [], 'in', 6, [{ number: '09811112222', sip: false }]);
    expect(offered.map((o) => o.label)).toEqual(['Billing']);
  });
});

describe('add-field guidance with SIP off', () => {
  it.each([
    ['desk@pbx.example', /turn on SIP/],
    ['sip:desk@pbx.example', /turn on SIP/],
    [
      '98111 12222 ext 45',
      /CloudAgent dials numbers without extensions: dial 98111 12222 and ask for extension 45/,
    ],
    ['98111 12222 x45', /without extensions/],
    ['4512', /If 4512 is an extension, turn on SIP to dial it\./],
  ])('%j', (text, message) => {
    const r = previewNumber(text, false, 'in');
    expect(r?.ok).toBe(false);
    expect(r && !r.ok ? r.message : '').toMatch(message);
  });

  it('leaves valid numbers and SIP-on input alone', () => {
    expect(previewNumber('98111 12222', false, 'in')).toEqual({ ok: true, value: '09811112222' });
    expect(previewNumber('4512', true, 'in')).toEqual({ ok: true, value: '4512' });
  });
});
