import { describe, expect, it } from 'vitest';
import { contrastProblems } from './contrast';
import { type Harness } from './harness';
import { blurAll, eventually, launchEachTest, rowNamed, rows, rowStates } from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

const FOUR = [
  { number: '98111 12222', label: 'Priya Supervisor' },
  { number: '98222 23333', label: 'Billing desk' },
  { number: '98333 34444', label: 'Escalations' },
  { number: '98444 45555' },
];

/** Four participants: muted, held, connected and one whose dial went unanswered. */
async function fourInStates(harness: Harness): Promise<void> {
  const { page, sim } = harness;
  await liveCallWith(harness, FOUR.slice(0, 3));
  await blurAll(page);
  await page.keyboard.press('1');
  await page.keyboard.press('m');
  await eventually(() => rowStates(page), ['muted', 'connected', 'connected']);
  await page.keyboard.press('2');
  await page.keyboard.press('h');
  await eventually(() => rowStates(page), ['muted', 'held', 'connected']);
  sim.injectFault({ kind: 'noAnswer' }, { path: /callcontrol/i });
  await harness.fail('addParticipant', { number: FOUR[3]!.number, sip: false });
  await eventually(() => rowStates(page), ['muted', 'held', 'connected', 'unknown']);
}

describe('appearance', () => {
  it('four participants fit 420 px without scrolling, and a state change moves nothing', async () => {
    const h = await launch({ timeoutMs: 1000 });
    const { page } = h;
    await fourInStates(h);
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow.x).toBeLessThanOrEqual(0);
    expect(overflow.y).toBeLessThanOrEqual(0);

    const boxes = () =>
      rows(page)
        .nth(2)
        .locator('button')
        .evaluateAll((els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())));
    const before = await boxes();
    await page.keyboard.press('3');
    await page.keyboard.press('h');
    await eventually(() => rowStates(page), ['muted', 'held', 'held', 'unknown']);
    expect(await boxes()).toEqual(before);
    expect(await contrastProblems(page)).toEqual([]);
  });

  it('light theme: live session screenshot, AA contrast, names on every control, visible focus', async () => {
    const h = await launch({ timeoutMs: 1000 });
    const { page } = h;
    await fourInStates(h);
    await page.keyboard.press('Escape'); // the toast from the unanswered dial
    await eventually(() => page.getByRole('alert').count(), 0);
    await h.screenshot('live-session-states');
    expect(await contrastProblems(page)).toEqual([]);

    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, [role="switch"], [role="combobox"]')]
        .filter((el) => {
          const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
          return label.trim() === '';
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);

    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  it('dark theme follows the OS; behaviour.theme forces one through data-theme', async () => {
    const h = await launch({ colorScheme: 'dark', timeoutMs: 1000 });
    const { page } = h;
    await fourInStates(h);
    await page.keyboard.press('Escape');
    await eventually(() => page.getByRole('alert').count(), 0);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(15, 20, 26)');
    expect(await contrastProblems(page)).toEqual([]);
    await h.screenshot('dark-theme');

    await h.call('updateSettings', { patch: { behaviour: { theme: 'light' } } });
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme), 'light');
    expect(await background()).toBe('rgb(243, 245, 248)');
    expect(await contrastProblems(page)).toEqual([]);
    await h.call('updateSettings', { patch: { behaviour: { theme: 'system' } } });
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
    expect(await background()).toBe('rgb(15, 20, 26)');
  });

  it('mini mode: one row with the selected participant and its controls; X toggles, N reveals the field', async () => {
    const h = await launch({ demo: false });
    const { page } = h;
    await liveCallWith(h, FOUR.slice(0, 2));
    await blurAll(page);
    await page.keyboard.press('2');
    await page.keyboard.press('h');
    await eventually(() => rowStates(page), ['connected', 'held']);
    await page.keyboard.press('x');
    await page.locator('main.toolbar.mini').waitFor();
    expect((await h.call('getSettings', {})).settings.behaviour.miniMode).toBe(true);
    const height = await page
      .locator('main.toolbar .toolbar-content')
      .evaluate((el) => el.getBoundingClientRect().height + 8);
    // One row when it fits; crowded (marks, long names, 320 px) it wraps to a second rather than clipping.
    expect(height).toBeLessThanOrEqual(80);
    await page.setViewportSize({ width: 420, height: Math.ceil(height) });
    await h.screenshot('mini-mode');
    expect(await contrastProblems(page)).toEqual([]);

    // The keys still work on the selection.
    await page.keyboard.press('h');
    await eventually(
      () => page.getByRole('button', { name: 'Hold Billing desk' }).getAttribute('aria-pressed'),
      'false',
    );
    await page.setViewportSize({ width: 420, height: 380 });
    await page.keyboard.press('n');
    const add = page.getByRole('combobox', { name: /Add participant/ });
    await eventually(() => add.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await eventually(() => add.count(), 0);

    await page.keyboard.press('x');
    await page.locator('main.toolbar.expanded').waitFor();
    expect(await rowNamed(page, 'Billing desk').count()).toBe(1);
  });

  it('the window follows the content: it grows with rows and shrinks to one row in mini mode', async () => {
    const h = await launch({ demo: false });
    const { page } = h;
    const latest = () => h.contentHeights.at(-1) ?? 0;
    await eventually(() => h.contentHeights.length > 0, true);
    const empty = latest();
    await liveCallWith(h, FOUR.slice(0, 3));
    await eventually(() => latest() > empty, true);
    const expanded = latest();
    const natural = await page
      .locator('main.toolbar .toolbar-content')
      .evaluate((el) => el.getBoundingClientRect().height);
    // The view fills the 380 px viewport, but what is reported is what its content needs.
    expect(expanded).toBeGreaterThanOrEqual(Math.floor(natural));
    await blurAll(page);
    await page.keyboard.press('x');
    await page.locator('main.toolbar.mini').waitFor();
    await eventually(() => latest() < expanded && latest() <= 100, true);
    await page.keyboard.press('x');
    await page.locator('main.toolbar.expanded').waitFor();
    await eventually(() => latest(), expanded);
  });

  it('help overlay lists the shortcuts; Esc closes it', async () => {
    const h = await launch();
    const { page } = h;
    await h.call('addContact', {
      contact: { label: 'Billing desk', number: '98222 23333', sip: false, slot: 2 },
    });
    await liveCallWith(h, FOUR.slice(0, 1));
    await blurAll(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    for (const line of [
      'Add a participant',
      'Mute / unmute selected',
      'Dial speed-dial slot',
      'Billing desk',
    ]) {
      expect(text).toContain(line);
    }
    await h.screenshot('help-overlay');
    expect(await contrastProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await eventually(() => help.count(), 0);
  });

  it('settings replace the toolbar (gear or ,), Esc returns, and a half-typed number is still there', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, FOUR.slice(0, 1));
    await blurAll(page);
    await page.keyboard.press('n');
    await page.keyboard.type('98777');
    await page.keyboard.press('Escape');
    await page.keyboard.press(',');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect(await page.locator('main.toolbar').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('main.toolbar').waitFor();
    expect(await page.getByRole('combobox', { name: /Add participant/ }).inputValue()).toBe('98777');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Close settings' }).click();
    await page.locator('main.toolbar').waitFor();
  });
});
