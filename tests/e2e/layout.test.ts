import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness } from './harness';
import { blurAll, eventually, launchEachTest, rowNamed, rowStates } from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

const PRIYA = { number: '98111 12222', label: 'Priya Supervisor' };
const BILLING = { number: '98222 23333', label: 'Billing desk' };
const LONG = { number: '98333 34444', label: 'Ravi from the escalations team in Bengaluru (night shift)' };

/** Nothing sticks out sideways: no horizontal scrolling, no element past the right edge. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page ${document.documentElement.scrollWidth}>${width}`);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (el.closest('.sr-only')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) out.push(`${el.tagName}.${el.className} right ${r.right}`);
      // Text cut short by its own box (an ellipsis or a clip).
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX === 'hidden' &&
        el.clientWidth > 0
      )
        out.push(`${el.tagName}.${el.className} clipped`);
    }
    return out;
  });
}

/** Every button in the window can be clicked (scrolled to if need be, and covered by nothing). */
async function everyButtonClickable(h: Harness): Promise<void> {
  const buttons = h.page.locator('button');
  const n = await buttons.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) await buttons.nth(i).click({ trial: true, timeout: 2000 });
}

async function threeStates(h: Harness): Promise<void> {
  await liveCallWith(h, [PRIYA, BILLING, LONG]);
  const [priya, billing] = (await h.call('getSnapshot', {})).session!.participants;
  await h.call('toggleMute', { id: priya!.id });
  await h.call('toggleHold', { id: billing!.id });
  await h.services.settled();
  await eventually(() => rowStates(h.page), ['muted', 'held', 'connected']);
}

describe('4. readable at 420 px', () => {
  it('long names and failure reasons are shown in full and are part of the name; the chip fits its word; no jump', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, [PRIYA, LONG]);
    await h.call('updateSettings', { patch: { account: { region: 'intl' } } });
    await h.fail('addParticipant', { number: '+14155550123', sip: false, label: 'US office' });
    await h.call('updateSettings', { patch: { account: { region: 'in' } } });
    await eventually(() => rowStates(page), ['connected', 'connected', 'failed']);
    expect(await overflowing(page)).toEqual([]);
    expect(await rowNamed(page, 'Ravi from').locator('.label').innerText()).toBe(LONG.label);
    await page
      .getByRole('button', { name: /US office.*Please pass valid Conference number.*failed/ })
      .waitFor();
    await h.screenshot('readable-420');

    const chip = (name: string) => rowNamed(page, name).locator('.chip').boundingBox();
    const mute = () => page.getByRole('button', { name: 'Mute Priya Supervisor' }).boundingBox();
    const before = { chip: (await chip('Priya'))!, mute: (await mute())! };
    await blurAll(page);
    await page.keyboard.press('1');
    await page.keyboard.press('m');
    await eventually(() => rowStates(page), ['muted', 'connected', 'failed']);
    const after = { chip: (await chip('Priya'))!, mute: (await mute())! };
    expect(after.chip.width).toBeLessThan(before.chip.width); // "muted" is shorter than "connected"
    expect(after.mute).toEqual(before.mute); // and nothing else moved
  });
});

describe('6. high contrast, text size, zoom', () => {
  it('forced colours: the selected row and a pressed Mute/Hold are distinguishable', async () => {
    const h = await launch({ forcedColors: true });
    const { page } = h;
    await threeStates(h);
    await blurAll(page);
    await page.keyboard.press('3');
    await eventually(() => rowNamed(page, 'Ravi from').getAttribute('aria-current'), 'true');
    const style = (sel: string, prop: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
    expect(await style('.participant.selected', 'outline-style')).toBe('solid');
    expect(await style('.participant:not(.selected)', 'outline-style')).toBe('none');
    const pressed = await style('.ctl[aria-pressed="true"]', 'background-color');
    const plain = await style('.ctl[aria-pressed="false"]', 'background-color');
    expect(pressed).not.toBe(plain);
    await h.screenshot('forced-colors');
  });

  it('follows the OS text size (24 px default) and stays usable', async () => {
    const h = await launch({ defaultFontSize: 24 });
    const { page } = h;
    await threeStates(h);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('19.5px');
    expect(await overflowing(page)).toEqual([]);
    await everyButtonClickable(h);
    await h.screenshot('text-size-24');
  });

  it('at 150% zoom every control is reachable and nothing sticks out', async () => {
    const h = await launch({ viewport: { width: 280, height: 253 }, deviceScaleFactor: 1.5 });
    const { page } = h;
    await threeStates(h);
    expect(await overflowing(page)).toEqual([]);
    await everyButtonClickable(h);
    await h.screenshot('zoom-150');
  });
});

describe('7. mini mode shows what matters', () => {
  it('a mark for every held or muted party, the full ucid on focus, nothing clipped at 320 px', async () => {
    const h = await launch({ viewport: { width: 320, height: 200 } });
    const { page } = h;
    await threeStates(h);
    const ucid = (await h.call('getSnapshot', {})).session!.ucid;
    await h.call('updateSettings', { patch: { behaviour: { miniMode: true } } });
    await page.locator('.toolbar.mini').waitFor();
    await blurAll(page);
    await page.keyboard.press('3');
    const marks = page.getByRole('list', { name: 'Held or muted' }).getByRole('listitem');
    expect(await marks.allTextContents()).toEqual([
      expect.stringMatching(/^1M.*Priya Supervisor muted$/),
      expect.stringMatching(/^2H.*Billing desk held$/),
    ]);
    expect(await overflowing(page)).toEqual([]);
    await h.screenshot('mini-320');
    const field = page.locator('.ucid-input');
    await field.focus();
    const shown = await field.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
    expect(shown).toBe(true);
    expect(await field.inputValue()).toBe(ucid);
    expect(await overflowing(page)).toEqual([]);
    await h.screenshot('mini-320-ucid-focused');
  });
});
