import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/server';
import { KEYRING, PARTY, SECRET, accountArgs, callWithParty, confbar, sim, tempHome } from './helpers';

const SLOW = { timeout: 60_000 };
const SKIP_REASON = 'needs a real Secret Service: run under scripts/with-keyring.sh (sets CONFBAR_KEYRING=1)';

const generations = (s: Simulator) => s.requests.filter((r) => /generatetoken/i.test(r.path)).length;

describe.skipIf(!KEYRING)(
  `the OS keychain (${KEYRING ? 'real Secret Service' : `skipped: ${SKIP_REASON}`})`,
  () => {
    it('key set --stdin, key status, an action using the stored key, key clear', SLOW, async () => {
      const s = await sim();
      const ucid = callWithParty(s);
      const home = tempHome();
      const where = ['--user', 'demo', '--base-url', s.url];
      const run = (args: string[], stdin?: string) =>
        confbar(args, { home, keyring: true, apiKey: null, stdin });

      const set = await run(['key', 'set', '--stdin', ...where], `${SECRET}\n`);
      expect(set.code).toBe(0);
      expect(set.stdout).toMatch(/^Stored the API key for demo@127\.0\.0\.1:\d+ in the /);

      const empty = await run(['key', 'set', '--stdin', ...where], '\n');
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('No API key on standard input');

      const status = await run(['key', 'status', ...where, '--json']);
      expect(status.code).toBe(0);
      expect(status.json()).toMatchObject({ ok: true, action: 'KEY_STATUS', stored: true });

      const hold = await run(['hold', PARTY, '--ucid', ucid, ...accountArgs(s, 'basic')]);
      expect(hold.code).toBe(0);
      expect(s.getCall(ucid)?.participants.get(PARTY)?.held).toBe(true);
      expect(s.requests.at(-1)?.headers['apikey']).toBe(SECRET);

      const clear = await run(['key', 'clear', ...where]);
      expect(clear.code).toBe(0);
      expect(clear.stdout).toMatch(/^Removed the API key/);

      const after = await run(['key', 'status', ...where]);
      expect(after.code).toBe(2);
      expect(after.stderr).toMatch(/No API key is stored for demo@/);

      const without = await run(['unhold', PARTY, '--ucid', ucid, ...accountArgs(s, 'basic'), '--json']);
      expect(without.code).toBe(2);
      expect(without.json()).toMatchObject({ error: { kind: 'NoApiKey' } });

      for (const r of [set, empty, status, hold, clear, after, without]) {
        expect(r.stdout + r.stderr).not.toContain(SECRET);
      }
    });

    it('successive token-mode runs share one token through the keychain', SLOW, async () => {
      const s = await sim();
      const ucid = callWithParty(s);
      const home = tempHome();
      const run = (args: string[]) => confbar(args, { home, keyring: true });
      for (const action of ['mute', 'unmute', 'hold']) {
        const r = await run([action, PARTY, '--ucid', ucid, ...accountArgs(s, 'token'), '--verbose']);
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('token cache: the OS keychain');
      }
      expect(generations(s)).toBe(1);
    });

    it(
      'a token the server no longer accepts is renewed once and the action still succeeds',
      SLOW,
      async () => {
        const s = await sim();
        const ucid = callWithParty(s);
        const home = tempHome();
        const run = (args: string[]) => confbar(args, { home, keyring: true });
        expect((await run(['mute', PARTY, '--ucid', ucid, ...accountArgs(s, 'token')])).code).toBe(0);
        // Another client (the app) generated a newer token for the user: the cached one is superseded.
        const superseded = await fetch(`${s.url}/ca_apis/CAToken/generateToken`, {
          method: 'POST',
          headers: { apiKey: SECRET, 'Content-Type': 'application/json' },
          body: JSON.stringify({ userName: 'demo' }),
        });
        expect(superseded.ok).toBe(true);
        const r = await run(['unmute', PARTY, '--ucid', ucid, ...accountArgs(s, 'token')]);
        expect(r.code).toBe(0);
        expect(generations(s)).toBe(3);
      },
    );
  },
);

describe('token cache without a keychain', () => {
  it('falls back to memory: each run generates its own token', SLOW, async () => {
    const s = await sim();
    const ucid = callWithParty(s);
    for (const action of ['mute', 'unmute']) {
      const r = await confbar([action, PARTY, '--ucid', ucid, ...accountArgs(s, 'token'), '--verbose']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('token cache: memory (this run only)');
    }
    expect(generations(s)).toBe(2);
  });
});
