import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../shared/settings';
import { SettingsSchema } from '../../../shared/settings-schema';
import {
  caFilePathProblem,
  noProxyEntries,
  noProxyProblem,
  proxySettingProblem,
} from '../../../shared/network-settings';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { parsePolicy, type PolicySource } from '../../../electron/core/settings/policy';
import { createSettingsStore } from '../../../electron/core/settings/store';
import { readSettings } from '../../../electron/core/settings/repair';
import { appErrorOf } from '../../support/app-error';

describe('Settings → Network values', () => {
  it('defaults to the system proxy, no exceptions and no extra CA, for old stores too', () => {
    expect(DEFAULT_SETTINGS.network).toEqual({ proxy: 'system', noProxy: '', extraCaFile: '' });
    expect(SettingsSchema.parse({ version: SETTINGS_VERSION }).network).toEqual(DEFAULT_SETTINGS.network);
    const old = readSettings({ version: SETTINGS_VERSION, account: { userName: 'agent7' } });
    expect(old.settings.network).toEqual(DEFAULT_SETTINGS.network);
    expect(old.rewrite).toBe(false);
  });

  it('accepts system, none and an http(s) proxy URL', () => {
    for (const v of [
      'system',
      'none',
      'http://proxy.corp:8080',
      'https://proxy.corp',
      'http://[::1]:3128/',
    ]) {
      expect(proxySettingProblem(v), v).toBeNull();
    }
  });

  it('says in words why a proxy value cannot be used', () => {
    expect(proxySettingProblem('socks5://s.corp:1080')).toMatch(
      /SOCKS proxies \(socks5:\/\/\) are not supported/,
    );
    expect(proxySettingProblem('socks://s.corp:1080')).toMatch(/not supported/);
    expect(proxySettingProblem('ftp://p.corp')).toMatch(/must start with http:\/\/ or https:\/\//);
    expect(proxySettingProblem('proxy.corp:8080')).toMatch(/starts with http:\/\//);
    expect(proxySettingProblem('http://user:pw@proxy.corp:8080')).toMatch(/Proxy login.*keychain/);
    expect(proxySettingProblem('http://proxy.corp:99999')).toMatch(/not a valid URL/);
    expect(proxySettingProblem('http://proxy.corp:8080/pac.js')).toMatch(/no path/);
    expect(proxySettingProblem('')).toMatch(/enter a proxy URL/);
  });

  it('reads No proxy as NO_PROXY is written, and names the bad entry', () => {
    expect(noProxyEntries(' intranet.corp, .corp  *.example.com,10.0.0.1:8443 ')).toEqual([
      'intranet.corp',
      '.corp',
      '*.example.com',
      '10.0.0.1:8443',
    ]);
    for (const ok of ['', '*', 'a.corp,b.corp', '[::1]:80', 'localhost'])
      expect(noProxyProblem(ok), ok).toBeNull();
    expect(noProxyProblem('https://intranet.corp')).toMatch(
      /"https:\/\/intranet.corp": write host names only/,
    );
    expect(noProxyProblem('10.0.0.0/8')).toMatch(/CIDR\) are not supported/);
    expect(noProxyProblem('good.corp, bad host!')).toMatch(/"host!" is not a host name/);
  });

  it('wants a full path for the extra CA file (its content is checked where files are read)', () => {
    expect(caFilePathProblem('')).toBeNull();
    expect(caFilePathProblem('/etc/ssl/corp-ca.pem')).toBeNull();
    expect(caFilePathProblem('C:\\Certs\\corp-ca.pem')).toBeNull();
    expect(caFilePathProblem('\\\\server\\share\\ca.pem')).toBeNull();
    expect(caFilePathProblem('corp-ca.pem')).toMatch(/full path of a PEM file/);
  });

  it('refuses a bad value through the store with the field named, and keeps the old one', () => {
    const store = createSettingsStore({ backend: createMemoryBackend(), warn: () => {} });
    const e = appErrorOf(() => store.update({ network: { proxy: 'socks5://s.corp:1080' } }));
    expect(e.kind).toBe('InvalidInput');
    expect(e.message).toMatch(/^network\.proxy: SOCKS proxies \(socks5:\/\/\) are not supported/);
    expect(appErrorOf(() => store.update({ network: { proxyUser: 'x' } })).message).toMatch(
      /network\.proxyUser: is not a setting/,
    );
    expect(store.get().settings.network.proxy).toBe('system');
    store.update({ network: { proxy: 'http://proxy.corp:8080', noProxy: '.corp' } });
    expect(store.get().settings.network).toMatchObject({ proxy: 'http://proxy.corp:8080', noProxy: '.corp' });
  });

  it('lets IT lock every network value by policy ("Set by your administrator")', () => {
    const parsed = parsePolicy({
      network: { proxy: 'http://proxy.corp:8080', noProxy: '.corp', extraCaFile: '/etc/corp-ca.pem' },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const policy: PolicySource = {
      load: () => ({
        values: parsed.values,
        locked: ['network.proxy', 'network.noProxy', 'network.extraCaFile'],
        source: 'p',
        error: null,
      }),
    };
    const store = createSettingsStore({ backend: createMemoryBackend(), policy, warn: () => {} });
    expect(store.get().settings.network.proxy).toBe('http://proxy.corp:8080');
    expect(appErrorOf(() => store.update({ network: { proxy: 'none' } })).message).toMatch(
      /network\.proxy is locked by your administrator/,
    );
    const bad = parsePolicy({ network: { proxy: 'socks5://s:1' } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/network\.proxy: SOCKS proxies/) });
  });

  it('puts a network policy on the locked list', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createFilePolicySource } = await import('../../../electron/core/settings/policy');
    const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.json');
    writeFileSync(file, JSON.stringify({ network: { proxy: 'none', extraCaFile: '/etc/ca.pem' } }));
    expect(createFilePolicySource({ path: file }).load().locked).toEqual([
      'network.proxy',
      'network.extraCaFile',
    ]);
  });
});
