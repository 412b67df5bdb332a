import { expect, it } from 'vitest';
import { blurAll, eventually, launchEachTest, rowStates, tabTo, ucidShown } from './helpers';

const launch = launchEachTest();

it('first run: the guide says what is missing; demo mode runs a whole simulated call', async () => {
  const h = await launch({ configure: false });
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

it('first run: demo mode offers its ready-made call; Enter opens it and a participant can be added', async () => {
  const h = await launch({ configure: false });
  const { page } = h;
  await page.getByRole('button', { name: 'Use demo mode' }).click();
  // Turning demo on from the guide puts focus on the offer, so the next Enter opens the call.
  const offer = page.getByRole('button', { name: 'Open the demo call' });
  await eventually(() => offer.evaluate((el) => el === document.activeElement), true);
  const { demoUcid } = await h.call('getSnapshot', {});
  expect(demoUcid).toMatch(/^\d{6,}$/);
  await h.screenshot('demo-offer');
  // The mini toolbar offers it too, in fewer words.
  await page.keyboard.press('x');
  await page.getByRole('button', { name: 'Open demo call' }).waitFor();
  await h.screenshot('demo-offer-mini');
  await page.keyboard.press('x');
  await offer.waitFor();

  // Reachable with Tab too, like every other control.
  await blurAll(page);
  expect(await tabTo(page, offer)).toBe(true);
  await page.keyboard.press('Enter');
  await eventually(() => ucidShown(page), demoUcid);
  await eventually(() => page.locator('.chip-session').textContent(), 'live');
  expect(await offer.count()).toBe(0);

  await page.keyboard.press('n');
  await page.keyboard.type('98111 12222');
  await page.keyboard.press('Enter');
  await eventually(() => rowStates(page), ['connected']);
  expect((await h.call('getSnapshot', {})).session).toMatchObject({
    ucid: demoUcid,
    demo: true,
    participants: [{ number: '09811112222', state: 'connected' }],
  });
});

it('first run: "Set up account" opens the settings panel, and Esc comes back to the guide', async () => {
  const h = await launch({ configure: false });
  const { page } = h;
  await page.getByRole('button', { name: 'Set up account' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Welcome to ConfBar' }).waitFor();
});
