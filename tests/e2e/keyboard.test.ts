import { describe, expect, it } from 'vitest';
import { type Harness } from './harness';
import {
  actionsSent,
  blurAll,
  eventually,
  launchEachTest,
  rowNamed,
  rowStates,
  selectWithKey,
} from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

const PRIYA = { number: '98111 12222', label: 'Priya Supervisor' };
const BILLING = { number: '98222 23333', label: 'Billing desk' };

function muteActions(h: Harness): string[] {
  return actionsSent(h.sim).filter((a) => /^(UN)?MUTE /.test(a));
}

describe('keyboard', () => {
  it('M M M pressed quickly ends muted; the simulator saw alternating requests ending in MUTE', async () => {
    const h = await launch();
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA]);
    await blurAll(page);
    await selectWithKey(page, 1, 'Priya Supervisor');
    sim.clearRequests();
    // Each request takes a while, so later presses land while one is in flight.
    sim.injectFault({ kind: 'latency', ms: 300 }, { path: /callcontrol/i, times: 5 });
    await page.keyboard.press('m');
    await page.keyboard.press('m');
    await page.keyboard.press('m');
    await h.services.settled();
    await eventually(() => rowStates(page), ['muted']);
    expect(
      await page.getByRole('button', { name: 'Mute Priya Supervisor' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const sent = muteActions(h);
    expect(sent.length % 2).toBe(1);
    sent.forEach((a, i) => expect(a).toBe(i % 2 === 0 ? 'MUTE 09811112222' : 'UNMUTE 09811112222'));
    expect(
      sim
        .getCall(sim.requests[0]!.query.ucid ?? JSON.parse(sim.requests[0]!.body).ucid)
        ?.participants.get('09811112222')?.muted,
    ).toBe(true);
  });

  it('shows the press as pending within a frame, before main has even received it', async () => {
    const h = await launch({ invokeDelayMs: 800 });
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA]);
    await blurAll(page);
    await selectWithKey(page, 1, 'Priya Supervisor');
    sim.clearRequests();
    await page.keyboard.press('h');
    const pendingNextFrame = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() =>
            resolve(
              document.querySelector('[aria-label="Hold Priya Supervisor"]')?.hasAttribute('data-pending') ??
                false,
            ),
          ),
        ),
    );
    expect(pendingNextFrame).toBe(true);
    expect(actionsSent(sim)).toEqual([]); // the invoke is still on its way: the mark is the renderer's own
    await eventually(() => rowStates(page), ['held']);
    await eventually(
      () => page.getByRole('button', { name: 'Hold Priya Supervisor' }).getAttribute('data-pending'),
      null,
    );
  });

  it('Esc cancels a drop; with confirmation off, D drops at once; 1–9 beyond the list says so', async () => {
    const h = await launch();
    const { page, sim } = h;
    await h.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
    await liveCallWith(h, [PRIYA, BILLING]);
    await blurAll(page);
    await page.keyboard.press('2');
    await page.keyboard.press('d');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Escape');
    await eventually(() => page.getByRole('alertdialog').count(), 0);
    expect(actionsSent(sim).some((a) => a.startsWith('KICK_CALL'))).toBe(false);

    await h.call('updateSettings', { patch: { behaviour: { confirmBeforeDrop: false } } });
    await page.keyboard.press('d');
    await eventually(() => rowStates(page), ['connected', 'dropped']);
    expect(actionsSent(sim).filter((a) => a.startsWith('KICK_CALL'))).toEqual(['KICK_CALL 09822223333']);

    await page.keyboard.press('7');
    await page.getByRole('status').filter({ hasText: 'There is no participant 7.' }).waitFor();
  });

  it('under the agent-number rule D never drops anyone: it says why, and nothing is sent', async () => {
    const h = await launch();
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA, BILLING]);
    await blurAll(page);
    await page.keyboard.press('1');
    await page.keyboard.press('d');
    await page.getByRole('status').filter({ hasText: 'Drop is off' }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await rowStates(page)).toEqual(['connected', 'connected']);
    expect(actionsSent(sim).some((a) => a.startsWith('KICK_CALL'))).toBe(false);
  });

  it('global-shortcut commands from main act like the window keys', async () => {
    const h = await launch();
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA, BILLING]);
    sim.clearRequests();
    await h.emit('command', { command: 'selectNext' });
    await h.emit('command', { command: 'toggleMuteSelected' });
    await eventually(() => muteActions(h).length, 1);
    const selected = await page.locator('li.participant[aria-current="true"] .label').textContent();
    await eventually(() => rowNamed(page, selected!).getAttribute('data-state'), 'muted');

    await h.emit('command', { command: 'addParticipant' });
    const add = page.getByRole('combobox', { name: /Add participant/ });
    await eventually(() => add.evaluate((el) => el === document.activeElement), true);
  });

  it('shortcuts follow the settings: a remapped Mute key works, the old one no longer does', async () => {
    const h = await launch();
    const { page } = h;
    await h.call('updateSettings', { patch: { shortcuts: { window: { mute: 'k' } } } });
    await liveCallWith(h, [PRIYA]);
    await blurAll(page);
    await page.keyboard.press('1');
    await page.keyboard.press('m');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(
      await help.locator('.key-row', { hasText: 'Mute / unmute selected' }).locator('kbd').textContent(),
    ).toBe('K');
    await page.keyboard.press('Escape');
    await eventually(() => help.count(), 0);
    expect(muteActions(h)).toEqual([]);
    await page.keyboard.press('k');
    await eventually(() => rowStates(page), ['muted']);
  });

  it('SIP: the switch changes validation and the preview; with confirmation off, E ends at once', async () => {
    const h = await launch();
    const { page, sim } = h;
    await h.call('updateSettings', { patch: { behaviour: { confirmBeforeEnd: false } } });
    await liveCallWith(h, []);
    await blurAll(page);
    await page.keyboard.press('n');
    await page.keyboard.type('desk@pbx.example.com');
    await eventually(
      async () => /turn on SIP/.test((await page.locator('#add-hint').textContent()) ?? ''),
      true,
    );
    const sip = page.getByRole('switch', { name: 'SIP number' });
    await sip.click();
    expect(await sip.getAttribute('aria-checked')).toBe('true');
    await eventually(() => page.locator('#add-hint').textContent(), 'will dial desk@pbx.example.com (SIP)');
    await page.getByRole('combobox', { name: /Add participant/ }).press('Enter');
    await eventually(() => rowStates(page), ['connected']);
    expect(actionsSent(sim)).toEqual(['CONFERENCE desk@pbx.example.com']);

    await page.keyboard.press('e');
    await eventually(() => page.locator('.chip-session').textContent(), 'ended');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('the help overlay keeps Tab inside, Esc closes it, and focus goes back to where it was', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, [PRIYA]);
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
      });

    const helpButton = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await helpButton.focus();
    await page.keyboard.press('Enter');
    await help.waitFor();
    await eventually(focused, 'Close help');
    // Tab and Shift+Tab cycle through the overlay's own controls, never the toolbar behind it.
    const seen: string[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      seen.push(await focused());
    }
    expect(seen).toEqual([
      'Change shortcuts',
      'Close help',
      'Change shortcuts',
      'Close help',
      'Change shortcuts',
    ]);
    await page.keyboard.press('Escape');
    await eventually(() => help.count(), 0);
    expect(await helpButton.evaluate((el) => el === document.activeElement)).toBe(true);

    // Opened by its key from a participant row: Esc returns there.
    const row = page.locator('li.participant .who').first();
    await row.focus();
    await page.keyboard.press('?');
    await help.waitFor();
    await page.keyboard.press('Tab');
    expect(await help.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(() => help.count(), 0);
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
