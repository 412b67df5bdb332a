import { describe, expect, it } from 'vitest';
import type { NumberPrefill, ToastEvent } from '../../../shared/session';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createMemoryLogger } from '../../support/memory-logger';
import { createDeepLinks } from '../../../electron/shell/deep-link-opener';
import { recordingInvoke, snapshot } from './fakes';

function deps(answers: Parameters<typeof recordingInvoke>[0] = {}) {
  const { calls, invoke } = recordingInvoke({ getSnapshot: { ok: true, value: snapshot(null) }, ...answers });
  const toasts: ToastEvent[] = [];
  const prefills: NumberPrefill[] = [];
  let shown = 0;
  const log = createMemoryLogger();
  return {
    calls,
    toasts,
    prefills,
    log,
    shown: () => shown,
    d: {
      invoke,
      showWindow: () => void shown++,
      toast: (t: ToastEvent) => void toasts.push(t),
      prefill: (p: NumberPrefill) => void prefills.push(p),
      log,
    },
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

  const settings = (region: 'in' | 'intl') => ({
    getSettings: {
      ok: true as const,
      value: {
        settings: { ...DEFAULT_SETTINGS, account: { ...DEFAULT_SETTINGS.account, region } },
        locked: [],
      },
    },
  });
  const live = { getSnapshot: { ok: true as const, value: snapshot({ ucid: '7777777', status: 'live' }) } };

  it('hands a tel: number to the window, normalised for the region, and never dials', async () => {
    const links = createDeepLinks();
    const x = deps({ ...settings('in'), ...live });
    await links.ready(x.d);
    await links.receive('tel:+91-98111-12222');
    expect(x.prefills).toEqual([{ number: '09811112222', sip: false, label: null, kind: 'number' }]);
    expect(x.calls.map((c) => c.name)).toEqual(['getSettings', 'getSnapshot']);
    expect(x.shown()).toBe(1);
    expect(x.toasts).toEqual([]);
  });

  it('reads a local number in its phone-context, and callto: the same way', async () => {
    const links = createDeepLinks();
    const x = deps(settings('intl'));
    await links.ready(x.d);
    await links.receive('tel:98111-12222;phone-context=+91');
    await links.receive('callto://+1-415-555-0123');
    expect(x.prefills.map((p) => p.number)).toEqual(['+919811112222', '+14155550123']);
  });

  it('refuses a number the region cannot dial in words, and nothing else happens', async () => {
    const links = createDeepLinks();
    const x = deps(settings('intl'));
    await links.ready(x.d);
    await links.receive('tel:98111-12222');
    expect(x.prefills).toEqual([]);
    expect(x.shown()).toBe(0);
    expect(x.toasts).toEqual([
      {
        level: 'error',
        message: 'Ignored a tel: link: the number cannot be dialled.',
        remedy: expect.stringMatching(/^International numbers start with \+/),
      },
    ]);
  });

  it("gives an extension the add field's guidance", async () => {
    const links = createDeepLinks();
    const x = deps(settings('in'));
    await links.ready(x.d);
    await links.receive('tel:+91-98111-12222;ext=12');
    expect(x.prefills).toEqual([]);
    expect(x.toasts[0]?.remedy).toBe(
      'CloudAgent dials numbers without extensions: dial +919811112222 and ask for extension 12, or turn on SIP if 12 is a SIP extension.',
    );
  });

  it('confbar://call/<ucid>?add= opens that call, then prefills its number with the name given', async () => {
    const links = createDeepLinks();
    const x = deps(settings('in'));
    await links.ready(x.d);
    await links.receive('confbar://call/1234567890?add=%2B91%2098111%2012222&label=Priya%20Sharma');
    expect(x.calls.map((c) => c.name)).toEqual(['getSettings', 'getSnapshot', 'setUcid']);
    expect(x.prefills).toEqual([
      { number: '09811112222', sip: false, label: 'Priya Sharma', kind: 'number' },
    ]);
  });

  it('confbar://call/<ucid>?add= during another live call offers the switch, carrying the number', async () => {
    const links = createDeepLinks();
    const x = deps({ ...settings('in'), ...live });
    await links.ready(x.d);
    await links.receive('confbar://call/1234567890?add=9811112222');
    expect(x.calls.map((c) => c.name)).toEqual(['getSettings', 'getSnapshot']);
    expect(x.prefills).toEqual([]);
    expect(x.toasts[0]?.offer).toEqual({ ucid: '1234567890', label: 'Switch to 1234567890' });
    expect(x.toasts[0]?.prefill).toEqual({ number: '09811112222', sip: false, label: null, kind: 'number' });
    expect(x.toasts[0]?.remedy).toMatch(/Then 09811112222 goes into its add field \(not dialled\)\.$/);
  });

  it('confbar://dial carries its uui as the reference', async () => {
    const links = createDeepLinks();
    const x = deps(settings('in'));
    await links.ready(x.d);
    await links.receive('confbar://dial?number=09811112222&uui=ORDER-42');
    expect(x.prefills).toEqual([
      { number: '09811112222', sip: false, label: null, kind: 'dial', reference: 'ORDER-42' },
    ]);
  });

  it('a sip: link only joins a live call', async () => {
    const links = createDeepLinks();
    const x = deps(settings('in'));
    await links.ready(x.d);
    await links.receive('sip:priya@pbx.example.com');
    expect(x.prefills).toEqual([]);
    expect(x.toasts[0]?.message).toBe('Ignored a sip: link: a SIP address can only be added to a live call.');
    const y = deps({ ...settings('in'), ...live });
    const other = createDeepLinks();
    await other.ready(y.d);
    await other.receive('sip:priya@pbx.example.com;transport=tls');
    expect(y.prefills).toEqual([{ number: 'priya@pbx.example.com', sip: true, label: null, kind: 'number' }]);
  });
});
