import { describe, expect, it } from 'vitest';
import { AGENT_NUMBER, type Harness } from './harness';
import {
  actionsSent,
  blurAll,
  eventually,
  launchEachTest,
  pasteWithKeyboard,
  rowNamed,
  rowStates,
  selectWithKey,
  ucidShown,
} from './helpers';

const launch = launchEachTest();

async function seedDirectory(harness: Harness): Promise<void> {
  await harness.call('addContact', {
    contact: { label: 'Priya Supervisor', number: '98111 12222', sip: false, slot: null },
  });
  await harness.call('addContact', {
    contact: { label: 'Billing desk', number: '98222 23333', sip: false, slot: 2 },
  });
  // Drop one participant at a time (the documented agent-number rule would drop everyone).
  await harness.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
}

describe('a whole conference from the keyboard', () => {
  for (const mode of ['token', 'basic', 'legacy'] as const) {
    it(`paste ucid → add three ways → mute/hold/unhold/drop by keys → end (${mode} API)`, async () => {
      const h = await launch({ mode });
      await seedDirectory(h);
      // A per-participant Drop needs the participant-number KICK_CALL rule.
      await h.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
      const { page, sim } = h;
      const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });

      // Paste a CRM link anywhere: the session opens with the ucid inside it.
      await page.getByRole('textbox', { name: 'ucid of the live call' }).waitFor();
      await blurAll(page);
      await pasteWithKeyboard(page, `https://crm.example.com/call?ucid=${ucid}&x=1`);
      await eventually(() => ucidShown(page), ucid);
      await eventually(() => page.locator('.chip-session').textContent(), 'live');

      // 1) typed: N focuses the field, the preview says what will be dialled, Enter dials.
      await page.keyboard.press('n');
      const add = page.getByRole('combobox', { name: /Add participant/ });
      await eventually(() => add.evaluate((el) => el === document.activeElement), true);
      await page.keyboard.type('98333-34444');
      await eventually(() => page.locator('#add-hint').textContent(), 'will dial 09833334444');
      await page.keyboard.press('Enter');
      await eventually(() => rowStates(page), ['connected']);
      expect(await add.inputValue()).toBe('');

      // 2) from the directory by search: / opens the list, typing filters, ↓ Enter dials.
      await page.keyboard.press('Escape');
      await page.keyboard.press('/');
      await eventually(() => add.evaluate((el) => el === document.activeElement), true);
      await page.keyboard.type('priya');
      await eventually(() => page.getByRole('option').count(), 1);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await eventually(() => rowStates(page), ['connected', 'connected']);
      expect(await rowNamed(page, 'Priya Supervisor').count()).toBe(1);

      // 3) by speed-dial: Alt+2 (physical key, so it works when Alt changes the character).
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt+Digit2');
      await eventually(() => rowStates(page), ['connected', 'connected', 'connected']);
      expect(await rowNamed(page, 'Billing desk').count()).toBe(1);

      // Select by number, then M / H act on the selection.
      await selectWithKey(page, 1, '09833334444');
      await page.keyboard.press('m');
      await eventually(() => rowStates(page), ['muted', 'connected', 'connected']);
      const mute1 = page.getByRole('button', { name: 'Mute 09833334444' });
      expect(await mute1.getAttribute('aria-pressed')).toBe('true');
      await eventually(
        async () => (await page.getByTestId('announcer').textContent())?.trim(),
        '09833334444 muted.',
      );

      await page.keyboard.press('2');
      await page.keyboard.press('h');
      await eventually(() => rowStates(page), ['muted', 'held', 'connected']);
      await eventually(() => rowNamed(page, 'Priya Supervisor').locator('.elapsed').count(), 2); // since connect, since hold
      if (mode === 'token') await h.screenshot('live-session');
      await page.keyboard.press('h');
      await eventually(() => rowStates(page), ['muted', 'connected', 'connected']);

      // D asks first, starting on Cancel; ← reaches Drop, Enter presses it.
      await page.keyboard.press('3');
      await page.keyboard.press('d');
      await page.getByRole('alertdialog').waitFor();
      expect(await page.getByRole('alertdialog').textContent()).toContain('Drop Billing desk?');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await eventually(() => rowStates(page), ['muted', 'connected', 'dropped']);

      // E ends the conference for everyone, also after a confirmation that starts on Cancel.
      await page.keyboard.press('e');
      await page.getByRole('alertdialog').waitFor();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await eventually(() => page.locator('.chip-session').textContent(), 'ended');
      expect(await page.locator('.line.ended').textContent()).toContain(
        'You ended the conference: everyone was disconnected.',
      );

      expect(actionsSent(sim)).toEqual([
        'CONFERENCE 09833334444',
        'CONFERENCE 09811112222',
        'CONFERENCE 09822223333',
        'MUTE 09833334444',
        'HOLD 09811112222',
        'UNHOLD 09811112222',
        'KICK_CALL 09822223333',
        `KICK_CALL ${AGENT_NUMBER}`,
      ]);
      const call = sim.getCall(ucid)!;
      expect(call.participants.get('09833334444')).toMatchObject({ muted: true, held: false });
      expect(sim.requests.every((r) => r.path !== '/' || r.method === 'HEAD')).toBe(true);
      expect(h.blocked).toEqual([]);
    });
  }
});
