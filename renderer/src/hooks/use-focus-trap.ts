import { useEffect, type RefObject } from 'react';

const TABBABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Where Tab (or Shift+Tab) goes from item `current` of `count`; -1 means focus is outside the set. */
export function cycleIndex(current: number, count: number, backwards: boolean): number {
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? -1 : 1) + count) % count;
}

/**
 * A modal's keyboard contract: Tab and Shift+Tab cycle through the controls inside `ref` (never behind
 * it), and on close focus goes back to what had it before. Call it before any hook that moves focus in.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || !root || e.defaultPrevented) return;
      e.preventDefault();
      const items = [...root.querySelectorAll<HTMLElement>(TABBABLE)];
      const current = items.indexOf(document.activeElement as HTMLElement);
      items[cycleIndex(current, items.length, e.shiftKey)]?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      // Give focus back only if nothing else took it meanwhile (the settings panel opened from here does).
      const now = document.activeElement;
      const lost = now === null || now === document.body || Boolean(root?.contains(now));
      if (lost && returnTo?.isConnected) returnTo.focus();
    };
  }, [ref]);
}
