import type { InvokeInput, InvokeName, InvokeOutput, Result } from '../../shared/contract';

export type UntypedInvoke = (name: string, input: unknown) => Promise<Result<unknown>>;
export type TypedInvoke = <K extends InvokeName>(
  name: K,
  input: InvokeInput<K>,
) => Promise<Result<InvokeOutput<K>>>;

/** The services' `invoke` with the contract's types, for the shell's own calls (shortcuts, tray, deep links). */
export function typedInvoke(invoke: UntypedInvoke): TypedInvoke {
  return <K extends InvokeName>(name: K, input: InvokeInput<K>) =>
    invoke(name, input) as Promise<Result<InvokeOutput<K>>>;
}
