import { useSyncExternalStore } from 'react';

/**
 * The phone-number rules (shared/phone.ts and libphonenumber's metadata, about a quarter of the toolbar's
 * JS) load in their own chunk right after the first paint: an empty toolbar needs none of them, and the
 * first number an agent types arrives long after they have. Until then previews show nothing and a
 * submit waits for them.
 */
type PhoneRules = typeof import('../../../shared/phone');

let rules: PhoneRules | null = null;
let loading: Promise<PhoneRules> | null = null;
const listeners = new Set<() => void>();

/** Starts loading the rules (once) and resolves with them. */
export function loadPhoneRules(): Promise<PhoneRules> {
  loading ??= import('../../../shared/phone').then((m) => {
    rules = m;
    for (const listener of listeners) listener();
    return m;
  });
  return loading;
}

/** The rules if they have loaded, else null (and they start loading). */
export function phoneRulesNow(): PhoneRules | null {
  if (!rules) void loadPhoneRules();
  return rules;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The rules in a component: null on the first frames, then a re-render once they are in. */
export function usePhoneRules(): PhoneRules | null {
  return useSyncExternalStore(subscribe, phoneRulesNow);
}
