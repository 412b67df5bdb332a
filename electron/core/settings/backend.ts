/**
 * Where settings are persisted. Deliberately just the `store` accessor that both `conf` (Node: tests, CLI)
 * and `electron-store` (the app; it extends conf) expose: reading returns the whole document, assigning
 * replaces it. Validation, migrations and policy live in the settings store, not here.
 */
export interface SettingsBackend {
  store: Record<string, unknown>;
}

/** An in-memory backend for tests and demo mode. Not persistent. */
export function createMemoryBackend(initial: Record<string, unknown> = {}): SettingsBackend {
  let data = structuredClone(initial);
  return {
    get store() {
      return structuredClone(data);
    },
    set store(value: Record<string, unknown>) {
      data = structuredClone(value);
    },
  };
}
