import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { accountId } from '../../../electron/core/vault/account-id';
import { describeKeychain } from '../../../electron/core/vault/describe';
import { createKeytarVault, type Keytar } from '../../../electron/core/vault/keytar-vault';
import { createMemoryVault } from '../../../electron/core/vault/memory-vault';
import { appErrorFrom } from '../../support/app-error';

/** A keytar stand-in with keytar's contract: a Map per service, or the native layer's failure. */
function fakeKeytar(failWith?: string) {
  const entries = new Map<string, string>();
  const fail = () => Promise.reject(new Error(failWith));
  const k: Keytar = {
    getPassword: async (service, account) =>
      failWith ? fail() : (entries.get(`${service}/${account}`) ?? null),
    setPassword: async (service, account, password) => {
      if (failWith) return fail();
      entries.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => (failWith ? fail() : entries.delete(`${service}/${account}`)),
  };
  return { keytar: k, entries };
}

const TOKEN = { token: 'tok-abc', expiresAt: 1_800_000_000_000, generations: [1, 2, 3] };

describe('accountId', () => {
  it('is user@host of the base URL', () => {
    expect(accountId('agent7', 'https://in1-ccaas-api.ozonetel.com/CAServices')).toBe(
      'agent7@in1-ccaas-api.ozonetel.com',
    );
    expect(accountId(' agent7 ', 'http://127.0.0.1:8123/')).toBe('agent7@127.0.0.1:8123');
    expect(accountId('a', 'https://API.Example.COM')).toBe('a@api.example.com');
  });

  it('rejects an empty user or a malformed URL', () => {
    expect(() => accountId('', 'https://x.example')).toThrow(/userName/);
    expect(() => accountId('a', 'not a url')).toThrow(/baseUrl/);
  });
});

describe('keytar vault (fake keytar)', () => {
  it('stores the key under the service and the token cache as JSON under token:<account>', async () => {
    const { keytar, entries } = fakeKeytar();
    const vault = createKeytarVault({ keytar, service: 'ConfBarTest', platform: 'linux' });
    await vault.setApiKey('a@h', '  KEY123\n');
    await vault.setToken('a@h', TOKEN);
    expect(entries.get('ConfBarTest/a@h')).toBe('KEY123');
    expect(JSON.parse(entries.get('ConfBarTest/token:a@h')!)).toEqual(TOKEN);
    expect(await vault.getApiKey('a@h')).toBe('KEY123');
    expect(await vault.hasApiKey('a@h')).toBe(true);
    expect(await vault.getToken('a@h')).toEqual(TOKEN);
    expect(await vault.deleteToken('a@h')).toBe(true);
    expect(await vault.getToken('a@h')).toBeNull();
    expect(await vault.getApiKey('a@h')).toBe('KEY123');
  });

  it('turns every native failure into KeychainUnavailable with an actionable remedy', async () => {
    const { keytar } = fakeKeytar('Could not connect: No such file or directory');
    const vault = createKeytarVault({ keytar, platform: 'linux' });
    for (const op of [
      vault.getApiKey('a@h'),
      vault.setApiKey('a@h', 'K'),
      vault.deleteApiKey('a@h'),
      vault.hasApiKey('a@h'),
      vault.getToken('a@h'),
      vault.setToken('a@h', TOKEN),
      vault.secretsFor('a@h').deleteToken(),
    ]) {
      const e = await appErrorFrom(op);
      expect(e.kind).toBe('KeychainUnavailable');
      expect(e.message).toContain('GNOME Keyring / Secret Service');
      expect(e.message).toContain('Could not connect');
      expect(e.remedy).toMatch(/gnome-keyring/);
    }
  });

  it('names the OS keychain per platform', async () => {
    const { keytar } = fakeKeytar('User interaction is not allowed.');
    expect(
      (await appErrorFrom(createKeytarVault({ keytar, platform: 'darwin' }).getApiKey('a@h'))).remedy,
    ).toMatch(/Keychain Access/);
    expect(describeKeychain('darwin')).toBe('macOS Keychain');
    expect(describeKeychain('win32')).toBe('Windows Credential Manager');
    expect(createKeytarVault({ keytar, platform: 'linux' }).description).toBe(
      'GNOME Keyring / Secret Service',
    );
  });

  it('treats a corrupt token cache as absent', async () => {
    const { keytar, entries } = fakeKeytar();
    const vault = createKeytarVault({ keytar, service: 'S' });
    entries.set('S/token:a@h', '{"token": 5');
    expect(await vault.getToken('a@h')).toBeNull();
    entries.set('S/token:a@h', '{"token": "t"}');
    expect(await vault.getToken('a@h')).toBeNull();
  });
});

describe('vault input checks (memory vault)', () => {
  it('rejects empty accounts and keys as InvalidInput', async () => {
    const vault = createMemoryVault();
    for (const p of [
      vault.getApiKey(''),
      vault.setApiKey('a@h', ''),
      vault.setApiKey('a@h', '   '),
      vault.getToken(' '),
    ]) {
      expect((await appErrorFrom(p)).kind).toBe('InvalidInput');
    }
    expect((await appErrorFrom(vault.setApiKey('a@h', 'two words'))).message).not.toContain('two words');
    expect((await appErrorFrom(vault.setApiKey('token:a@h', 'K'))).kind).toBe('InvalidInput');
    expect((await appErrorFrom(vault.setToken('a@h', { token: 'x' } as never))).kind).toBe('InvalidInput');
    expect(() => vault.secretsFor('')).toThrow(AppError);
  });

  it('serves a SecretSource for one account', async () => {
    const vault = createMemoryVault();
    await vault.setApiKey('a@h', 'K1');
    const secrets = vault.secretsFor('a@h');
    expect(await secrets.getApiKey()).toBe('K1');
    await secrets.setToken(TOKEN);
    expect(await vault.getToken('a@h')).toEqual(TOKEN);
    await secrets.deleteToken();
    expect(await secrets.getToken()).toBeNull();
    expect(await vault.deleteApiKey('a@h')).toBe(true);
    expect(await vault.hasApiKey('a@h')).toBe(false);
    expect(vault.description).toMatch(/not saved/);
  });

  it('keeps nothing across instances (not persistent)', async () => {
    await createMemoryVault().setApiKey('a@h', 'K');
    expect(await createMemoryVault().getApiKey('a@h')).toBeNull();
  });
});
