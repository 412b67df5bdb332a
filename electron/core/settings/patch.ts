import type { Settings, SettingsPatch } from '../../../shared/settings';

/**
 * Settings patches: what one writes (leaf by leaf, for the policy lock check) and the settings it yields.
 * The store applies a user's patch with them and the policy lays its values over the user's the same way.
 */

const SECRET_KEY = /^api[_-]?key$/i;

/** The dotted path of the first `api_key`-like key anywhere in `value`, or null: the key is never a setting. */
export function findSecretKey(value: unknown, path: string[] = []): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) return [...path, k].join('.');
    const inner = findSecretKey(v, [...path, k]);
    if (inner) return inner;
  }
  return null;
}

function withoutUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Dotted leaf paths a patch writes, with the value it writes. */
export function patchedLeaves(patch: SettingsPatch): Array<[string, unknown]> {
  const leaves: Array<[string, unknown]> = [];
  for (const section of ['account', 'behaviour', 'demo'] as const) {
    for (const [k, v] of Object.entries(withoutUndefined(patch[section])))
      leaves.push([`${section}.${k}`, v]);
  }
  for (const scope of ['global', 'window'] as const) {
    for (const [k, v] of Object.entries(withoutUndefined(patch.shortcuts?.[scope]))) {
      leaves.push([`shortcuts.${scope}.${k}`, v]);
    }
  }
  if (patch.window !== undefined) leaves.push(['window', patch.window]);
  for (const [k, v] of Object.entries(withoutUndefined(patch.network))) leaves.push([`network.${k}`, v]);
  return leaves;
}

/** The value at a dotted path such as `shortcuts.global.showToolbar`. */
export function valueAt(settings: Settings, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], settings);
}

/** `settings` with a patch's sections laid over them (absent and undefined values leave a field as it is). */
export function mergePatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    account: { ...settings.account, ...withoutUndefined(patch.account) },
    behaviour: { ...settings.behaviour, ...withoutUndefined(patch.behaviour) },
    demo: { ...settings.demo, ...withoutUndefined(patch.demo) },
    shortcuts: {
      global: { ...settings.shortcuts.global, ...withoutUndefined(patch.shortcuts?.global) },
      window: { ...settings.shortcuts.window, ...withoutUndefined(patch.shortcuts?.window) },
    },
    window: patch.window === undefined ? settings.window : patch.window,
    network: { ...settings.network, ...withoutUndefined(patch.network) },
  };
}
