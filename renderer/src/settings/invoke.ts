import type { InvokeInput, InvokeName, InvokeOutput, Result } from '../../../shared/contract';
import { api } from '../api';

/**
 * The contract's invoke, made total: a rejected promise (a broken bridge) becomes a typed error too,
 * so every caller in the settings screens handles exactly one shape.
 */
export async function call<K extends InvokeName>(
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
