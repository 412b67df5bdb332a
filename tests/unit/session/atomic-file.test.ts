import { describe, expect, it } from 'vitest';
import { renameWithRetry } from '../../../electron/core/session/atomic-file';

const failing = (codes: string[]) => {
  const calls: string[] = [];
  return {
    calls,
    rename: async (a: string, b: string) => {
      calls.push(`${a}→${b}`);
      const code = codes.shift();
      if (code) throw Object.assign(new Error(code), { code });
    },
  };
};

describe('rename over the journal file', () => {
  it('on Windows, retries a rename an antivirus or indexer briefly blocks (EPERM, EBUSY)', async () => {
    const fake = failing(['EPERM', 'EBUSY']);
    await renameWithRetry('t', 'f', { platform: 'win32', rename: fake.rename });
    expect(fake.calls).toHaveLength(3);
  });

  it('gives up after a few tries, and never retries elsewhere or on another error', async () => {
    const stuck = failing(Array(10).fill('EPERM'));
    await expect(renameWithRetry('t', 'f', { platform: 'win32', rename: stuck.rename })).rejects.toThrow(
      'EPERM',
    );
    expect(stuck.calls).toHaveLength(6);
    const linux = failing(['EPERM']);
    await expect(renameWithRetry('t', 'f', { platform: 'linux', rename: linux.rename })).rejects.toThrow(
      'EPERM',
    );
    expect(linux.calls).toHaveLength(1);
    const other = failing(['ENOSPC']);
    await expect(renameWithRetry('t', 'f', { platform: 'win32', rename: other.rename })).rejects.toThrow(
      'ENOSPC',
    );
    expect(other.calls).toHaveLength(1);
  });
});
