import type { RequestContext } from './call-control';
import { invalidInput } from './errors';
import { resolveBaseUrl } from './hosts';
import { API_MODES, type CloudAgentConfig } from './types';

/** Validates the configuration up front; nothing is sent with a bad one. */
export function checkConfig(config: CloudAgentConfig): RequestContext {
  if (!(API_MODES as readonly string[]).includes(config.mode)) {
    throw invalidInput(`Unknown API mode "${String(config.mode)}" (expected legacy, basic or token).`);
  }
  if (config.output !== undefined && config.output !== 'json' && config.output !== 'xml') {
    throw invalidInput(`Unknown output format "${String(config.output)}" (expected json or xml).`);
  }
  const timeout = config.timeoutMs;
  if (
    timeout !== undefined &&
    timeout !== 0 &&
    !(Number.isFinite(timeout) && timeout > 0 && timeout <= 120_000)
  ) {
    throw invalidInput(`The timeout must be between 1 ms and 120000 ms (got ${String(timeout)}).`);
  }
  const tokenForm = config.tokenForm ?? 'bearer';
  if (tokenForm !== 'bearer' && tokenForm !== 'raw') {
    throw invalidInput(`Unknown token form "${String(tokenForm)}" (expected bearer or raw).`);
  }
  // Empty mandatory fields are refused per request (required.ts), so a client can still warm up and the
  // error names the field at the moment it matters.
  const userName = (config.userName ?? '').trim();
  return {
    baseUrl: resolveBaseUrl(config.endpoint),
    mode: config.mode,
    userName,
    did: (config.did ?? '').trim(),
    agentPhoneName: (config.agentPhoneName ?? '').trim(),
    output: config.output ?? 'json',
    tokenForm,
  };
}
