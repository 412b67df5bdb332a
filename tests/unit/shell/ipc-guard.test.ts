import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/contract';
import { createMemoryLogger } from '../../support/memory-logger';
import { APP_PAGE_URL } from '../../../electron/shell/app-page';
import { guardInvoke } from '../../../electron/shell/ipc-guard';

function setup() {
  const log = createMemoryLogger();
  const invoke = vi.fn(async (_name: string, input: unknown): Promise<Result<unknown>> => ({
    ok: true,
    value: input,
  }));
  return { log, invoke, guarded: guardInvoke(invoke, () => APP_PAGE_URL, log) };
}

describe('guardInvoke', () => {
  it('forwards a request from the app page in the app window', async () => {
    const { invoke, guarded, log } = setup();
    const result = await guarded('getSnapshot', { url: `${APP_PAGE_URL}#x`, ownWindow: true }, {});
    expect(result).toEqual({ ok: true, value: {} });
    expect(invoke).toHaveBeenCalledWith('getSnapshot', {});
    expect(log.entries).toEqual([]);
  });

  it.each([
    [
      'a foreign page',
      { url: 'https://evil.example/path?apiKey=SECRET', ownWindow: true },
      'https://evil.example',
    ],
    ['another window or a subframe', { url: APP_PAGE_URL, ownWindow: false }, 'app://confbar'],
    ['a vanished frame', { url: null, ownWindow: true }, '(no frame)'],
  ])('refuses %s with a typed error and a log line', async (_what, sender, origin) => {
    const { invoke, guarded, log } = setup();
    const result = await guarded('setKey', sender, { apiKey: 'SECRET' });
    expect(invoke).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('Internal');
    expect(log.entries).toEqual([
      {
        level: 'warn',
        msg: 'refused a request from an untrusted sender',
        meta: { channel: 'setKey', sender: origin },
      },
    ]);
    expect(log.lines().join('\n')).not.toContain('SECRET');
  });
});
