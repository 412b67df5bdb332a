import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Simulator } from '../../electron/simulator/server';

/** The call-control actions the simulator received, in order, as `ACTION number`. */
export function actionsSent(sim: Simulator): string[] {
  return sim.requests
    .filter((r) => /callcontrol/i.test(r.path))
    .map((r) => {
      const fields = r.method === 'GET' ? r.query : (JSON.parse(r.body || '{}') as Record<string, string>);
      return `${fields.action} ${fields.conferenceNumber}`;
    });
}

/** Waits (polling) until `read` returns `expected`; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T> | T,
  expected: T,
  timeout = 10_000,
): Promise<void> {
  await expect.poll(read, { timeout, interval: 50 }).toEqual(expected);
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

/** The state chip's word for each row, e.g. ['muted', 'held', 'connected']. */
export async function rowStates(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-state') ?? ''));
}

/** Nothing has focus but the page itself: keys are commands, not text. */
export async function blurAll(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

export async function ucidShown(page: Page): Promise<string> {
  return page.locator('.ucid-input').inputValue();
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
