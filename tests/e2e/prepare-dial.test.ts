import { describe, expect, it } from 'vitest';
import { blurAll, eventually, launchEachTest } from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();
const heads = (h: Awaited<ReturnType<typeof launch>>) =>
  h.sim.requests.filter((r) => r.method === 'HEAD').length;

describe('the add field warms the connection before a dial', () => {
  it('focusing it (N) and typing refresh an idle connection once, and dial nothing', async () => {
    const h = await launch();
    const { page, sim } = h;
    await liveCallWith(h, [{ number: '98111 12222', label: 'Priya Supervisor' }]);
    await blurAll(page);
    // Long enough idle that the pooled connection is due for a refresh (half the 4 s safe age).
    await new Promise((r) => setTimeout(r, 2200));
    sim.clearRequests();
    await page.keyboard.press('n');
    const field = page.getByRole('combobox', { name: /Add participant/ });
    await eventually(() => field.evaluate((el) => el === document.activeElement), true);
    await eventually(() => heads(h), 1);
    await page.keyboard.type('98765', { delay: 20 }); // within a second of the focus: no second refresh
    await new Promise((r) => setTimeout(r, 300));
    expect(heads(h)).toBe(1);
    expect(sim.requests.filter((r) => r.method !== 'HEAD')).toEqual([]);
  });
});
