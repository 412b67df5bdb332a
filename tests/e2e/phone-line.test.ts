import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFilePolicySource } from '../../electron/core/settings/policy';
import { axeViolations } from './axe';
import { blurAll, eventually, launchEachTest, openSettings, ucidShown } from './helpers';

const launch = launchEachTest();
const AGENT_NUMBER = '09800000001';
const focusedName = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });
const releases = (sim: { requests: readonly { path: string }[] }) =>
  sim.requests.filter((r) => r.path === '/ca_apis/ReleaseFwpNumber').length;

describe.each(['light', 'dark'] as const)('Release my phone (%s)', (colorScheme) => {
  it('from the call menu by keyboard: asks on Cancel first, Esc/Enter-on-Cancel send nothing, Release shows the numbers', async () => {
    const h = await launch({ colorScheme });
    const { page, sim } = h;
    sim.setPhoneState('demo-phone', 'stuck');
    const menuButton = page.getByRole('button', { name: 'Call menu' });
    await menuButton.waitFor();
    await menuButton.focus();
    await page.keyboard.press('ArrowDown');
    const item = page.getByRole('menuitem', { name: 'Release my phone…' });
    await item.waitFor();
    await page.keyboard.press('End');
    await eventually(() => focusedName(page), 'Release my phone…');
    await h.screenshot(`release-menu-${colorScheme}`);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      "CloudAgent frees the number mapped to phone 'demo-phone'; a call still mapped to it is disconnected.",
    );
    // The safe choice has focus: Enter pressed out of habit cancels.
    await eventually(() => focusedName(page), 'Cancel');
    expect(await axeViolations(page)).toEqual([]);
    await h.screenshot(`release-confirm-${colorScheme}`);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(releases(sim)).toBe(0);

    await menuButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await eventually(() => focusedName(page), 'Release my phone…');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(releases(sim)).toBe(0);

    await menuButton.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    await eventually(() => focusedName(page), 'Release');
    await page.keyboard.press('Enter');
    const shown = page.getByRole('status').filter({ hasText: `Released ${AGENT_NUMBER}` });
    await shown.waitFor();
    expect(releases(sim)).toBe(1);
    expect(sim.phoneState('demo-phone')).toBe('free');
    await h.screenshot(`release-done-${colorScheme}`);
  });

  it('Start call refused for a stuck phone: said in words with the Release offer; after it, the call starts with its reference', async () => {
    const h = await launch({ colorScheme });
    const { page, sim } = h;
    sim.setPhoneState('demo-phone', 'stuck');
    await page.getByRole('button', { name: 'Call menu' }).waitFor();
    await blurAll(page);
    await page.keyboard.press('c');
    const customer = page.getByRole('textbox', { name: 'Customer number to call' });
    await eventually(() => customer.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('98555 56666');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await eventually(() => focusedName(page), "Reference for CloudAgent's reports (optional)");
    await page.keyboard.type('TKT<1>');
    await page.keyboard.press('Enter');
    const hint = page.locator('#start-hint');
    await eventually(
      async () => /may hold letters, digits.*not "<"/.test((await hint.textContent()) ?? ''),
      true,
    );
    expect(sim.requests.filter((r) => /PhoneManualDial/.test(r.path))).toHaveLength(0);
    // Nothing typed is lost: fix the reference in place.
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('-1');
    await page.keyboard.press('Enter');

    const offer = page.getByRole('button', { name: 'Release my phone…' });
    await offer.waitFor();
    expect(await hint.textContent()).toMatch(/Agent is busy on another call\. .*Release my phone/);
    await eventually(() => focusedName(page), 'Release my phone…');
    await h.screenshot(`start-call-refused-${colorScheme}`);
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Released ${AGENT_NUMBER}` })
      .waitFor();
    await eventually(() => focusedName(page), 'Customer number to call');
    // The typed number and reference are still there: Enter starts the call now.
    expect(await customer.inputValue()).toBe('98555 56666');
    await page.keyboard.press('Enter');
    await eventually(async () => /^\d{6,}$/.test(await ucidShown(page)), true);
    const ucid = await ucidShown(page);
    expect(sim.getCall(ucid)?.dialOptions).toEqual({ checkStatus: true, uui: 'TKT-1' });
  });
});

it('the tray’s command opens the same confirmation; Settings → Account releases too', async () => {
  const h = await launch();
  const { page, sim } = h;
  await page.getByRole('button', { name: 'Call menu' }).waitFor();
  await h.emit('command', { command: 'releasePhone' });
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await eventually(() => focusedName(page), 'Cancel');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  sim.setPhoneState('demo-phone', 'stuck');
  await blurAll(page);
  await page.keyboard.press(',');
  await page.getByRole('tab', { name: 'Account' }).waitFor();
  const open = page.getByRole('button', { name: 'Release my phone…' });
  await open.scrollIntoViewIfNeeded();
  await open.focus();
  await page.keyboard.press('Enter');
  await eventually(() => focusedName(page), 'Cancel');
  await page.keyboard.press('Escape');
  await eventually(() => focusedName(page), 'Release my phone…');
  expect(releases(sim)).toBe(0);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.getByText(`Released ${AGENT_NUMBER}`).waitFor();
  expect(releases(sim)).toBe(1);
  await h.screenshot('release-settings');
});

it('Settings → Account → Start call: Check status off and a call limit are saved (bad text said in words); a policy locks the limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'confbar-e2e-line-'));
  const file = join(dir, 'policy.json');
  try {
    const h = await launch();
    const { page, call } = h;
    await page.getByRole('button', { name: 'Call menu' }).waitFor();
    const dialog = await openSettings(page);
    const check = dialog.getByRole('checkbox', { name: 'Check status first' });
    const limit = dialog.getByLabel('Call limit (seconds)');
    await check.waitFor();
    expect(await check.isChecked()).toBe(true);
    expect(await limit.inputValue()).toBe('');
    await check.focus();
    await page.keyboard.press('Space');
    await limit.focus();
    await page.keyboard.type('ten');
    await page.keyboard.press('Enter');
    await eventually(() => limit.getAttribute('aria-invalid'), 'true');
    expect(await limit.inputValue()).toBe('ten');
    expect((await call('getSettings', {})).settings.account).toMatchObject({
      checkStatus: true,
      callLimit: null,
    });
    await limit.fill('600');
    await dialog.getByRole('button', { name: 'Save account' }).click();
    await dialog.getByText('Account settings saved.').waitFor();
    expect((await call('getSettings', {})).settings.account).toMatchObject({
      checkStatus: false,
      callLimit: 600,
    });
    await h.screenshot('settings-start-call-options');
    await h.close();

    writeFileSync(file, JSON.stringify({ account: { callLimit: 900 } }));
    const locked = await launch({ policy: createFilePolicySource({ path: file }) });
    await locked.page.getByRole('button', { name: 'Call menu' }).waitFor();
    const field = (await openSettings(locked.page)).getByLabel('Call limit (seconds)');
    await field.waitFor();
    expect(await field.inputValue()).toBe('900');
    expect(await field.isDisabled()).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('before the account is set up, the tray’s Release still asks, and the refusal names what is missing', async () => {
  const h = await launch({ configure: false });
  const { page, sim } = h;
  await page.getByRole('region', { name: 'Welcome to ConfBar' }).waitFor();
  await h.emit('command', { command: 'releasePhone' });
  await page.getByRole('alertdialog').waitFor();
  expect(await page.getByRole('alertdialog').textContent()).toContain('mapped to your phone');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  const error = page
    .getByRole('alert')
    .filter({ hasText: 'Enter your CloudAgent user name in Settings first' });
  await error.waitFor();
  expect(releases(sim)).toBe(0);
});
