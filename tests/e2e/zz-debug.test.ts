import { it } from 'vitest';
import { launchHarness } from './harness';
import { liveCallWith } from './session-setup';
import { blurAll } from './helpers';
it('dbg', async () => {
  const h = await launchHarness();
  await h.call('updateSettings', { patch: { shortcuts: { window: { mute: 'k' } } } });
  await liveCallWith(h, [{ number: '98111 12222', label: 'Priya' }]);
  await blurAll(h.page);
  h.page.on('console', (m) => console.log(m.text()));
  await h.page.keyboard.press('1');
  await h.page.keyboard.press('m');
  await h.page.keyboard.press('?');
  await h.page.waitForTimeout(300);
  console.log(await h.page.locator('.overlay').count(), await h.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
  console.log(await h.page.locator('.overlay').evaluate((e) => e.outerHTML.slice(0, 300)).catch((e) => String(e)));
  await h.close();
});
