import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quitQuestion } from '../../electron/shell/quit-question';
import {
  actionsSent,
  blurAll,
  eventually,
  launchEachTest,
  rowNamed,
  rowStates,
  selectWithKey,
  tabTo,
} from './helpers';
import { axeViolations } from './axe';
import type { Harness } from './harness';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

const PRIYA = { number: '98111 12222', label: 'Priya Supervisor' };
const BILLING = { number: '98222 23333', label: 'Billing desk' };

/** The journal holds `text` (the state that was on disk when the app died). */
async function journalHolds(h: Harness, text: string): Promise<void> {
  const file = join(h.dataDir, 'session', 'session.json');
  await eventually(() => {
    try {
      return readFileSync(file, 'utf8').includes(text);
    } catch {
      return false;
    }
  }, true);
}

const announced = (h: Harness) => h.page.getByTestId('announcer').textContent();

describe('a call restored after a restart, with real key presses', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the notice, an unknown row and what its keys do (${colorScheme})`, async () => {
      const h = await launch({ colorScheme });
      const { page, sim } = h;
      const ucid = await liveCallWith(h, [PRIYA, BILLING]);
      await blurAll(page);
      await selectWithKey(page, 2, 'Billing desk');
      await page.keyboard.press('m');
      await eventually(() => rowStates(page), ['connected', 'muted']);
      // Priya's hold reaches the wire but its answer never comes: the app dies meanwhile.
      sim.injectFault({ kind: 'noAnswer' }, { path: /callcontrol/i });
      await selectWithKey(page, 1, 'Priya Supervisor');
      await page.keyboard.press('h');
      await journalHolds(h, '"pending":"HOLD"');
      await page.keyboard.type('n');
      await page.keyboard.type('98333');
      await eventually(() => page.getByRole('combobox', { name: /Add participant/ }).inputValue(), '98333');
      await journalHolds(h, '"draft":"98333"');

      await h.restart();
      const sent = actionsSent(sim).length;
      const notice = page.getByTestId('restore-notice');
      await eventually(() => notice.isVisible(), true);
      expect(await notice.textContent()).toMatch(
        /^Restored after a restart at \d\d:\d\d( [ap]m)?; states are as last confirmed\./i,
      );
      await eventually(() => announced(h), expect.stringContaining('Restored after a restart at') as never);
      await eventually(() => rowStates(page), ['unknown', 'muted']);
      const priya = rowNamed(page, 'Priya Supervisor');
      expect(await priya.textContent()).toContain("Hold was sent; CloudAgent's answer was not seen.");
      expect(await page.locator('.ucid-input').inputValue()).toBe(ucid);
      expect(await page.getByRole('combobox', { name: /Add participant/ }).inputValue()).toBe('98333');
      await h.screenshot(`restore-unknown-${colorScheme}`);
      // The notice and the unknown row pass axe (contrast in this theme included).
      expect(await axeViolations(page)).toEqual([]);
      // Nothing was sent by itself.
      expect(actionsSent(sim)).toHaveLength(sent);

      // The quit question the shell would ask now (Billing muted, Priya's hold unknown and not counted).
      const q = quitQuestion((await h.call('getSnapshot', {})).session, 'agent');
      expect(q?.message).toBe('Quit ConfBar during a call? Billing desk is muted.');

      // H sends the hold again (one press, one request); M on Billing unmutes.
      await blurAll(page);
      await selectWithKey(page, 1, 'Priya Supervisor');
      await page.keyboard.press('h');
      await eventually(() => rowStates(page), ['held', 'muted']);
      expect(await priya.textContent()).not.toContain('was not seen');
      await selectWithKey(page, 2, 'Billing desk');
      await page.keyboard.press('m');
      await eventually(() => rowStates(page), ['held', 'connected']);
      expect(actionsSent(sim).slice(sent)).toEqual(['HOLD 09811112222', 'UNMUTE 09822223333']);
      // The notice is dismissed with the keyboard and stays dismissed after a reload.
      const dismiss = page.getByRole('button', { name: 'Dismiss this notice' });
      expect(await tabTo(page, dismiss)).toBe(true);
      await page.keyboard.press('Enter');
      await eventually(() => notice.count(), 0);
      await page.reload();
      await eventually(() => rowStates(page), ['held', 'connected']);
      expect(await notice.count()).toBe(0);
    });
  }

  it('a dial in flight comes back as "may be ringing" with Retry dial, never dialled again by itself', async () => {
    const h = await launch();
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA]);
    sim.injectFault({ kind: 'noAnswer' }, { path: /callcontrol/i });
    await blurAll(page);
    await page.keyboard.press('n');
    await page.keyboard.type('98444 45555');
    await page.keyboard.press('Enter');
    await journalHolds(h, '"pending":"CONFERENCE"');
    await h.restart();
    const sent = actionsSent(sim).length;
    await eventually(() => rowStates(page), ['connected', 'unknown']);
    const row = rowNamed(page, '09844445555');
    expect(await row.textContent()).toMatch(
      /Add was sent; CloudAgent's answer was not seen\. The number may be ringing\./,
    );
    await h.screenshot('restore-dial-unknown-light');
    await new Promise((r) => setTimeout(r, 300));
    expect(actionsSent(sim)).toHaveLength(sent);
    const retry = page.getByRole('button', { name: 'Retry dial 09844445555' });
    expect(await tabTo(page, retry)).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(() => rowStates(page), ['connected', 'connected']);
    expect(actionsSent(sim).slice(sent)).toEqual(['CONFERENCE 09844445555']);
  });
});
