import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT, PHONE, accountArgs, apiRequests, confbar, sim, tempHome } from './helpers';

const CUSTOMER = '09822224444';

describe.each(['legacy', 'basic', 'token'] as const)('confbar release-phone, %s mode', (mode) => {
  it('prints the released number on stdout, one per line, exit 0; the request form is the mode’s', async () => {
    const s = await sim({ stuckPhones: [PHONE] });
    const r = await confbar(['release-phone', ...accountArgs(s, mode)]);
    expect(r).toMatchObject({ code: 0, stdout: `${AGENT}\n` });
    expect(s.phoneState(PHONE)).toBe('free');
    const sent = apiRequests(s).filter((q) => /ReleaseFwpNumber/.test(q.path));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(
      mode === 'legacy' ? '/CAServices/ReleaseFwpNumber.php' : '/ca_apis/ReleaseFwpNumber',
    );
  });

  it('--json: one object with the numbers; a free phone gives an empty list and empty stdout lines', async () => {
    const s = await sim();
    const r = await confbar(['release-phone', ...accountArgs(s, mode), '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      ok: true,
      action: 'RELEASE_PHONE',
      status: 'success',
      numbers: [],
      phoneName: PHONE,
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exit 1 with the page’s words when the key is wrong', async () => {
    const s = await sim({ stuckPhones: [PHONE] });
    const r = await confbar(['release-phone', ...accountArgs(s, mode), '--json'], { apiKey: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, action: 'RELEASE_PHONE', error: { kind: 'AuthFailed' } });
    expect(s.phoneState(PHONE)).toBe('stuck');
  });

  it('exit 2, nothing sent, without a phone name', async () => {
    const s = await sim();
    const args = accountArgs(s, mode);
    args[args.indexOf('--agent-phone-name') + 1] = '';
    const r = await confbar(['release-phone', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--agent-phone-name/);
    expect(apiRequests(s)).toHaveLength(0);
  });
});

describe('confbar dial: Phone Manual Dial options', () => {
  it('checkStatus is sent true by default; a stuck phone is refused (exit 1) with the release remedy', async () => {
    const s = await sim({ stuckPhones: [PHONE] });
    const r = await confbar(['dial', CUSTOMER, ...accountArgs(s, 'basic')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Agent is busy on another call/);
    expect(r.stderr).toMatch(/release-phone/);
    expect(JSON.parse(apiRequests(s).at(-1)!.body)).toMatchObject({ checkStatus: true });
    const released = await confbar(['release-phone', ...accountArgs(s, 'basic')]);
    expect(released.stdout).toBe(`${AGENT}\n`);
    const again = await confbar(['dial', CUSTOMER, ...accountArgs(s, 'basic')]);
    expect(again.code).toBe(0);
  });

  it('--no-check-status, --call-limit and --uui reach the legacy query as documented', async () => {
    const s = await sim({ stuckPhones: [PHONE] });
    const r = await confbar([
      'dial',
      CUSTOMER,
      ...accountArgs(s, 'legacy'),
      '--no-check-status',
      '--call-limit',
      '600',
      '--uui',
      'TKT-1234',
    ]);
    expect(r.code).toBe(0);
    const ucid = r.stdout.trim();
    expect(s.getCall(ucid)?.dialOptions).toEqual({ checkStatus: false, callLimit: 600, uui: 'TKT-1234' });
    expect(apiRequests(s).at(-1)!.query).toMatchObject({
      checkStatus: 'false',
      callLimit: '600',
      uui: 'TKT-1234',
    });
  });

  it.each([
    ['--call-limit 0', ['--call-limit', '0'], /--call-limit: The call limit must be a whole number/],
    ['--call-limit 1.5', ['--call-limit', '1.5'], /--call-limit/],
    ['--call-limit 99999', ['--call-limit', '99999'], /14400/],
    ['--uui with <', ['--uui', 'a<b'], /--uui: The reference may hold/],
    ['--uui too long', ['--uui', 'x'.repeat(65)], /at most 64/],
    ['both check-status flags', ['--check-status', '--no-check-status'], /not both/],
  ])('%s: exit 2, refused in words, nothing sent', async (_name, extra, words) => {
    const s = await sim();
    const r = await confbar(['dial', CUSTOMER, ...accountArgs(s, 'token'), ...extra, '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    expect(String((r.json().error as { message: string }).message)).toMatch(words);
    expect(apiRequests(s)).toHaveLength(0);
  });

  it('a call limit the admin locked cannot be changed from the command line', async () => {
    const s = await sim();
    const home = tempHome();
    const policy = path.join(home, 'policy.json');
    fs.writeFileSync(policy, JSON.stringify({ account: { callLimit: 900 } }));
    const env = { CONFBAR_POLICY_FILE: policy };
    const refused = await confbar(['dial', CUSTOMER, ...accountArgs(s, 'basic'), '--call-limit', '60'], {
      home,
      env,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/administrator set the call limit to 900 seconds/);
    expect(apiRequests(s)).toHaveLength(0);
    const used = await confbar(['dial', CUSTOMER, ...accountArgs(s, 'basic')], { home, env });
    expect(used.code).toBe(0);
    expect(JSON.parse(apiRequests(s).at(-1)!.body)).toMatchObject({ callLimit: 900, checkStatus: true });
  });
});
