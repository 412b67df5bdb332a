import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvokeName } from '../../../shared/contract';
import type { NumberPrefill, ToastEvent } from '../../../shared/session';
import { createMemoryLogger } from '../../support/memory-logger';
import { parseDeepLink } from '../../../electron/shell/deep-link';
import { createDeepLinks } from '../../../electron/shell/deep-link-opener';
import { typedInvoke } from '../../../electron/shell/typed-invoke';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { configureAccount, invokers } from '../../support/services-parts';
import { FUZZ_SEED, runs } from '../support/budget';
import { fuzzEnv } from '../support/fuzz-env';
import { expectNoPollution } from '../support/payloads';

// confbar://, tel:, callto: and sip: links as any program could send them, through the shell's opener into
// the real services and the simulator: a link may open (or offer) a call and prefill a number, never dial,
// and never reach the window when refused.
const piece = fc.constantFrom(
  'confbar://',
  'CONFBAR://',
  'confbar:',
  'call',
  'CALL',
  'settings',
  '/',
  '//',
  '\\',
  '?',
  'ucid=',
  '&',
  '#',
  '@',
  ':',
  '.',
  '..',
  '%2e',
  '%2E%2e',
  '%2f',
  '%00',
  '%31',
  ' ',
  '\n',
  '\u0000',
  '\u202e',
  'apiKey=',
  'action=CONFERENCE',
  'conferenceNumber=09811112222',
  'number=',
  'javascript:',
  'file:///',
  'tel:',
  'callto:',
  'sip:',
  '+91-98111-12222',
  ';phone-context=+91',
  ';ext=12',
  'add=',
  'label=',
  'dial',
  'uui=',
  '%2B',
  '%20',
);
const ucidLike = fc.oneof(
  fc.stringMatching(/^\d{6,30}$/),
  fc.stringMatching(/^\d{1,40}$/),
  fc.constantFrom('1234567', '7777777'),
);
const link = fc.oneof(
  { weight: 3, arbitrary: ucidLike.map((u) => `confbar://call/${u}`) },
  { weight: 2, arbitrary: ucidLike.map((u) => `confbar://call?ucid=${u}`) },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof(piece, ucidLike, fc.string({ maxLength: 6 })), { maxLength: 12 })
      .map((p) => p.join('')),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.webUrl(), ucidLike).map(([u, d]) => `${u.replace(/^https?/, 'confbar')}/${d}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(ucidLike, fc.stringMatching(/^[+\d\-.()]{0,16}$/))
      .map(([u, n]) => `confbar://call/${u}?add=${encodeURIComponent(n)}`),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[+\d\-.()a-z%;=]{0,24}$/).map((n) => `tel:${n}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 600 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `confbar://call/${s}`) },
);

const DIALLING = new Set<InvokeName>([
  'addParticipant',
  'dialSpeedSlot',
  'retryDial',
  'startCall',
  'dropParticipant',
  'toggleMute',
  'toggleHold',
  'endForAgent',
]);

const env = fuzzEnv({
  name: 'links',
  setup: ({ services, sim }) =>
    configureAccount(invokers(services).call, { baseUrl: sim.url, account: DEMO_ACCOUNT, timeoutMs: 1000 }),
});

describe('fuzz: deep links', () => {
  it('a link never dials, never replaces a live call, and a refused one never shows the window', async () => {
    const live = env.sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    const calls: InvokeName[] = [];
    const invoke = typedInvoke(async (name, input) => {
      calls.push(name as InvokeName);
      return env.services.invoke(name, input);
    });
    const toasts: ToastEvent[] = [];
    const prefills: NumberPrefill[] = [];
    let shown = 0;
    const links = createDeepLinks();
    await links.ready({
      invoke,
      showWindow: () => void shown++,
      toast: (t) => void toasts.push(t),
      prefill: (p) => void prefills.push(p),
      log: createMemoryLogger(),
    });
    let n = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(link, fc.boolean(), async (url, withLiveCall) => {
        n++;
        // Half the links arrive while a call is live (and must leave it be), half with none open.
        await env.services.invoke('clearSession', {});
        if (withLiveCall) await env.services.invoke('setUcid', { text: live });
        calls.length = 0;
        toasts.length = 0;
        prefills.length = 0;
        shown = 0;
        await links.receive(url);
        expectNoPollution();
        const parsed = parseDeepLink(url);
        const snap = await env.services.invoke('getSnapshot', {});
        const session = snap.ok ? (snap.value as { session: { ucid: string } | null }).session : null;
        if (calls.some((c) => DIALLING.has(c))) throw new Error(`a link called ${calls.join(', ')}`);
        if (!parsed.ok) {
          if (shown !== 0 || calls.length !== 0 || prefills.length !== 0)
            throw new Error(`refused link acted: ${JSON.stringify(url)}`);
          if (toasts.length !== 1 || toasts[0]!.level !== 'error') throw new Error('no refusal toast');
          return;
        }
        const link = parsed.link;
        const bringsNumber = link.kind !== 'call' || link.add !== undefined;
        if (toasts.length === 1 && toasts[0]!.level === 'error' && shown === 0) {
          // A number the region cannot dial: refused in words, nothing else happened.
          if (!bringsNumber || prefills.length !== 0 || calls.some((c) => c === 'setUcid'))
            throw new Error(`a refused number acted: ${JSON.stringify(url)}`);
          return;
        }
        accepted++;
        for (const p of prefills)
          if (!/^(0\d{10}|\+\d{8,15})$/.test(p.number) && !p.sip) throw new Error(`prefilled ${p.number}`);
        if (shown !== 1) throw new Error('an accepted link did not bring the window forward');
        if (link.kind !== 'call') {
          if (prefills.length !== 1 || session?.ucid !== (withLiveCall ? live : undefined))
            throw new Error(`a number link did not prefill, or touched the call: ${JSON.stringify(url)}`);
          return;
        }
        if (!/^\d{6,30}$/.test(link.ucid)) throw new Error(`accepted ucid ${link.ucid}`);
        if (withLiveCall) {
          if (session?.ucid !== live) throw new Error(`a link replaced the live call with ${session?.ucid}`);
          if (link.ucid !== live && toasts[0]?.offer?.ucid !== link.ucid)
            throw new Error('no offer for a link during a live call');
          if (link.ucid !== live && bringsNumber && toasts[0]?.prefill === undefined)
            throw new Error('an offer dropped the number the link brought');
        } else if (session?.ucid !== link.ucid) throw new Error('an accepted link did not open its call');
        else if (bringsNumber && prefills.length !== 1) throw new Error('an opened call was not prefilled');
      }),
      { seed: FUZZ_SEED, numRuns: runs(10_000) },
    );
    expect(n).toBeGreaterThanOrEqual(runs(10_000));
    expect(accepted).toBeGreaterThan(0);
    expect(env.unhandled).toEqual([]);
    expect(env.guard.refused).toEqual([]);
    // Nothing ever reached CloudAgent but token and warm-up traffic: no call-control or dial request.
    expect(env.sim.requests.filter((r) => /callcontrol|manualdial/i.test(r.path))).toEqual([]);
  });
});
