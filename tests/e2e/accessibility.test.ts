import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import type { Harness } from './harness';
import { blurAll, eventually, launchEachTest, pasteWithKeyboard, rowStates } from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

const PRIYA = { number: '98111 12222', label: 'Priya Supervisor' };
const BILLING = { number: '98222 23333', label: 'Billing desk' };
const RAVI = { number: '98333 34444', label: 'Ravi from the escalations team in Bengaluru' };

/** axe-core (WCAG 2.1 A/AA + best practice) finds nothing, and the state is kept as a screenshot. */
async function clean(h: Harness, name: string): Promise<void> {
  await h.screenshot(name);
  expect(await axeViolations(h.page), name).toEqual([]);
}

/** A call with a participant in every state the engine has: connected, muted, held, failed, unknown. */
async function everyState(h: Harness): Promise<void> {
  const { page, sim } = h;
  const ucid = await liveCallWith(h, [PRIYA, BILLING, RAVI]);
  const [priya, billing] = (await h.call('getSnapshot', {})).session!.participants;
  await h.call('toggleMute', { id: priya!.id });
  await h.call('toggleHold', { id: billing!.id });
  await h.services.settled();
  // A dial CloudAgent answered with garbage may be ringing (unknown); one it refused failed.
  sim.injectFault({ kind: 'html5xx', status: 502 }, { path: /callcontrol/i, times: 1 });
  await h.fail('addParticipant', { number: '98444 45555', sip: false, label: 'Unknown outcome' });
  // A number CloudAgent refuses (an international one on the India instance) fails.
  await h.call('updateSettings', { patch: { account: { region: 'intl' } } });
  await h.fail('addParticipant', { number: '+14155550123', sip: false, label: 'US office' });
  await h.call('updateSettings', { patch: { account: { region: 'in' } } });
  expect(sim.getCall(ucid)?.live).toBe(true);
  await eventually(() => rowStates(page), ['muted', 'held', 'connected', 'unknown', 'failed']);
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await eventually(() => page.getByRole('tab', { name }).getAttribute('aria-selected'), 'true');
}

describe.each(['light', 'dark'] as const)('axe-core finds no violation (%s theme)', (colorScheme) => {
  it('first run, and its help overlay', async () => {
    const h = await launch({ colorScheme, configure: false });
    await h.page.getByRole('heading', { name: 'Welcome to ConfBar' }).waitFor();
    await clean(h, `${colorScheme}-first-run`);
    await blurAll(h.page);
    await h.page.keyboard.press('?');
    await h.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await clean(h, `${colorScheme}-first-run-help`);
  });

  it('empty, a refused ucid, live with every participant state, toasts, confirm, help, mini', async () => {
    const h = await launch({ colorScheme });
    const { page } = h;
    await page.getByRole('textbox', { name: 'ucid of the live call' }).waitFor();
    await clean(h, `${colorScheme}-empty`);

    await blurAll(page);
    await pasteWithKeyboard(page, '4984996619O38741');
    await page.getByRole('button', { name: 'Use 4984996619038741' }).waitFor();
    await clean(h, `${colorScheme}-ucid-did-you-mean`);
    await page.keyboard.press('Escape');
    await h.call('updateSettings', { patch: {} });

    await everyState(h);
    await clean(h, `${colorScheme}-live-every-state`);

    // Three failures at once: every control is still clickable (nothing covers it).
    await blurAll(page);
    h.sim.injectFault({ kind: 'html5xx', status: 502 }, { path: /callcontrol/i, times: 6 });
    for (const key of ['1', 'h', '2', 'm', '3', 'm']) await page.keyboard.press(key);
    await h.services.settled();
    await eventually(() => page.locator('.toast.error').count(), 3);
    await clean(h, `${colorScheme}-toasts`);

    await blurAll(page);
    await page.keyboard.press('e');
    await page.getByRole('alertdialog').waitFor();
    await clean(h, `${colorScheme}-confirm-end`);
    await page.keyboard.press('Escape');

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await clean(h, `${colorScheme}-help`);
    await page.keyboard.press('Escape');

    await h.call('updateSettings', { patch: { behaviour: { miniMode: true } } });
    await page.locator('.toolbar.mini').waitFor();
    await clean(h, `${colorScheme}-mini`);
  });

  it('the participant-number rule: a dropped row and the drop confirmation', async () => {
    const h = await launch({ colorScheme });
    const { page } = h;
    await h.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
    await liveCallWith(h, [PRIYA, BILLING]);
    await blurAll(page);
    await page.keyboard.press('1');
    await page.keyboard.press('d');
    await page.getByRole('alertdialog').waitFor();
    await clean(h, `${colorScheme}-confirm-drop`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await eventually(() => rowStates(page), ['dropped', 'connected']);
    await clean(h, `${colorScheme}-dropped`);
  });

  it('every settings tab', async () => {
    const h = await launch({ colorScheme });
    const { page } = h;
    await page.getByRole('textbox', { name: 'ucid of the live call' }).waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const tabs = page.getByRole('tab');
    await tabs.first().waitFor();
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      await openTab(page, new RegExp(`^${name.trim()}`));
      await clean(h, `${colorScheme}-settings-${name.trim().toLowerCase().replace(/\W+/g, '-')}`);
    }
  });
});
