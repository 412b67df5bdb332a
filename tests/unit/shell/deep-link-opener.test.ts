import { describe, expect, it } from 'vitest';
import type { ToastEvent } from '../../../shared/session';
import { createMemoryLogger } from '../../support/memory-logger';
import { createDeepLinks } from '../../../electron/shell/deep-link-opener';
import { recordingInvoke, snapshot } from './fakes';

function deps(answers: Parameters<typeof recordingInvoke>[0] = {}) {
  const { calls, invoke } = recordingInvoke({ getSnapshot: { ok: true, value: snapshot(null) }, ...answers });
  const toasts: ToastEvent[] = [];
  let shown = 0;
  const log = createMemoryLogger();
  return {
    calls,
    toasts,
    log,
    shown: () => shown,
    d: { invoke, showWindow: () => void shown++, toast: (t: ToastEvent) => void toasts.push(t), log },
  };
}

describe('createDeepLinks', () => {
  it('opens the call of a link and shows the window', async () => {
    const links = createDeepLinks();
    const x = deps();
    await links.ready(x.d);
    await links.receive('confbar://call/1234567890');
    expect(x.calls).toEqual([
      { name: 'getSnapshot', input: {} },
      { name: 'setUcid', input: { text: '1234567890' } },
    ]);
    expect(x.shown()).toBe(1);
    expect(x.toasts).toEqual([]);
  });

  it('opens the call of a link when the call on screen has ended', async () => {
    const links = createDeepLinks();
    const x = deps({ getSnapshot: { ok: true, value: snapshot({ ucid: '7777777', status: 'ended' }) } });
    await links.ready(x.d);
    await links.receive('confbar://call/1234567890');
    expect(x.calls.map((c) => c.name)).toEqual(['getSnapshot', 'setUcid']);
  });

  it('during a live call only offers to switch, naming the ucid, with a key and a button', async () => {
    const links = createDeepLinks();
    const x = deps({ getSnapshot: { ok: true, value: snapshot({ ucid: '7777777', status: 'live' }) } });
    await links.ready(x.d);
    await links.receive('confbar://call/1234567890');
    expect(x.calls.map((c) => c.name)).toEqual(['getSnapshot']);
    expect(x.shown()).toBe(1);
    expect(x.toasts).toEqual([
      {
        level: 'info',
        message: 'A confbar:// link asks to open ucid 1234567890, but call 7777777 is still live.',
        remedy: expect.stringMatching(/^Press O or choose Switch/),
        offer: { ucid: '1234567890', label: 'Switch to 1234567890' },
      },
    ]);
  });

  it('a link to the live call only brings the window forward', async () => {
    const links = createDeepLinks();
    const x = deps({ getSnapshot: { ok: true, value: snapshot({ ucid: '1234567', status: 'live' }) } });
    await links.ready(x.d);
    await links.receive('confbar://call?ucid=1234567');
    expect(x.calls.map((c) => c.name)).toEqual(['getSnapshot']);
    expect(x.shown()).toBe(1);
    expect(x.toasts).toEqual([]);
  });

  it('offers rather than switches when the state of the call cannot be read', async () => {
    const error = { kind: 'Internal' as const, message: 'x', remedy: 'y' };
    const links = createDeepLinks();
    const x = deps({ getSnapshot: { ok: false, error } });
    await links.ready(x.d);
    await links.receive('confbar://call/1234567890');
    expect(x.calls.map((c) => c.name)).toEqual(['getSnapshot']);
    expect(x.toasts[0]?.offer).toEqual({ ucid: '1234567890', label: 'Switch to 1234567890' });
  });

  it('holds links that come before the window is ready and opens only the latest', async () => {
    const links = createDeepLinks();
    await links.receive('confbar://call/1111111');
    await links.receive('confbar://call?ucid=2222222');
    const x = deps();
    await links.ready(x.d);
    expect(x.calls.filter((c) => c.name === 'setUcid')).toEqual([
      { name: 'setUcid', input: { text: '2222222' } },
    ]);
  });

  it('refuses a hostile link with a toast that does not repeat it, and calls nothing', async () => {
    const links = createDeepLinks();
    const x = deps();
    await links.ready(x.d);
    await links.receive('confbar://call?ucid=1234567&apiKey=LEAKME');
    await links.receive('confbar://call/x/../1234567');
    expect(x.calls).toEqual([]);
    expect(x.shown()).toBe(0);
    expect(x.toasts).toHaveLength(2);
    expect(x.toasts.map((t) => t.level)).toEqual(['error', 'error']);
    expect(JSON.stringify(x.toasts) + x.log.lines().join('')).not.toContain('LEAKME');
  });

  it('shows why the call could not be opened', async () => {
    const error = { kind: 'Busy' as const, message: 'Wait for the current request', remedy: 'wait' };
    const links = createDeepLinks();
    const x = deps({ setUcid: { ok: false, error } });
    await links.ready(x.d);
    await links.receive('confbar://call/1234567');
    expect(x.toasts).toEqual([{ level: 'error', ...error }]);
  });
});
