import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarVault, type Keytar } from '../../../electron/core/vault/keytar-vault';
import { createMemoryVault } from '../../../electron/core/vault/memory-vault';
import { proxyLoginAccount, vaultProxyCredentials } from '../../../electron/core/vault/proxy-login';
import { forgetSecrets, redact } from '../../../electron/core/redact';

afterEach(() => forgetSecrets());

describe('proxy logins in the vault', () => {
  it('names one keychain entry per proxy host:port, default ports spelt out', () => {
    expect(proxyLoginAccount('Proxy.Corp:8080')).toBe('proxy:proxy.corp:8080');
    expect(proxyLoginAccount('http://proxy.corp')).toBe('proxy:proxy.corp:80');
    expect(proxyLoginAccount('https://proxy.corp/')).toBe('proxy:proxy.corp:443');
    expect(() => proxyLoginAccount('::::')).toThrow(/not a proxy host:port/);
  });

  it('keeps the login as its own keychain entry, apart from the API key, and nowhere else', async () => {
    const entries = new Map<string, string>();
    const keytar: Keytar = {
      getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
      setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
      deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
    };
    const vault = createKeytarVault({ keytar, platform: 'linux' });
    await vault.setApiKey('agent@api.example', 'api-key-value');
    await vault.setProxyLogin('proxy.corp:3128', { username: 'jdoe', password: 'pr0xy-pass' });
    expect([...entries.keys()].sort()).toEqual([
      'ConfBar/agent@api.example',
      'ConfBar/proxy:proxy.corp:3128',
    ]);
    expect(await vault.getProxyLogin('http://proxy.corp:3128/')).toEqual({
      username: 'jdoe',
      password: 'pr0xy-pass',
    });
    expect(await vault.getProxyLogin('proxy.corp:3129')).toBeNull();
    expect(await vault.deleteProxyLogin('proxy.corp:3128')).toBe(true);
    expect(await vault.getProxyLogin('proxy.corp:3128')).toBeNull();
  });

  it('refuses an API-key account that would collide with a proxy entry', async () => {
    const vault = createMemoryVault();
    await expect(vault.setApiKey('proxy:proxy.corp:3128', 'abcd1234')).rejects.toThrow(
      /may not start with "proxy:"/,
    );
  });

  it('refuses an empty user name or password in words', async () => {
    const vault = createMemoryVault();
    await expect(vault.setProxyLogin('p:1', { username: ' ', password: 'x' })).rejects.toThrow(
      /Enter both the proxy user name and its password/,
    );
    await expect(vault.setProxyLogin('p:1', { username: 'u', password: '' })).rejects.toThrow(/Enter both/);
  });

  it('tells the redactor the password and the Proxy-Authorization base64', async () => {
    const vault = createMemoryVault();
    await vault.setProxyLogin('p.corp:1', { username: 'jdoe', password: 'S3cret-proxy' });
    const basic = Buffer.from('jdoe:S3cret-proxy').toString('base64');
    const line = `proxy said 407 for S3cret-proxy; header x-echo ${basic}`;
    expect(redact(line)).not.toContain('S3cret-proxy');
    expect(redact(line)).not.toContain(basic);
    expect(redact(`Proxy-Authorization: Basic ${Buffer.from('never:seen').toString('base64')}`)).toBe(
      'Proxy-Authorization: Basic ***',
    );
  });

  it('gives the transport the saved login for its proxy, and nothing when the keychain fails', async () => {
    const vault = createMemoryVault();
    await vault.setProxyLogin('proxy.corp:8080', { username: 'u1', password: 'pw-123456' });
    const creds = vaultProxyCredentials(vault);
    expect(await creds.get(new URL('http://proxy.corp:8080'))).toEqual({
      username: 'u1',
      password: 'pw-123456',
    });
    expect(await creds.get(new URL('http://other.corp:8080'))).toBeUndefined();
    const broken = vaultProxyCredentials({ getProxyLogin: () => Promise.reject(new Error('locked')) });
    expect(await broken.get(new URL('http://proxy.corp:8080'))).toBeUndefined();
  });
});
