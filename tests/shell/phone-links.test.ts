import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannels } from '../../shared/contract';
import type { NumberPrefill, ToastEvent } from '../../shared/session';
import { bootMain, until, type Booted } from './boot';
import { preventable } from './electron-double';
import { invokeOver, valueOf } from './ipc-driver';

// tel:, callto: and confbar://…?add= links through the BUILT main bundle against the Electron double (not
// the Electron e2e suite): the first launch's argv, a second instance's argv, macOS open-url; and what an
// installed ConfBar asks the OS for as the "Open phone links" option changes.
let booted: Booted;
const double = () => booted.double;
const win = () => {
  const w = double().windows()[0];
  if (!w) throw new Error('no toolbar window');
  return w;
};
const sentOn = <T>(channel: string) =>
  win()
    .webContents.sent.filter((m) => m.channel === channel)
    .map((m) => m.args[0] as T);
const prefills = () => sentOn<NumberPrefill>(eventChannels.prefill);
const toasts = () => sentOn<ToastEvent>(eventChannels.toast);
const snapshot = async () => valueOf(await invokeOver(double(), 'getSnapshot', {}));
const argv = process.argv;

beforeAll(async () => {
  // Windows and Linux start the first instance with the clicked link among its arguments.
  process.argv = [...argv, 'tel:+91-98111-12222'];
  try {
    booted = await bootMain({ packaged: true });
  } finally {
    process.argv = argv;
  }
  double().ready();
  await until(() => double().windows()[0]?.isVisible(), 'the toolbar window to show');
});
afterAll(() => {
  process.argv = argv;
});

describe('phone links under the Electron double (not the Electron e2e suite)', () => {
  it("the first launch's argv: the link's number reaches the page once it has loaded, not dialled", async () => {
    await until(() => prefills().length === 1, 'the prefill event');
    expect(prefills()[0]).toEqual({ number: '09811112222', sip: false, label: null, kind: 'number' });
    expect((await snapshot()).session).toBeNull();
  });

  it('a second instance with tel: or callto: hands the number over and brings the window forward', async () => {
    win().hide();
    double().electron.app.emit(
      'second-instance',
      preventable(),
      ['ConfBar.exe', 'callto:+919822223333'],
      '/',
    );
    await until(() => prefills().length === 2, 'the callto: prefill');
    expect(win().isVisible()).toBe(true);
    expect(prefills()[1]).toMatchObject({ number: '09822223333', kind: 'number' });

    double().electron.app.emit(
      'second-instance',
      preventable(),
      ['/opt/ConfBar/confbar', '--no-sandbox', 'tel:98111-12222;phone-context=+91'],
      '/',
    );
    await until(() => prefills().length === 3, 'the tel: prefill');
    expect(prefills()[2]?.number).toBe('09811112222');
  });

  it('macOS open-url: handled (default prevented) and prefilled', async () => {
    const event = preventable();
    double().electron.app.emit('open-url', event, 'callto://+91-98111-12222');
    expect(event.defaultPrevented).toBe(true);
    await until(() => prefills().length === 4, 'the open-url prefill');
    expect(prefills()[3]?.number).toBe('09811112222');
  });

  it('a link that is not a number is refused in words: no prefill, the window stays hidden', async () => {
    win().hide();
    const before = toasts().length;
    double().electron.app.emit('second-instance', preventable(), ['confbar', 'tel:1-800-FLOWERS'], '/');
    await until(() => toasts().length === before + 1, 'the refusal');
    expect(toasts().at(-1)).toMatchObject({
      level: 'error',
      message: 'Ignored a tel: link: the link is not a phone number (it has letters).',
    });
    expect(prefills()).toHaveLength(4);
    expect(win().isVisible()).toBe(false);
    win().show();
  });

  it('confbar://call/<ucid>?add= opens that call and prefills the number, naming it, without dialling', async () => {
    // Opening a call needs a usable account: demo mode's.
    valueOf(await invokeOver(double(), 'setDemo', { enabled: true }));
    double().electron.app.emit(
      'second-instance',
      preventable(),
      ['confbar', 'confbar://call/123456789012?add=%2B919811112222&label=Priya%20Sharma'],
      '/',
    );
    await until(() => prefills().length === 5, 'the ?add= prefill');
    expect(prefills()[4]).toEqual({
      number: '09811112222',
      sip: false,
      label: 'Priya Sharma',
      kind: 'number',
    });
    const s = await snapshot();
    expect(s.session?.ucid).toBe('123456789012');
    expect(s.session?.participants).toEqual([]);
    valueOf(await invokeOver(double(), 'clearSession', {}));
  });

  it('asks the OS for tel: and callto: only while "Open phone links" is on, and gives them back', async () => {
    const app = double().electron.app;
    // An installed app claims confbar:// at start; phone links are off by default: not asked for.
    expect(double().journal).toContain('app.setAsDefaultProtocolClient:confbar');
    expect(double().journal.filter((e) => /ProtocolClient:(tel|callto)/.test(e))).toEqual([]);

    valueOf(await invokeOver(double(), 'updateSettings', { patch: { behaviour: { phoneLinks: true } } }));
    await until(() => app.isDefaultProtocolClient('callto'), 'the registration');
    expect(app.isDefaultProtocolClient('tel')).toBe(true);

    valueOf(await invokeOver(double(), 'updateSettings', { patch: { behaviour: { phoneLinks: false } } }));
    await until(() => !app.isDefaultProtocolClient('tel'), 'the release');
    expect(app.isDefaultProtocolClient('callto')).toBe(false);
    expect(double().journal.filter((e) => /ProtocolClient:(tel|callto)/.test(e))).toEqual([
      'app.setAsDefaultProtocolClient:tel',
      'app.setAsDefaultProtocolClient:callto',
      'app.removeAsDefaultProtocolClient:tel',
      'app.removeAsDefaultProtocolClient:callto',
    ]);

    // A link the OS delivers is handled either way.
    double().electron.app.emit('open-url', preventable(), 'tel:+919811112222');
    await until(() => prefills().length === 6, 'a prefill with the option off');
  });
});
