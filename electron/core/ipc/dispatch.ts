import type { z } from 'zod';
import {
  invokeChannels,
  isInvokeName,
  type InvokeName,
  type InvokeOutput,
  type ParsedInput,
  type Result,
} from '../../../shared/contract';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import type { Logger } from '../log';
import { redact, redactValue } from '../redact';

/** One handler per invoke channel, receiving input that already passed the channel's schema. */
export type HandlerTable = {
  [K in InvokeName]: (input: ParsedInput<K>) => Promise<InvokeOutput<K>>;
};

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Validates a call against the contract and runs its handler, turning every failure into a typed error.
 * Both the Electron binding and the tests go through here, so what tests see is what the renderer gets.
 */
export function createDispatcher(handlers: HandlerTable, log: Logger): Dispatch {
  return async (name, input) => {
    if (!isInvokeName(name)) {
      return fail(new AppError('InvalidInput', `Unknown request "${String(name).slice(0, 60)}".`));
    }
    const parsed = invokeChannels[name].input.safeParse(input ?? {});
    if (!parsed.success) return fail(new AppError('InvalidInput', describeIssues(parsed.error)));
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      // Everything that leaves for the renderer passes the one scrubber (a server may echo a secret).
      return { ok: true, value: redactValue(await handler(parsed.data)) };
    } catch (e) {
      if (e instanceof AppError) return fail(e);
      log.error('handler failed', { channel: name, error: e instanceof Error ? e.message : String(e) });
      return fail(new AppError('Internal', 'ConfBar hit an unexpected problem handling that request.'));
    }
  };
}

function fail(e: AppError): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { kind: e.kind, message: redact(e.message), remedy: redact(e.remedy) } };
}

/** "patch.account.timeoutMs: Too small: expected number to be >=1000" — names the field, never echoes values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
