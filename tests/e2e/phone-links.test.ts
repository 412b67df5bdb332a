import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../support/memory-logger';
import { createDeepLinks, type DeepLinks } from '../../electron/shell/deep-link-opener';
import { typedInvoke } from '../../electron/shell/typed-invoke';
import { axeViolations } from './axe';
import { contrastProblems } from './contrast';
import type { Harness } from './harness';
import {
  actionsSent,
  blurAll,
  eventually,
  launchEachTest,
  listenToAnnouncer,
  openSettings,
  rowNamed,
  rowStates,
} from './helpers';
import { liveCallWith } from './session-setup';

// A link as the OS hands it to main: through the shell's real opener (parse, the region's number rules)
// into the real services, and its prefill and toasts to the page as main's events. Keys are real presses.
const launch = launchEachTest();

const PRIYA = { label: 'Priya Sharma', number: '98111 12222' };

async function linksFor(h: Harness): Promise<DeepLinks> {
  const links = createDeepLinks();
  await links.ready({
    invoke: typedInvoke(h.services.invoke),
    showWindow: () => undefined,
    toast: (t) => void h.emit('toast', t),
    prefill: (p) => void h.emit('prefill', p),
    log: createMemoryLogger(),
  });
  return links;
}

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const addField = (page: Page) => page.getByRole('combobox', { name: /Add participant/ });
const conferences = (h: Harness) => actionsSent(h.sim).filter((a) => a.startsWith('CONFERENCE'));

describe('phone links (tel:, callto:, confbar://) in the window', () => {
  it('during a live call: the add field is prefilled, named from the directory, focused and announced once; Enter dials', async () => {
    const h = await launch();
    const { page } = h;
    await h.call('addContact', { contact: { label: PRIYA.label, number: PRIYA.number } });
    await liveCallWith(h, []);
    await blurAll(page);
    const said = await listenToAnnouncer(page);
    h.sim.clearRequests();
    await (await linksFor(h)).receive('tel:+91-98111-12222');

    await eventually(() => addField(page).inputValue(), '09811112222');
    await eventually(() => focusedId(page), 'add-number');
    expect(await page.locator('#add-hint').textContent()).toBe(
      'will dial 09811112222: Priya Sharma, from a link',
    );
    await eventually(said, ['Number from a link: Priya Sharma, 09811112222. Enter adds.']);
    // The link itself never dials.
    await new Promise((r) => setTimeout(r, 200));
    expect(conferences(h)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await contrastProblems(page)).toEqual([]);
    await h.screenshot('phone-link-prefill-light');

    await page.keyboard.press('Enter');
    await eventually(() => rowStates(page), ['connected']);
    expect(conferences(h)).toEqual(['CONFERENCE 09811112222']);
    await expect(rowNamed(page, 'Priya Sharma').count()).resolves.toBe(1);
    // Announced once: the dial's own progress follows, the link's sentence is not repeated.
    const sentences = await said();
    expect(sentences.filter((t) => t.startsWith('Number from a link'))).toHaveLength(1);
    expect(sentences.at(-1)).toBe('Priya Sharma connected.');
  });

  it('Esc discards the number a link put in the add field, and nothing is dialled', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, []);
    await blurAll(page);
    const said = await listenToAnnouncer(page);
    h.sim.clearRequests();
    await (await linksFor(h)).receive('callto:+919811112222');
    await eventually(() => addField(page).inputValue(), '09811112222');
    await eventually(() => focusedId(page), 'add-number');
    await page.keyboard.press('Escape');
    await eventually(() => addField(page).inputValue(), '');
    await eventually(said, [
      'Number from a link: 09811112222. Enter adds.',
      'Discarded the number from the link.',
    ]);
    expect(conferences(h)).toEqual([]);
  });

  it('does not overwrite what the agent is typing: the number is offered, and O takes it', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, []);
    await blurAll(page);
    await page.keyboard.press('n');
    await page.keyboard.type('98222');
    await (
      await linksFor(h)
    ).receive(
      'confbar://call/' +
        (await h.call('getSnapshot', {})).session!.ucid +
        '?add=%2B919811112222&label=Priya%20Sharma',
    );
    const offer = page.getByRole('button', { name: 'Use number' });
    await eventually(() => offer.count(), 1);
    expect(await addField(page).inputValue()).toBe('98222');
    expect(await focusedId(page)).toBe('add-number');
    expect(await page.getByRole('status').locator('.toast-message').textContent()).toBe(
      'A link brought Priya Sharma, 09811112222; what you typed stays.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await h.screenshot('phone-link-offer-light');
    await page.keyboard.type('33');
    expect(await addField(page).inputValue()).toBe('9822233');

    // Out of the field (Tab), one key takes the offer.
    await page.keyboard.press('Tab');
    await page.keyboard.press('o');
    await eventually(() => addField(page).inputValue(), '09811112222');
    await eventually(() => focusedId(page), 'add-number');
    expect(await offer.count()).toBe(0);
    expect(conferences(h)).toEqual([]);
  });

  it('?add= for another call during a live one: offers the switch; O opens that call, then fills its add field', async () => {
    const h = await launch();
    const { page } = h;
    const first = await liveCallWith(h, []);
    const other = h.sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    await blurAll(page);
    await (await linksFor(h)).receive(`confbar://call/${other}?add=9811112222&label=Priya%20Sharma`);
    const offer = page.getByRole('button', { name: `Switch to ${other}` });
    await eventually(() => offer.count(), 1);
    expect((await h.call('getSnapshot', {})).session?.ucid).toBe(first);
    expect(await addField(page).inputValue()).toBe('');
    await page.keyboard.press('o');
    await eventually(async () => (await h.call('getSnapshot', {})).session?.ucid, other);
    await eventually(() => addField(page).inputValue(), '09811112222');
    await eventually(() => focusedId(page), 'add-number');
    expect(conferences(h)).toEqual([]);
  });

  it('a link that is not a number is refused in words; nothing else happens', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, []);
    await page.keyboard.press('n');
    await page.keyboard.type('98222');
    await (await linksFor(h)).receive('tel:1-800-FLOWERS');
    await eventually(
      () => page.getByRole('alert').locator('.toast-message').textContent(),
      'Ignored a tel: link: the link is not a phone number (it has letters).',
    );
    expect(await addField(page).inputValue()).toBe('98222');
  });

  it('pressing the digit of the row already selected says the selection again', async () => {
    const h = await launch();
    const { page } = h;
    await liveCallWith(h, [{ number: PRIYA.number, label: PRIYA.label }]);
    await blurAll(page);
    const said = await listenToAnnouncer(page);
    await page.keyboard.press('1');
    await page.keyboard.press('1');
    await eventually(said, [
      'Priya Sharma selected, 1 of 1, connected.',
      'Priya Sharma selected, 1 of 1, connected.',
    ]);
  });
});

describe('phone links with no live call: Start call (Phone Manual Dial)', () => {
  it('prefills Start call, announced once; Enter calls (dark theme)', async () => {
    const h = await launch({ colorScheme: 'dark' });
    const { page } = h;
    const said = await listenToAnnouncer(page);
    await (await linksFor(h)).receive('tel:98111-12222;phone-context=+91');
    const customer = page.getByRole('textbox', { name: 'Customer number to call' });
    await eventually(() => customer.inputValue(), '09811112222');
    await eventually(() => customer.evaluate((el) => el === document.activeElement), true);
    expect(await page.locator('#start-hint').textContent()).toBe('will call 09811112222, from a link');
    await eventually(said, ['Number from a link: 09811112222. Enter calls.']);
    expect(h.sim.requests.filter((r) => /manualdial/i.test(r.path))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await contrastProblems(page)).toEqual([]);
    await h.screenshot('phone-link-start-call-dark');

    await page.keyboard.press('Enter');
    await eventually(() => h.sim.requests.filter((r) => /manualdial/i.test(r.path)).length, 1);
  });

  it('confbar://dial prefills Start call too; Esc discards it', async () => {
    const h = await launch();
    const { page } = h;
    await (await linksFor(h)).receive('confbar://dial?number=%2B91-98111-12222&uui=ORDER-42');
    const customer = page.getByRole('textbox', { name: 'Customer number to call' });
    await eventually(() => customer.inputValue(), '09811112222');
    await page.keyboard.press('Escape');
    await eventually(() => customer.inputValue(), '');
    expect(h.sim.requests.filter((r) => /manualdial/i.test(r.path))).toEqual([]);
  });
});

describe('Settings → General: Open phone links', () => {
  it('is off by default; Space turns it on and main saves it', async () => {
    const h = await launch();
    const { page } = h;
    const dialog = await openSettings(page);
    await dialog.getByRole('tab', { name: 'General' }).click();
    const box = dialog.getByRole('checkbox', { name: 'Open phone links (tel:, callto:) in ConfBar' });
    expect(await box.isChecked()).toBe(false);
    await box.focus();
    await page.keyboard.press('Space');
    await eventually(async () => (await h.call('getSettings', {})).settings.behaviour.phoneLinks, true);
    expect(await box.isChecked()).toBe(true);
    await h.screenshot('phone-links-setting-light');
  });
});
