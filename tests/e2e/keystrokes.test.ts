import { describe, expect, it } from 'vitest';
import { AGENT_NUMBER } from './harness';
import { actionsSent, blurAll, eventually, launchEachTest, rowStates, ucidShown } from './helpers';

const launch = launchEachTest();

/**
 * The whole conference from the keyboard, every key press counted (a typed character is one press). The
 * count is written in the README ("Using ConfBar"); change both together.
 */
export const CONFERENCE_KEYSTROKES = 29;

describe('keyboard task: a whole conference', () => {
  it(`paste, add typed, add from the directory, mute, hold, resume, drop one, end: ${CONFERENCE_KEYSTROKES} key presses`, async () => {
    const h = await launch();
    const { page, sim } = h;
    // Dropping one participant needs the participant-number rule (the agent-number rule has no per-row Drop).
    await h.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
    await h.call('addContact', {
      contact: { label: 'Billing desk', number: '98222 23333', sip: false, slot: 2 },
    });
    const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    await page.getByRole('textbox', { name: 'ucid of the live call' }).waitFor();
    await page.evaluate((t) => navigator.clipboard.writeText(t), ucid);
    await blurAll(page);

    let presses = 0;
    const press = async (...keys: string[]) => {
      for (const k of keys) {
        await page.keyboard.press(k);
        presses++;
      }
    };
    const type = async (text: string) => {
      await page.keyboard.type(text);
      presses += text.length;
    };

    await press('Control+V'); // paste: 1
    await eventually(() => ucidShown(page), ucid);
    await press('n'); // add typed: 12
    await type('9811112222');
    await press('Enter');
    await eventually(() => rowStates(page), ['connected']);
    await press('n'); // add from the directory (its only match dials): 5
    await type('bil');
    await press('Enter');
    await eventually(() => rowStates(page), ['connected', 'connected']);
    await press('1', 'm'); // mute: 2
    await eventually(() => rowStates(page), ['muted', 'connected']);
    await press('h'); // hold: 1
    await eventually(() => rowStates(page), ['held', 'connected']);
    await press('h'); // resume: 1
    await eventually(() => rowStates(page), ['muted', 'connected']);
    await press('2', 'd', 'ArrowLeft', 'Enter'); // drop one (the confirm bar starts on Cancel): 4
    await eventually(() => rowStates(page), ['muted', 'dropped']);
    await press('e', 'ArrowLeft', 'Enter'); // end (likewise): 3
    await page.locator('.line.ended').waitFor();

    expect(presses).toBe(CONFERENCE_KEYSTROKES);
    expect(actionsSent(sim)).toEqual([
      'CONFERENCE 09811112222',
      'CONFERENCE 09822223333',
      'MUTE 09811112222',
      'HOLD 09811112222',
      'UNHOLD 09811112222',
      'KICK_CALL 09822223333',
      `KICK_CALL ${AGENT_NUMBER}`,
    ]);
  });
});
