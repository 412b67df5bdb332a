import { describe, expect, it } from 'vitest';
import { cycleIndex } from '../../../renderer/src/hooks/use-focus-trap';

describe('cycleIndex: Tab inside a modal', () => {
  it('moves forward and wraps from the last control to the first', () => {
    expect([0, 1, 2].map((i) => cycleIndex(i, 3, false))).toEqual([1, 2, 0]);
  });

  it('moves backward with Shift+Tab and wraps from the first to the last', () => {
    expect([0, 1, 2].map((i) => cycleIndex(i, 3, true))).toEqual([2, 0, 1]);
  });

  it('brings focus that is outside back in at the start (Tab) or the end (Shift+Tab)', () => {
    expect(cycleIndex(-1, 3, false)).toBe(0);
    expect(cycleIndex(-1, 3, true)).toBe(2);
  });

  it('stays on the only control', () => {
    expect(cycleIndex(0, 1, false)).toBe(0);
    expect(cycleIndex(0, 1, true)).toBe(0);
  });
});
