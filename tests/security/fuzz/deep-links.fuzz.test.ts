import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvokeName } from '../../../shared/contract';
import type { ToastEvent } from '../../../shared/session';
import { createMemoryLogger } from '../../support/memory-logger';
import { parseDeepLink } from '../../../electron/shell/deep-link';
import { createDeepLinks } from '../../../electron/shell/deep-link-opener';
import { typedInvoke } from '../../../electron/shell/typed-invoke';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server';
import { configureAccount, invokers } from '../../support/services-parts';
import { FUZZ_SEED, runs } from '../support/budget';
import { fuzzEnv } from '../support/fuzz-env';
import { expectNoPollution } from '../support/payloads';

// confbar:// links as any program could send them, through the shell's opener into the real services
// and the simulator: a link may open (or offer) a call, never dial, and never reach the window when refused.
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
    let shown = 0;
    const links = createDeepLinks();
    await links.ready({
      invoke,
      showWindow: () => void shown++,
      toast: (t) => void toasts.push(t),
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
        shown = 0;
        await links.receive(url);
        expectNoPollution();
        const parsed = parseDeepLink(url);
        const snap = await env.services.invoke('getSnapshot', {});
        const session = snap.ok ? (snap.value as { session: { ucid: string } | null }).session : null;
        if (calls.some((c) => DIALLING.has(c))) throw new Error(`a link called ${calls.join(', ')}`);
        if (!parsed.ok) {
          if (shown !== 0 || calls.length !== 0)
            throw new Error(`refused link acted: ${JSON.stringify(url)}`);
          if (toasts.length !== 1 || toasts[0]!.level !== 'error') throw new Error('no refusal toast');
          return;
        }
        accepted++;
        if (!/^\d{6,30}$/.test(parsed.link.ucid)) throw new Error(`accepted ucid ${parsed.link.ucid}`);
        if (shown !== 1) throw new Error('an accepted link did not bring the window forward');
        if (withLiveCall) {
          if (session?.ucid !== live) throw new Error(`a link replaced the live call with ${session?.ucid}`);
          if (parsed.link.ucid !== live && toasts[0]?.offer?.ucid !== parsed.link.ucid)
            throw new Error('no offer for a link during a live call');
        } else if (session?.ucid !== parsed.link.ucid)
          throw new Error('an accepted link did not open its call');
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
