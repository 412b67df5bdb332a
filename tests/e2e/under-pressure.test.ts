import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NO_ROW_DROP_MESSAGE } from '../../shared/kick-rule';
import { AGENT_NUMBER, type Harness } from './harness';
import {
  actionsSent,
  blurAll,
  eventually,
  launchEachTest,
  listenToAnnouncer,
  pasteWithKeyboard,
  rowNamed,
  rowStates,
  tabTo,
  ucidShown,
} from './helpers';
import { liveCallWith } from './session-setup';

const launch = launchEachTest();

const PRIYA = { number: '98111 12222', label: 'Priya Supervisor' };
const BILLING = { number: '98222 23333', label: 'Billing desk' };
const RAVI = { number: '98333 34444', label: 'Ravi Kumar' };
const ANITA = { number: '98444 45555', label: 'Anita' };

/** What has focus, in words: a control's accessible text, or BODY. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    if (el.tagName === 'MAIN') return 'MAIN';
    return `${el.tagName}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });
}

const kicks = (h: Harness) => actionsSent(h.sim).filter((a) => a.startsWith('KICK_CALL'));

/** A real ucid with one zero typed as a letter O (or a one as l). */
function withLookAlike(ucid: string): string {
  if (ucid.includes('0')) return ucid.replace('0', 'O');
  if (ucid.includes('1')) return ucid.replace('1', 'l');
  throw new Error(`ucid ${ucid} has no 0 or 1 for a look-alike letter to stand in for`);
}

describe('1. a per-row key never has a call-wide effect', () => {
  it('agent-number rule: no per-row Drop, D says why; End starts on Cancel and says everyone is disconnected', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, [PRIYA, BILLING]);
    expect(await page.getByRole('button', { name: /^Drop/ }).count()).toBe(0);
    const note = page.locator('#kick-rule-note');
    expect(await note.textContent()).toMatch(
      /disconnects everyone.*An admin can switch.*participant-number rule/,
    );
    expect(await rowNamed(page, 'Priya Supervisor').textContent()).toContain('no Drop');

    await blurAll(page);
    await page.keyboard.press('1');
    await page.keyboard.press('d');
    await page.getByRole('status').filter({ hasText: NO_ROW_DROP_MESSAGE }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await page.keyboard.press('e');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(
      /End the conference\? Everyone is disconnected: Priya Supervisor, Billing desk and you\./,
    );
    await eventually(() => focused(page), 'BUTTON:Cancel');
    await page.keyboard.press('Enter'); // habit: Enter presses the focused Cancel
    await eventually(() => dialog.count(), 0);
    expect(kicks(h)).toEqual([]);
    expect(await rowStates(page)).toEqual(['connected', 'connected']);
    expect(await focused(page)).not.toBe('BODY');

    await page.keyboard.press('e');
    await dialog.waitFor();
    await page.keyboard.press('ArrowLeft');
    await eventually(() => focused(page), 'BUTTON:End for everyone');
    await page.keyboard.press('Enter');
    await page.locator('.line.ended').filter({ hasText: 'everyone was disconnected' }).waitFor();
    expect(kicks(h)).toEqual([`KICK_CALL ${AGENT_NUMBER}`]);
    // Focus rests on the toolbar, and the first Tab reaches the ucid field.
    await eventually(() => focused(page), 'MAIN');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^INPUT:ucid of the ended call/);
  });

  it('participant-number rule: D drops only that participant, from a confirm bar that starts on Cancel', async () => {
    const h = await launch();
    const { page } = h;
    await h.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
    await liveCallWith(h, [PRIYA, BILLING]);
    await blurAll(page);
    await page.keyboard.press('2');
    await page.keyboard.press('d');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'Only Billing desk is disconnected; the others stay on the call.',
    );
    await eventually(() => focused(page), 'BUTTON:Cancel');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await eventually(() => rowStates(page), ['connected', 'dropped']);
    expect(kicks(h)).toEqual(['KICK_CALL 09822223333']);
    // Focus moves on to the participant still in the call.
    await eventually(
      () => focused(page),
      expect.stringMatching(/^BUTTON:1Priya Supervisor/) as unknown as string,
    );
  });
});

describe('2. a ucid is never silently truncated', () => {
  it('a letter O for a zero is refused with "Did you mean …?"; Enter accepts; cells, labels and size are read right', async () => {
    const h = await launch();
    const { page, sim } = h;
    // About 1 random ucid in 30 has neither a 0 nor a 1: end those and take the next.
    let ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    while (!/[01]/.test(ucid)) {
      sim.endCall(ucid);
      ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    }
    const field = page.getByRole('textbox', { name: 'ucid of the live call' });
    await field.waitFor();
    await blurAll(page);
    await pasteWithKeyboard(page, withLookAlike(ucid));
    const problem = page.locator('#ucid-error');
    await problem.filter({ hasText: `Did you mean ${ucid}?` }).waitFor();
    expect(await page.locator('.ucid-input[readonly]').count()).toBe(0); // nothing opened
    await eventually(() => focused(page), `BUTTON:Use ${ucid}`);
    await page.keyboard.press('Enter');
    await eventually(() => ucidShown(page), ucid);
    await h.screenshot('ucid-accepted');

    await h.call('clearSession', {});
    await blurAll(page);
    await pasteWithKeyboard(page, `${ucid}\t09811112222`);
    await problem.filter({ hasText: `holds 2 numbers (${ucid}, 09811112222)` }).waitFor();

    await blurAll(page);
    await pasteWithKeyboard(page, `Call ID (ucid): ${ucid}`);
    await eventually(() => ucidShown(page), ucid);
    await h.call('clearSession', {});

    await field.fill(`ucid ${ucid}`);
    await field.press('Enter');
    await eventually(() => ucidShown(page), ucid);
    await h.call('clearSession', {});

    await blurAll(page);
    await pasteWithKeyboard(page, `${ucid} `.repeat(200));
    await problem
      .filter({ hasText: /That paste is 3,\d{3} characters long; ConfBar reads at most 2,000/ })
      .waitFor();
    expect(await problem.textContent()).not.toMatch(/too_big|String must|expected/i);
  });

  it('no draft is lost when a session ends: the typed number waits for the next call', async () => {
    const h = await launch();
    const { page, sim } = h;
    const ucid = await liveCallWith(h, [PRIYA]);
    sim.endCall(ucid);
    await page.keyboard.press('n');
    await page.keyboard.type('98222 23333');
    await page.keyboard.press('Enter');
    await page.locator('.line.ended').filter({ hasText: 'Call not Found' }).waitFor();
    await page.locator('.kept-draft').filter({ hasText: '98222 23333' }).waitFor();
    await h.screenshot('ended-draft-kept');
    const next = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    await page.getByRole('button', { name: 'New call' }).click();
    await blurAll(page);
    await pasteWithKeyboard(page, next);
    await eventually(() => ucidShown(page), next);
    expect(await page.getByRole('combobox', { name: /Add participant/ }).inputValue()).toBe('98222 23333');
  });
});

describe('3. errors never bury the controls', () => {
  it('four participants and three errors: every control is clickable; one message each, naming who and what', async () => {
    const h = await launch({ timeoutMs: 1000 });
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA, BILLING, RAVI, ANITA]);
    await blurAll(page);
    sim.injectFault({ kind: 'noAnswer' }, { path: /callcontrol/i, times: 3 });
    for (const key of ['1', 'm', '2', 'h', '3', 'm']) await page.keyboard.press(key);
    await h.services.settled();
    const errors = page.locator('.toast.error');
    await eventually(() => errors.count(), 3);
    const messages = await page.locator('.toast.error .toast-message').allTextContents();
    expect(messages.map((m) => m.replace(/ within .*/, ''))).toEqual([
      'Mute Priya Supervisor: CloudAgent did not answer',
      'Hold Billing desk: CloudAgent did not answer',
      'Mute Ravi Kumar: CloudAgent did not answer',
    ]);
    for (const remedy of await page.locator('.toast.error .toast-remedy').allTextContents())
      expect(messages).not.toContain(remedy);
    // The live region does not repeat what the alerts say.
    expect(await page.getByTestId('announcer').textContent()).not.toContain('did not answer');
    await h.screenshot('three-errors-four-participants');
    const buttons = page.locator('main button');
    for (let i = 0; i < (await buttons.count()); i++)
      await buttons.nth(i).click({ trial: true, timeout: 2000 });

    // The same participant's next outcome supersedes their error; the others stay.
    await page.keyboard.press('1');
    await page.keyboard.press('m');
    await eventually(() => errors.count(), 2);
    expect(await rowStates(page)).toEqual(['muted', 'connected', 'connected', 'connected']);

    // Info expires; errors stay.
    await page.keyboard.press('7');
    const info = page.locator('.toast.info').filter({ hasText: 'There is no participant 7.' });
    await info.waitFor();
    await eventually(() => info.count(), 0);
    expect(await errors.count()).toBe(2);
  });

  it('a dial that may be ringing never says "try again"', async () => {
    const h = await launch();
    const { page, sim } = h;
    await liveCallWith(h, [PRIYA]);
    sim.injectFault({ kind: 'html5xx', status: 502 }, { path: /callcontrol/i, times: 1 });
    await page.keyboard.press('n');
    await page.keyboard.type('98222 23333');
    await page.keyboard.press('Enter');
    const toast = page.locator('.toast.error');
    await toast.waitFor();
    expect(await toast.locator('.toast-message').textContent()).toMatch(/^Add 09822223333: /);
    const remedy = (await toast.locator('.toast-remedy').textContent()) ?? '';
    expect(remedy).toMatch(/may be ringing/);
    expect(remedy).not.toMatch(/try again/i);
    expect(await rowStates(page)).toEqual(['connected', 'unknown']);
  });
});

describe('5. announced once, and focus kept', () => {
  it('selection, state changes and errors reach a live region once each; focus never falls to <body>', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, [PRIYA, BILLING]);
    const said = await listenToAnnouncer(page);
    await blurAll(page);
    await page.keyboard.press('1');
    await eventually(said, ['Priya Supervisor selected, 1 of 2, connected.']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('m');
    await eventually(said, [
      'Priya Supervisor selected, 1 of 2, connected.',
      'Billing desk selected, 2 of 2, connected.',
      'Billing desk muted.',
    ]);
    await page.keyboard.press('h');
    await page.keyboard.press('h');
    await h.services.settled();
    await eventually(
      async () => (await said()).slice(3),
      ['Billing desk held.', 'Billing desk resumed, muted.'],
    );

    // After a dial, focus is on the new participant's row.
    await page.keyboard.press('n');
    await page.keyboard.type('98333 34444');
    await page.keyboard.press('Enter');
    await eventually(() => focused(page), expect.stringMatching(/^BUTTON:309833334444/) as unknown as string);

    // After dismissing a message with its button, focus moves on (here: to the toolbar).
    await page.keyboard.press('7');
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await eventually(() => dismiss.count(), 0);
    expect(await focused(page)).toBe('MAIN');
    expect(await tabTo(page, page.getByRole('textbox', { name: /ucid of the live call/ }), 1)).toBe(true);
  });
});

describe('8. directory search', () => {
  it('Enter with one match dials it; parties in the call are not offered; the list never covers the hint', async () => {
    const h = await launch();
    const { page } = h;
    await h.call('addContact', {
      contact: { label: 'Priya Supervisor', number: '98111 12222', sip: false, slot: 1 },
    });
    await h.call('addContact', {
      contact: { label: 'Billing desk', number: '98222 23333', sip: false, slot: 2 },
    });
    await h.call('addContact', {
      contact: { label: 'Bill Gates', number: '98555 56666', sip: false, slot: null },
    });
    await liveCallWith(h, [PRIYA]);
    await blurAll(page);
    await page.keyboard.press('n');
    await page.keyboard.type('98');
    const list = page.getByRole('listbox');
    await list.waitFor();
    const offered = await list.getByRole('option').allTextContents();
    expect(offered.some((o) => o.includes('Priya'))).toBe(false);
    expect(offered).toHaveLength(2);
    const hint = await page.locator('#add-hint').boundingBox();
    const box = await list.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(hint!.y + hint!.height);
    await h.screenshot('directory-search');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('billi');
    await page.locator('#add-hint').filter({ hasText: '1 match: Enter dials Billing desk' }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => rowStates(page), ['connected', 'connected']);
    expect(await rowNamed(page, 'Billing desk').count()).toBe(1);
  });

  it('a SIP address or an extension typed with SIP off gets guidance', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, []);
    const field = page.getByRole('combobox', { name: /Add participant/ });
    await field.fill('desk@pbx.example');
    await page.locator('#add-hint').filter({ hasText: 'turn on SIP' }).waitFor();
    await field.fill('98111 12222 ext 45');
    await page
      .locator('#add-hint')
      .filter({ hasText: 'CloudAgent dials numbers without extensions' })
      .waitFor();
    await field.press('Enter');
    await page.locator('#add-hint.error').filter({ hasText: 'without extensions' }).waitFor();
    expect(actionsSent(h.sim)).toEqual([]);
  });
});

describe('9. one vocabulary', () => {
  it('End, Drop, Hold, Resume everywhere; the ? overlay says what Drop and End do under the current rule', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, [PRIYA]);
    await blurAll(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    expect(text).toContain('Hold / resume selected');
    expect(text).toContain('No per-participant Drop');
    expect(text).toContain('End (E) ends the conference: everyone is disconnected.');
    expect(text).not.toMatch(/unhold|my leg/i);
    await page.keyboard.press('Escape');
    expect(await page.locator('body').textContent()).not.toMatch(/unhold|my leg/i);
    expect(await page.getByRole('button', { name: /^End/ }).textContent()).toMatch(/^End/);

    await h.call('updateSettings', { patch: { account: { kickNumber: 'participant' } } });
    await page.keyboard.press('?');
    await help.waitFor();
    expect(await help.textContent()).toContain('Drop (D) disconnects only the selected participant.');
  });
});
