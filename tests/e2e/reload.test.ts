import { expect, it } from 'vitest';
import { blurAll, eventually, launchEachTest, rowStates, ucidShown } from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

it('a reload shows the same session from main, and the half-typed number survives', async () => {
  const h = await launch();
  const { page } = h;
  const ucid = await liveCallWith(h, [
    { number: '98111 12222', label: 'Priya Supervisor' },
    { number: '98222 23333', label: 'Billing desk' },
  ]);
  await blurAll(page);
  await page.keyboard.press('2');
  await page.keyboard.press('h');
  await eventually(() => rowStates(page), ['connected', 'held']);
  await page.keyboard.press('n');
  await page.keyboard.type('98333');

  await page.reload();
  await eventually(() => ucidShown(page), ucid);
  await eventually(() => rowStates(page), ['connected', 'held']);
  expect(await page.locator('li.participant[aria-current="true"] .label').textContent()).toBe('Billing desk');
  expect(await page.getByRole('combobox', { name: /Add participant/ }).inputValue()).toBe('98333');
});
