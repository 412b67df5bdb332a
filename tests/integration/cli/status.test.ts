import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWithCall, BILLING, SUPERVISOR } from './app-journal';
import { SECRET, confbar, tempHome } from './helpers';

describe('confbar status: what the app journal holds, read only', () => {
  it('prints the call, who is held and who is muted; exit 0; no secret; nothing changed', async () => {
    const home = tempHome();
    const { services, ucid } = await appWithCall(home);
    const before = readdirSync(join(home, 'settings', 'session'));
    const r = await confbar(['status'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Call ${ucid} (live), account demo@`);
    expect(r.stdout).toMatch(/1\. Supervisor \(09811112222\): held\n/);
    expect(r.stdout).toMatch(/2\. 09822223333: muted\n/);
    const json = (await confbar(['status', '--json'], { home })).json();
    expect(json).toMatchObject({
      ok: true,
      action: 'STATUS',
      status: 'Live',
      ucid,
      held: [SUPERVISOR],
      muted: [BILLING],
    });
    expect(JSON.stringify(json) + r.stdout + r.stderr).not.toContain(SECRET);
    expect(readdirSync(join(home, 'settings', 'session'))).toEqual(before);
    await services.dispose();
  });

  it('no journal: exit 1 "No call is journaled"; a torn one: exit 3, and the file is left as it was', async () => {
    const home = tempHome();
    const none = await confbar(['status', '--json'], { home });
    expect(none.code).toBe(1);
    expect(none.json()).toMatchObject({ ok: false, status: 'NoCall', ucid: null });
    const dir = join(home, 'settings', 'session');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'session.json'), '{"format":1,"chec');
    const torn = await confbar(['status'], { home });
    expect(torn.code).toBe(3);
    expect(torn.stdout).toMatch(/cannot be read: the file is incomplete/);
    expect(readdirSync(dir)).toEqual(['session.json']);
  });
});
