import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CRASH_LIMIT,
  CRASH_WINDOW_MS,
  crashLoopMessage,
  isPageDeath,
  onPageDeath,
} from '../../../electron/shell/crash-loop';

describe('the page crash loop', () => {
  it('reloads the first two deaths within a minute and gives up on the third', () => {
    let recent: number[] = [];
    const actions = [0, 10_000, 20_000].map((t) => {
      const d = onPageDeath(recent, t);
      recent = d.recent;
      return d.action;
    });
    expect(actions).toEqual(['reload', 'reload', 'give-up']);
  });

  it('deaths a minute apart or more never give up', () => {
    let recent: number[] = [];
    for (let i = 0; i < 10; i++) {
      const d = onPageDeath(recent, i * CRASH_WINDOW_MS);
      expect(d.action).toBe('reload');
      recent = d.recent;
    }
  });

  it('gives up exactly when CRASH_LIMIT deaths fall within one window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 12 }), (gaps) => {
        let t = 0;
        let recent: number[] = [];
        const times: number[] = [];
        for (const gap of gaps) {
          t += gap;
          times.push(t);
          const d = onPageDeath(recent, t);
          recent = d.recent;
          const inWindow = times.filter((x) => t - x < CRASH_WINDOW_MS).length;
          expect(d.action).toBe(inWindow >= CRASH_LIMIT ? 'give-up' : 'reload');
        }
      }),
    );
  });

  it('a clean exit is not a death; the message says the call is safe and where the log is', () => {
    expect(isPageDeath('clean-exit')).toBe(false);
    expect(isPageDeath('crashed')).toBe(true);
    expect(isPageDeath('oom')).toBe(true);
    const m = crashLoopMessage('/home/a/.config/ConfBar/logs/main.log');
    expect(m.message).toMatch(/3 times within a minute/);
    expect(m.detail).toMatch(/call is safe/);
    expect(m.detail).toMatch(/global shortcuts still work/);
    expect(m.detail).toContain('/home/a/.config/ConfBar/logs/main.log');
  });
});
