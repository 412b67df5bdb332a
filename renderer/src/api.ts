import type { ConfbarApi, InvokeInput, InvokeName, InvokeOutput, Result } from '../../shared/channels';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the browser harness; the renderer's only way out. */
    confbar: ConfbarApi;
  }
}

/** The contract's API as the renderer uses it. */
export function api(): ConfbarApi {
  return window.confbar;
}

/**
 * The contract's invoke, made total: a rejected promise (a broken bridge) becomes a typed error too,
 * so every caller handles exactly one shape.
 */
export async function invoke<K extends InvokeName>(
  name: K,
  input: InvokeInput<K>,
): Promise<Result<InvokeOutput<K>>> {
  try {
    return await api().invoke(name, input);
  } catch {
    return {
      ok: false,
      error: {
        kind: 'Internal',
        message: 'ConfBar could not reach its main process.',
        remedy: 'Restart ConfBar; the log has details.',
      },
    };
  }
}
