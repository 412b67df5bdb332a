import { describe, expect, it } from 'vitest';
import { shouldCheckForUpdates, startupFlags } from '../../../electron/shell/startup';

describe('startupFlags', () => {
  it('turns on demo mode only for CONFBAR_DEMO=1', () => {
    expect(startupFlags({ CONFBAR_DEMO: '1' }).demo).toBe(true);
    expect(startupFlags({ CONFBAR_DEMO: 'true' }).demo).toBe(false);
    expect(startupFlags({}).demo).toBe(false);
  });
});

describe('shouldCheckForUpdates', () => {
  it('checks only in a packaged build outside demo mode, unless an admin turned it off', () => {
    expect(shouldCheckForUpdates({ packaged: true, env: {} })).toBe(true);
    expect(shouldCheckForUpdates({ packaged: false, env: {} })).toBe(false);
    expect(shouldCheckForUpdates({ packaged: true, env: { CONFBAR_DEMO: '1' } })).toBe(false);
    expect(shouldCheckForUpdates({ packaged: true, env: { CONFBAR_DISABLE_UPDATES: '1' } })).toBe(false);
  });
});
