import { afterEach, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness';
import { closeChecked, eventually, rowStates, ucidShown } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  const done = h;
  h = undefined;
  await closeChecked(done);
});

it('first run: the guide says what is missing; demo mode runs a whole simulated call', async () => {
  h = await launchHarness({ configure: false });
  const { page } = h;
  const guide = page.getByRole('region', { name: 'Welcome to ConfBar' });
  await guide.waitFor();
  expect(await guide.textContent()).toContain('API key');
  await h.screenshot('first-run');

  await page.getByRole('button', { name: 'Use demo mode' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('note').filter({ hasText: 'DEMO — simulated calls' }).waitFor();

  // C starts a (simulated) call to a customer; the returned ucid opens the session.
  await page.keyboard.press('c');
  const customer = page.getByRole('textbox', { name: 'Customer number to call' });
  await eventually(() => customer.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('98555 56666');
  await eventually(() => page.locator('#start-hint').textContent(), 'will call 09855556666');
  await page.keyboard.press('Enter');
  await eventually(async () => /^\d{6,}$/.test(await ucidShown(page)), true);

  await page.keyboard.press('n');
  await page.keyboard.type('98111 12222');
  await page.keyboard.press('Enter');
  await eventually(() => rowStates(page), ['connected']);
  await page.keyboard.press('m');
  await eventually(() => rowStates(page), ['muted']);
  expect((await h.call('getSnapshot', {})).demo).toBe(true);
  await h.screenshot('demo-session');
});

it('first run: "Set up account" opens the settings panel, and Esc comes back to the guide', async () => {
  h = await launchHarness({ configure: false });
  const { page } = h;
  await page.getByRole('button', { name: 'Set up account' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Welcome to ConfBar' }).waitFor();
});
