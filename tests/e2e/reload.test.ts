import { afterEach, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness';
import { closeChecked, blurAll, eventually, rowStates, ucidShown } from './helpers';
import { liveCallWith } from './session-setup';

let h: Harness | undefined;
afterEach(async () => {
  const done = h;
  h = undefined;
  await closeChecked(done);
});

it('a reload shows the same session from main, and the half-typed number survives', async () => {
  h = await launchHarness();
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
  expect(h.pageErrors).toEqual([]);
});
