import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createFilePolicySource } from '../../electron/core/settings/policy';
import { axeViolations } from './axe';
import { makeCa } from '../support/net/certs';
import { eventually, launchEachTest, openSettings } from './helpers';

const TALL = { width: 420, height: 760 };
const launch = launchEachTest({ viewport: TALL });
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** Opens settings with ',' and reaches the Network tab by keyboard (End: the last tab). */
async function openNetworkTab(page: Page): Promise<Locator> {
  const dialog = await openSettings(page);
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
  await page.keyboard.press('End');
  await eventually(() => dialog.getByRole('tab', { name: 'Network' }).getAttribute('aria-selected'), 'true');
  return dialog;
}

async function description(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

/** Tabs forward until `target` has focus (real key presses), or fails after `max`. */
async function tabUntil(page: Page, target: Locator, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the control was not reached with Tab');
}

describe('Settings → Network', () => {
  it('sets a proxy, no-proxy hosts and a CA file by keyboard; bad values are refused in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'confbar-e2e-ca-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const caFile = join(dir, 'corp-ca.pem');
    writeFileSync(caFile, (await makeCa('Acme Corp Inspection CA')).cert);
    const h = await launch();
    const { page, call } = h;
    const dialog = await openNetworkTab(page);
    expect(await dialog.getByRole('radio', { name: /Use the system proxy settings/ }).isChecked()).toBe(true);

    // System → None → This proxy server, with the arrow keys inside the radio group.
    await tabUntil(page, dialog.getByRole('radio', { name: /Use the system proxy settings/ }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const url = dialog.getByLabel('Proxy server URL');
    await url.waitFor();
    await tabUntil(page, url);
    await page.keyboard.type('socks5://socks.corp:1080');
    await page.keyboard.press('Enter');
    await eventually(() => url.getAttribute('aria-invalid'), 'true');
    expect(await description(url)).toMatch(/SOCKS proxies \(socks5:\/\/\) are not supported/);
    expect(await dialog.getByRole('status').filter({ hasText: 'Not saved' }).count()).toBe(1);
    // Focus went to the field in error, and the typed value is kept.
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await url.inputValue()).toBe('socks5://socks.corp:1080');
    await h.screenshot('settings-network-error-light');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('http://proxy.corp:3128');
    await page.keyboard.press('Tab');
    const noProxy = dialog.getByLabel('No proxy for');
    await tabUntil(page, noProxy);
    await page.keyboard.type('intranet.corp, .example.com');
    const ca = dialog.getByLabel('Extra CA file (PEM)');
    await tabUntil(page, ca);
    // A file that is not there is refused by main, in the field, with nothing saved.
    await page.keyboard.type(join(dir, 'missing.pem'));
    await page.keyboard.press('Enter');
    await eventually(() => ca.getAttribute('aria-invalid'), 'true');
    expect(await description(ca)).toMatch(/The extra CA file .*missing\.pem does not exist/);
    expect((await call('getSettings', {})).settings.network.proxy).toBe('system');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(caFile);
    await page.keyboard.press('Enter');
    await eventually(
      () =>
        dialog
          .getByRole('status')
          .filter({ hasText: /^Saved:/ })
          .count(),
      1,
    );
    expect((await call('getSettings', {})).settings.network).toEqual({
      proxy: 'http://proxy.corp:3128',
      noProxy: 'intranet.corp, .example.com',
      extraCaFile: caFile,
    });
    await eventually(
      async () => /is trusted too \(Acme Corp Inspection CA\)/.test(await description(ca)),
      true,
    );
    await h.screenshot('settings-network-light');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('stores a proxy login in the keychain only: the password field empties and never comes back', async () => {
    const h = await launch({ colorScheme: 'dark' });
    const { page, call } = h;
    await call('updateSettings', { patch: { network: { proxy: 'http://proxy.corp:3128' } } });
    const dialog = await openNetworkTab(page);
    const proxy = dialog.getByLabel('Proxy (host:port)');
    await eventually(() => proxy.inputValue(), 'proxy.corp:3128');
    await eventually(() => dialog.getByText(/No login stored for proxy\.corp:3128/).count(), 1);

    const login = dialog.getByRole('form', { name: 'Proxy login' });
    // A Windows-login proxy needs nothing typed: the form says so before anyone looks for a password.
    await eventually(() => login.getByText(/Windows login \(Negotiate\) needs nothing here/).count(), 1);
    await login.scrollIntoViewIfNeeded();
    await h.screenshot('settings-proxy-login-light');
    const user = login.getByLabel('User name');
    await tabUntil(page, user);
    await page.keyboard.type('jdoe');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pr0xy-Secret!');
    await page.keyboard.press('Enter');
    await eventually(
      () =>
        dialog
          .getByRole('status')
          .filter({ hasText: /Proxy login for proxy\.corp:3128 stored/ })
          .count(),
      1,
    );
    expect(await login.getByLabel('Password').inputValue()).toBe('');
    const state = await call('proxyLoginStatus', { proxy: 'proxy.corp:3128' });
    expect(state).toMatchObject({ proxy: 'proxy.corp:3128', saved: true });
    expect(JSON.stringify(state)).not.toContain('Pr0xy-Secret!');
    // Not a setting: nothing of the login is in the settings the page (or a file) sees.
    expect(JSON.stringify(await call('getSettings', {}))).not.toMatch(/Pr0xy-Secret!|jdoe/);
    expect(await page.content()).not.toContain('Pr0xy-Secret!');
    await h.screenshot('settings-network-dark');
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Remove login' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => dialog.getByText(/No login stored for proxy\.corp:3128/).count(), 1);
  });

  it('an admin policy locks the network values: shown disabled with "Set by your administrator"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'confbar-e2e-netpolicy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({ network: { proxy: 'http://proxy.corp:8080', extraCaFile: '/etc/corp-ca.pem' } }),
    );
    const h = await launch({ policy: createFilePolicySource({ path: file }) });
    const { page } = h;
    const dialog = await openNetworkTab(page);
    const url = dialog.getByLabel('Proxy server URL');
    expect(await url.inputValue()).toBe('http://proxy.corp:8080');
    expect(await url.isDisabled()).toBe(true);
    expect(await description(url)).toContain('Set by your administrator');
    const ca = dialog.getByLabel('Extra CA file (PEM)');
    expect(await ca.isDisabled()).toBe(true);
    // The policy's file is not on this computer: Settings says so (it could not refuse a policy value).
    await eventually(
      async () => /The extra CA file \/etc\/corp-ca\.pem does not exist/.test(await description(ca)),
      true,
    );
    expect(await dialog.getByLabel('No proxy for').isDisabled()).toBe(false);
    const r = await h.services.invoke('updateSettings', { patch: { network: { proxy: 'none' } } });
    expect(r).toMatchObject({
      ok: false,
      error: { message: 'network.proxy is locked by your administrator.' },
    });
    await h.screenshot('settings-network-locked-light');
    expect(await axeViolations(page)).toEqual([]);
  });
});
