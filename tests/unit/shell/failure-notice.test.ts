import { describe, expect, it } from 'vitest';
import { failureNotice } from '../../../electron/shell/failure-notice';

const failure = { level: 'error' as const, message: 'Mute failed.', remedy: 'Try again.', kind: 'Network' };
const hidden = { enabled: true, windowShown: false };

describe('failureNotice', () => {
  it('notifies a failure while the toolbar is hidden or minimised, with its message and remedy', () => {
    expect(failureNotice(failure, hidden)).toEqual({
      title: 'ConfBar: an action failed',
      body: 'Mute failed. Try again.',
    });
  });

  it('stays quiet for successes and info, while the toolbar shows, and when turned off', () => {
    expect(failureNotice({ level: 'success', message: 'Muted.' }, hidden)).toBeNull();
    expect(failureNotice({ level: 'info', message: 'Nothing selected.' }, hidden)).toBeNull();
    expect(failureNotice(failure, { enabled: true, windowShown: true })).toBeNull();
    expect(failureNotice(failure, { enabled: false, windowShown: false })).toBeNull();
  });

  it('keeps the body short', () => {
    const long = failureNotice({ level: 'error', message: 'x'.repeat(1000) }, hidden);
    expect(long?.body.length).toBe(240);
    expect(long?.body.endsWith('…')).toBe(true);
  });
});
