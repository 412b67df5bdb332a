import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createCloudAgentClient } from '../../../electron/core/cloudagent/client';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import type { CloudAgentConfig } from '../../../electron/core/cloudagent/types';
import { directTransport } from '../../support/transport';

const base: CloudAgentConfig = {
  // Loopback with nothing listening: a bug that sent something could not reach any real host.
  endpoint: { baseUrl: 'http://127.0.0.1:9' },
  mode: 'basic',
  userName: 'demo',
  did: '08047000000',
  agentPhoneName: 'demo-phone',
  output: 'json',
  timeoutMs: 8000,
};

function refusal(config: CloudAgentConfig): AppError {
  try {
    createCloudAgentClient(config, { secrets: createStaticSecrets('k'), transport: directTransport() });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the configuration to be refused');
}

describe('createCloudAgentClient configuration checks', () => {
  it.each([
    [{ endpoint: { baseUrl: 'http://api.example.com' } }, /Plain http/],
    [{ mode: 'soap' as never }, /Unknown API mode/],
    [{ output: 'yaml' as never }, /Unknown output format/],
    [{ timeoutMs: -5 }, /timeout/],
    [{ timeoutMs: Number.NaN }, /timeout/],
    [{ tokenForm: 'jwt' as never }, /Unknown token form/],
  ])('refuses %j as InvalidInput', (over, message) => {
    const e = refusal({ ...base, ...over });
    expect(e.kind).toBe('InvalidInput');
    expect(e.message).toMatch(message);
  });

  it('accepts legacy mode without a user name and reports an unused token budget', async () => {
    const client = createCloudAgentClient(
      { ...base, mode: 'legacy', userName: '' },
      { secrets: createStaticSecrets('k'), transport: directTransport() },
    );
    expect(client.tokenBudget()).toEqual({ used: 0, limit: 9 });
    await client.dispose();
  });

  it('refuses bad input locally, before any network use', async () => {
    const client = createCloudAgentClient(base, {
      secrets: createStaticSecrets('k'),
      transport: directTransport(),
    });
    await expect(
      client.callControl({ action: 'HOLD', ucid: 'abc', conferenceNumber: '09876543210' }),
    ).rejects.toMatchObject({
      kind: 'InvalidInput',
    });
    await client.dispose();
    await expect(
      client.callControl({ action: 'HOLD', ucid: '1', conferenceNumber: '09876543210' }),
    ).rejects.toMatchObject({
      kind: 'Internal',
    });
  });

  it('says NoApiKey when the keychain holds none, before sending', async () => {
    const client = createCloudAgentClient(base, {
      secrets: createStaticSecrets(null),
      transport: directTransport(),
    });
    await expect(
      client.callControl({ action: 'HOLD', ucid: '1', conferenceNumber: '09876543210' }),
    ).rejects.toMatchObject({
      kind: 'NoApiKey',
    });
    await client.dispose();
  });
});
