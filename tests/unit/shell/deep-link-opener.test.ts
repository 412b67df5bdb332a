import { describe, expect, it } from 'vitest';
import type { ToastEvent } from '../../../shared/session';
import { createMemoryLogger } from '../../support/memory-logger';
import { createDeepLinks } from '../../../electron/shell/deep-link-opener';
import { recordingInvoke } from './fakes';

function deps(answers: Parameters<typeof recordingInvoke>[0] = {}) {
  const { calls, invoke } = recordingInvoke(answers);
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
    expect(x.calls).toEqual([{ name: 'setUcid', input: { text: '1234567890' } }]);
    expect(x.shown()).toBe(1);
    expect(x.toasts).toEqual([]);
  });

  it('holds links that come before the window is ready and opens only the latest', async () => {
    const links = createDeepLinks();
    await links.receive('confbar://call/1111111');
    await links.receive('confbar://call?ucid=2222222');
    const x = deps();
    await links.ready(x.d);
    expect(x.calls).toEqual([{ name: 'setUcid', input: { text: '2222222' } }]);
  });

  it('refuses a hostile link with a toast that does not repeat it, and calls nothing', async () => {
    const links = createDeepLinks();
    const x = deps();
    await links.ready(x.d);
    await links.receive('confbar://call?ucid=1234567&apiKey=LEAKME');
    expect(x.calls).toEqual([]);
    expect(x.toasts).toHaveLength(1);
    expect(x.toasts[0]?.level).toBe('error');
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
