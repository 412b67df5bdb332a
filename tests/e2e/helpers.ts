import type { Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { launchHarness, type Harness, type HarnessOptions } from './harness';

export { actionsSent } from '../support/sim-requests';

/** Waits (polling) until `read` returns `expected`; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T> | T,
  expected: T,
  timeout = 10_000,
): Promise<void> {
  await expect.poll(read, { timeout, interval: 50 }).toEqual(expected);
}

/** Records every sentence the live region says from now on; the function returns them so far. */
export async function listenToAnnouncer(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __said: string[] };
    w.__said = [];
    const region = document.querySelector('[data-testid="announcer"]')!;
    new MutationObserver(() => {
      const t = (region.textContent ?? '').replace(/\u00a0/g, '').trim();
      if (t) w.__said.push(t);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
}

/** Puts `text` on the clipboard, then presses Ctrl+V like the agent does. */
export async function pasteWithKeyboard(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** The participant rows, in order. */
export function rows(page: Page): Locator {
  return page.getByRole('list', { name: 'Participants' }).getByRole('listitem');
}

export function rowNamed(page: Page, name: string): Locator {
  return rows(page).filter({ hasText: name });
}

/** Presses digit `n` (the select key) and waits until the row showing `name` is the selected one. */
export async function selectWithKey(page: Page, n: number, name: string): Promise<void> {
  await page.keyboard.press(String(n));
  await eventually(() => rowNamed(page, name).getAttribute('aria-current'), 'true');
}

/** The state chip's word for each row, e.g. ['muted', 'held', 'connected']. */
export async function rowStates(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-state') ?? ''));
}

/** Nothing has focus but the page itself: keys are commands, not text. */
export async function blurAll(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Presses Tab until `target` has focus (at most `max` times); whether it got there. */
export async function tabTo(page: Page, target: Locator, max = 20): Promise<boolean> {
  const focused = () => target.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await focused()) return true;
  }
  return false;
}

export async function ucidShown(page: Page): Promise<string> {
  return page.locator('.ucid-input').inputValue();
}

/**
 * One harness per test: returns the launcher, and after each test closes what it launched, failing the
 * test if the page logged an error. `defaults` apply to every launch of the file.
 */
export function launchEachTest(defaults: HarnessOptions = {}): (opts?: HarnessOptions) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    const done = current;
    current = undefined;
    await closeChecked(done);
  });
  return async (opts = {}) => {
    current = await launchHarness({ ...defaults, ...opts });
    return current;
  };
}

/** Closes the harness, then fails the test if the page logged an error (a crash, a CSP violation). */
export async function closeChecked(
  h: { pageErrors: string[]; close(): Promise<void> } | undefined,
): Promise<void> {
  if (!h) return;
  const errors = [...h.pageErrors];
  await h.close();
  expect(errors, 'errors in the page console').toEqual([]);
}

/** Opens settings the way an agent does: the in-window shortcut (',' by default); the dialog, once its tabs are in. */
export async function openSettings(page: Page): Promise<Locator> {
  await page.locator('#root *').first().waitFor();
  await blurAll(page);
  await page.keyboard.press(',');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: 'Account' }).waitFor();
  return dialog;
}
