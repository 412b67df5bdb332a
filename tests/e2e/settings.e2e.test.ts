import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createFilePolicySource } from '../../electron/core/settings/policy';
import { eventually, launchEachTest, openSettings } from './helpers';

// Taller than the toolbar's default window: the settings forms are long.
const TALL = { width: 420, height: 720 };
const launch = launchEachTest({ viewport: TALL });
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.getAttribute('role') ?? el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent ?? ''}`;
  });
}

/** The text of the elements an input's aria-describedby points at. */
async function description(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

async function selectTab(dialog: Locator, name: string): Promise<void> {
  await dialog.getByRole('tab', { name }).click();
  await eventually(() => dialog.getByRole('tab', { name }).getAttribute('aria-selected'), 'true');
}

describe('settings panel', () => {
  it('edits account fields by keyboard, saves, and the values survive a reload', async () => {
    const h = await launch();
    const { page, call } = h;
    const dialog = await openSettings(page);
    // Focus starts on the selected tab.
    await eventually(() => focusedName(page), 'tab:Account');

    await dialog.getByLabel('User name').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('agent.e2e');
    await page.keyboard.press('Tab'); // → DID
    await page.keyboard.press('Control+A');
    await page.keyboard.type('08047001234');
    await dialog.getByRole('radio', { name: /^Token/ }).focus();
    await page.keyboard.press('ArrowDown'); // radio group: Token → Basic
    const timeout = dialog.getByLabel('Request timeout (ms)');
    await timeout.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5000');
    expect(await dialog.getByText('Unsaved changes').count()).toBe(1);
    await page.keyboard.press('Enter'); // submits the form

    await eventually(
      () => dialog.getByRole('status').filter({ hasText: 'Account settings saved.' }).count(),
      1,
    );
    const saved = (await call('getSettings', {})).settings.account;
    expect(saved).toMatchObject({
      userName: 'agent.e2e',
      did: '08047001234',
      mode: 'basic',
      timeoutMs: 5000,
    });

    await page.reload();
    const again = await openSettings(page);
    expect(await again.getByLabel('User name').inputValue()).toBe('agent.e2e');
    expect(await again.getByLabel('DID').inputValue()).toBe('08047001234');
    expect(await again.getByLabel('Request timeout (ms)').inputValue()).toBe('5000');
    expect(await again.getByRole('radio', { name: /^Basic/ }).isChecked()).toBe(true);
    // Output format is a legacy-only setting.
    expect(await again.getByRole('radio', { name: 'XML' }).count()).toBe(0);
  });

  it('an out-of-range timeout is a field error naming the rule; everything typed stays', async () => {
    const h = await launch();
    const { page, call } = h;
    const dialog = await openSettings(page);
    const before = (await call('getSettings', {})).settings.account;

    await dialog.getByLabel('User name').fill('kept-name');
    const timeout = dialog.getByLabel('Request timeout (ms)');
    await timeout.fill('500');
    await dialog.getByRole('button', { name: 'Save account' }).click();

    await eventually(() => timeout.getAttribute('aria-invalid'), 'true');
    expect(await description(timeout)).toContain('Must be at least 1000.');
    expect(await timeout.inputValue()).toBe('500');
    expect(await dialog.getByLabel('User name').inputValue()).toBe('kept-name');
    // The error takes focus so a keyboard user lands on it.
    await eventually(
      () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
      '500',
    );
    expect(await dialog.getByText('Not saved: correct the highlighted field.').count()).toBe(1);
    // Nothing was saved: the patch is rejected as a whole.
    expect((await call('getSettings', {})).settings.account).toEqual(before);
    await h.screenshot('settings-account-error-light');

    // Not a number at all: caught before anything is sent, same place.
    await timeout.fill('8 s');
    await dialog.getByRole('button', { name: 'Save account' }).click();
    await eventually(async () => (await description(timeout)).includes('whole number of milliseconds'), true);
    expect(await timeout.inputValue()).toBe('8 s');

    // Fixing it saves both fields.
    await timeout.fill('9000');
    await dialog.getByRole('button', { name: 'Save account' }).click();
    await eventually(() => timeout.getAttribute('aria-invalid'), null);
    await eventually(async () => (await call('getSettings', {})).settings.account.timeoutMs, 9000);
    expect((await call('getSettings', {})).settings.account.userName).toBe('kept-name');
  });

  it('stores, replaces and removes the API key without ever showing it; Test connection reports each check', async () => {
    const h = await launch({ configure: false });
    const { page, call } = h;
    const dialog = await openSettings(page);
    const secret = 'e2e-secret-key-7731-do-not-show';

    await eventually(
      async () => (await dialog.locator('.st-keystate').textContent())?.startsWith('No key stored'),
      true,
    );
    const field = dialog.locator('input[type="password"]');
    expect(await field.count()).toBe(1);
    expect(await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)).toBe('API key');
    await field.fill(secret);
    await dialog.getByRole('button', { name: 'Store key' }).click();
    // The key is stored for a user name; without one main refuses, and the form says why.
    await eventually(async () => (await description(field)).includes('user name'), true);
    expect((await call('keyStatus', {})).stored).toBe(false);
    await dialog.getByLabel('User name').fill('demo');
    await dialog.getByRole('button', { name: 'Save account' }).click();
    await eventually(
      async () => (await dialog.locator('.st-keystate').textContent())?.includes('for demo@'),
      true,
    );
    await dialog.getByRole('button', { name: 'Store key' }).click();
    await eventually(
      async () => (await dialog.locator('.st-keystate').textContent())?.startsWith('A key is stored in'),
      true,
    );
    expect(await dialog.getByText(/API key stored in/).count()).toBe(1);
    expect((await call('keyStatus', {})).stored).toBe(true);

    // The field is emptied and the key appears nowhere in the page (text, attributes or input values).
    const replace = dialog.getByLabel('Replace API key');
    expect(await replace.inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    const values = await page.evaluate(() =>
      [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value),
    );
    expect(values.join('\n')).not.toContain(secret);

    // With no account configured the doctor says what fails, one line per check.
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const checks = dialog.getByRole('list', { name: 'Connection checks' }).getByRole('listitem');
    await eventually(async () => (await checks.count()) > 0, true);
    const lines = await checks.allTextContents();
    expect(lines.every((l) => /^(Passed|Failed): /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Failed: '))).toBe(true);

    await dialog.getByRole('button', { name: 'Remove key' }).click();
    await eventually(
      async () => (await dialog.locator('.st-keystate').textContent())?.startsWith('No key stored'),
      true,
    );
    expect((await call('keyStatus', {})).stored).toBe(false);
  });

  it('Test connection passes every check against the simulator', async () => {
    const h = await launch();
    const { page } = h;
    const dialog = await openSettings(page);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await eventually(async () => (await dialog.getByText(/^All \d+ checks passed\.$/).count()) === 1, true);
    const lines = await dialog
      .getByRole('list', { name: 'Connection checks' })
      .getByRole('listitem')
      .allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('Passed: '))).toBe(true);
  });

  it('rebinds shortcuts by keyboard, refuses a conflict, and the map survives a reload', async () => {
    const h = await launch();
    const { page, call } = h;
    const dialog = await openSettings(page);
    await eventually(() => focusedName(page), 'tab:Account');
    await page.keyboard.press('ArrowRight'); // WAI-ARIA tabs: arrows move and select
    await eventually(() => focusedName(page), 'tab:Shortcuts');
    expect(await dialog.getByRole('tab', { name: 'Shortcuts' }).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Tab'); // into the panel: "Change Add a participant"
    await page.keyboard.press('Tab'); // "Change Mute / unmute selected"
    expect(await focusedName(page)).toContain('Change Mute / unmute selected (now M)');
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toContain('Press a key for Mute / unmute selected');
    await page.keyboard.press('k');
    await eventually(() => focusedName(page), 'button:Change Mute / unmute selected (now K)');

    // Hold → 'k' as well: a conflict, shown on both rows, and Save refuses.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('k');
    await eventually(() => dialog.getByText('Also used by Mute / unmute selected.').count(), 1);
    expect(await dialog.getByText('Also used by Hold / resume selected.').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Save shortcuts' }).click();
    await eventually(() => dialog.getByText(/Not saved: two commands share a shortcut/).count(), 1);
    expect((await call('getSettings', {})).settings.shortcuts.window.mute).toBe('m');

    // Esc cancels a capture; then bind Hold to 'j'.
    const hold = dialog.getByRole('button', { name: /^Change Hold \/ resume selected \(now/ });
    await hold.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await eventually(() => focusedName(page), 'button:Change Hold / resume selected (now K)');
    expect(await dialog.isVisible()).toBe(true); // Esc in capture mode does not close the panel
    await page.keyboard.press('Enter');
    await page.keyboard.press('j');
    await eventually(() => dialog.getByText(/^Also used by/).count(), 0);

    // Global: Show ConfBar → Ctrl+Alt+B; Select next → Backspace turns it off.
    expect(
      await dialog.getByText('Registration state is not available in the browser harness.').count(),
    ).toBe(1);
    await dialog.getByRole('button', { name: /^Change Show ConfBar/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('b'); // no modifier: refused for a global shortcut, capture continues
    await eventually(
      async () => (await dialog.locator('.st-live').textContent())?.includes('needs Ctrl'),
      true,
    );
    await page.keyboard.press('Control+Alt+B');
    await eventually(() => focusedName(page), 'button:Change Show ConfBar (global, now Ctrl+Alt+B)');
    await dialog.getByRole('button', { name: /^Change Select the next participant/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await eventually(() => focusedName(page), 'button:Change Select the next participant (global, now off)');

    await dialog.getByRole('button', { name: 'Save shortcuts' }).click();
    await eventually(() => dialog.getByText('Shortcuts saved.').count(), 1);
    const saved = (await call('getSettings', {})).settings.shortcuts;
    expect(saved.window).toMatchObject({ mute: 'k', hold: 'j' });
    expect(saved.global).toMatchObject({ showToolbar: 'CommandOrControl+Alt+B', selectNext: null });
    await h.screenshot('settings-shortcuts-light');

    await page.reload();
    const again = await openSettings(page);
    await selectTab(again, 'Shortcuts');
    expect(await again.getByRole('button', { name: 'Change Mute / unmute selected (now K)' }).count()).toBe(
      1,
    );
    expect(
      await again.getByRole('button', { name: 'Change Show ConfBar (global, now Ctrl+Alt+B)' }).count(),
    ).toBe(1);
  });

  it('adds a contact with live number checks, imports CSV with a rejected row, and exports', async () => {
    const h = await launch();
    const { page, call } = h;
    const dialog = await openSettings(page);
    await selectTab(dialog, 'Directory');

    await dialog.getByLabel('Name', { exact: true }).fill('Priya Supervisor');
    const number = dialog.getByLabel('Number', { exact: true });
    await number.fill('98111');
    await eventually(() => number.getAttribute('aria-invalid'), 'true');
    expect(await description(number)).toContain('has 5');
    await number.fill('98111 12222');
    await eventually(async () => (await description(number)).includes('Dials 09811112222'), true);
    await dialog.getByLabel('Speed-dial slot').selectOption('2');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await eventually(() => dialog.getByText('Added Priya Supervisor.').count(), 1);
    expect(await dialog.getByRole('list', { name: 'Contacts' }).getByRole('listitem').count()).toBe(1);
    expect((await call('getSettings', {})).settings.directory).toMatchObject([
      { label: 'Priya Supervisor', number: '98111 12222', sip: false, slot: 2 },
    ]);

    // Slot 2 is now taken: the form says so before anything is sent.
    await dialog.getByLabel('Name', { exact: true }).fill('Second');
    await number.fill('98333 34444');
    await dialog.getByLabel('Speed-dial slot').selectOption('2');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await eventually(
      async () =>
        (await description(dialog.getByLabel('Speed-dial slot'))).includes('already Priya Supervisor'),
      true,
    );
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Second');
    // The same number typed differently: main refuses it, and the message lands on the Number field.
    await dialog.getByLabel('Speed-dial slot').selectOption('');
    await number.fill('+91 98111 12222');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await eventually(
      async () => (await description(number)).includes('already in the directory as "Priya Supervisor"'),
      true,
    );
    expect(await number.inputValue()).toBe('+91 98111 12222');
    expect((await call('getSettings', {})).settings.directory).toHaveLength(1);
    await dialog.getByLabel('Name', { exact: true }).fill('');
    await number.fill('');

    const csv = [
      'label,number,sip,slot',
      'Billing desk,98222 23333,no,3',
      'Broken row,12345,no,',
      'Team bridge,bridge@pbx.example.com,yes,',
    ].join('\n');
    await dialog.getByLabel('or paste CSV').fill(csv);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await eventually(() => dialog.getByText('2 contacts added, 1 row rejected.').count(), 1);
    const rejected = await dialog
      .getByRole('list', { name: 'Rejected rows' })
      .getByRole('listitem')
      .allTextContents();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(/^Line 3: number: /);
    expect(await dialog.getByRole('list', { name: 'Contacts' }).getByRole('listitem').count()).toBe(3);
    expect((await call('getSettings', {})).settings.directory.map((c) => c.label)).toEqual([
      'Priya Supervisor',
      'Billing desk',
      'Team bridge',
    ]);

    // Delete asks once more, in place.
    await dialog.getByRole('button', { name: 'Delete Team bridge' }).click();
    await dialog
      .getByRole('group', { name: 'Delete Team bridge?' })
      .getByRole('button', { name: 'Delete Team bridge' })
      .click();
    await eventually(() => dialog.getByText('Deleted Team bridge.').count(), 1);
    expect((await call('getSettings', {})).settings.directory).toHaveLength(2);

    await dialog.getByRole('button', { name: 'Export directory' }).click();
    const exported = dialog.locator('.st-export textarea');
    await exported.waitFor();
    expect(await exported.inputValue()).toContain('Billing desk');
    const link = dialog.getByRole('link', { name: /^Save / });
    expect(await link.getAttribute('href')).toMatch(/^data:text\/csv/);
    await h.screenshot('settings-directory-light');
  });

  it('an admin policy file locks fields: shown disabled with "Set by your administrator", refused by main', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'confbar-e2e-policy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ account: { mode: 'basic' }, behaviour: { launchAtLogin: true } }));
    // The account set up by the harness sends the locked mode's own value, which main accepts.
    const h = await launch({
      policy: createFilePolicySource({ path: file }),
      mode: 'basic',
    });
    const { page, call } = h;
    const view = await call('getSettings', {});
    expect(view.locked).toEqual(['account.mode', 'behaviour.launchAtLogin']);
    expect(view.policySource).toBe(file);

    const dialog = await openSettings(page);
    expect(await dialog.getByRole('radio', { name: /^Basic/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /^Token/ }).isDisabled()).toBe(true);
    const mode = dialog.getByRole('group', { name: /API mode/ });
    expect(await description(mode)).toContain('Set by your administrator');
    expect(await dialog.getByText(`(${file})`).count()).toBe(1);
    // Unlocked fields stay editable.
    expect(await dialog.getByLabel('User name').isDisabled()).toBe(false);
    await h.screenshot('settings-account-locked-light');

    await selectTab(dialog, 'General');
    const login = dialog.getByRole('checkbox', { name: /Launch at login/ });
    expect(await login.isDisabled()).toBe(true);
    expect(await login.isChecked()).toBe(true);
    expect(await description(login)).toContain('Set by your administrator');
    expect(await dialog.getByRole('checkbox', { name: 'Always on top' }).isDisabled()).toBe(false);

    // A disabled control is only the UI's side: main refuses the change itself, whoever asks.
    const refusals = [
      { patch: { account: { mode: 'token' } }, path: 'account.mode' },
      { patch: { behaviour: { launchAtLogin: false } }, path: 'behaviour.launchAtLogin' },
    ];
    for (const { patch, path } of refusals) {
      const r = await h.services.invoke('updateSettings', { patch });
      expect(r).toEqual({
        ok: false,
        error: expect.objectContaining({
          kind: 'InvalidInput',
          message: `${path} is locked by your administrator.`,
        }),
      });
    }
    const after = (await call('getSettings', {})).settings;
    expect(after.account.mode).toBe('basic');
    expect(after.behaviour.launchAtLogin).toBe(true);
    // An unlocked field in the same section still saves.
    await call('updateSettings', { patch: { behaviour: { alwaysOnTop: false } } });
    await eventually(() => dialog.getByRole('checkbox', { name: 'Always on top' }).isChecked(), false);
  });

  it('general toggles, theme and demo mode save at once; dark theme screenshots', async () => {
    const h = await launch({ colorScheme: 'dark' });
    const { page, call } = h;
    const dialog = await openSettings(page);
    await h.screenshot('settings-account-dark');

    await selectTab(dialog, 'General');
    await dialog.getByRole('checkbox', { name: 'Always on top' }).uncheck();
    await eventually(async () => (await call('getSettings', {})).settings.behaviour.alwaysOnTop, false);
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
    expect((await call('getSettings', {})).settings.behaviour.theme).toBe('dark');

    const demo = dialog.getByRole('checkbox', { name: 'Demo mode (simulated calls)' });
    expect(await description(demo)).toContain('simulated');
    await demo.check();
    await eventually(async () => (await call('getSettings', {})).settings.demo.enabled, true);
    await eventually(() => dialog.getByText('Demo mode on: calls are simulated.').count(), 1);
    await h.screenshot('settings-general-dark');
    await demo.uncheck();
    await eventually(async () => (await call('getSettings', {})).settings.demo.enabled, false);

    await selectTab(dialog, 'Shortcuts');
    await h.screenshot('settings-shortcuts-dark');
    await selectTab(dialog, 'Directory');
    await h.screenshot('settings-directory-dark');

    // Light theme forced over the dark OS theme.
    await selectTab(dialog, 'General');
    await dialog.getByRole('radio', { name: 'Light' }).check();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'light');
    await h.screenshot('settings-general-light');

    // Esc closes the panel and returns to the toolbar.
    await page.keyboard.press('Escape');
    await eventually(() => dialog.count(), 0);
  });

  it('history lists sessions, shows one session log and exports CSV', async () => {
    const h = await launch();
    const { page, call, sim } = h;
    const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    await call('setUcid', { text: ucid });
    await call('addParticipant', { number: '98111 12222', sip: false, label: 'Priya Supervisor' });
    await h.services.settled();
    const dialog = await openSettings(page);
    await selectTab(dialog, 'History');
    const session = dialog.getByRole('button', { name: new RegExp(ucid) });
    await session.waitFor();
    await session.click();
    const log = dialog.getByRole('list', { name: `Actions in ${ucid}` });
    await log.waitFor();
    expect((await log.getByRole('listitem').allTextContents()).some((t) => /CONFERENCE/.test(t))).toBe(true);
    await dialog.getByRole('button', { name: 'Export this session' }).click();
    const csv = dialog.locator('.st-log .st-export textarea');
    await csv.waitFor();
    expect(await csv.inputValue()).toContain(ucid);
    await h.screenshot('settings-history-light');
  });
});
