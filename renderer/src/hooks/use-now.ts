import { useSyncExternalStore } from 'react';
import { useToolbar } from '../store/store';

// One shared one-second tick for every timer on screen, so they all change in the same frame.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now(); // stale since the last timer stopped; React re-reads after subscribing
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** main's clock, now: our clock plus the offset measured when the last snapshot arrived. */
export function useMainNow(): number {
  const local = useSyncExternalStore(subscribe, () => now);
  const offset = useToolbar((s) => s.clockOffset);
  return local + offset;
}
