import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMode } from '../../../shared/cloudagent';
import { EVENT_NAMES, type EventName } from '../../../shared/contract';
import type { Services } from '../../../electron/core/services';
import type { SimFault, Simulator } from '../../../electron/simulator/server';

/**
 * The secrets the scan plants. The key holds characters every encoding spells differently (`+`, `/`, `=`,
 * `!`; no space: ConfBar refuses a key with one), so raw, percent-, form- and base64-encoded spellings are all distinct searches.
 */
export const API_KEY = 'LeakProbe+Key/7=ZxQ9!';
/** Begins the signature of every token the simulator issues in the scan. */
export const TOKEN_MARK = 'LEAKPROBEtoken';

/** The api_key, the mark every token carries, and every token `sim` issued (seen sent back, or current). */
export function secretsOf(sim: Simulator, userName: string): string[] {
  const tokens = new Set<string>();
  for (const r of sim.requests) {
    const auth = r.headers['authorization']?.replace(/^Bearer\s+/i, '').trim();
    if (auth) tokens.add(auth);
  }
  const current = sim.tokenFor(userName)?.token;
  if (current) tokens.add(current);
  return [API_KEY, TOKEN_MARK, ...tokens];
}

/** Every file under `dir`, as `[path, text]`: a surface the scan searches. */
export function filesUnder(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push([path, readFileSync(path, 'utf8')]);
  }
  return out;
}

/** A refusal with `message` as the mode's endpoint words it (legacy: a PHP page's `text/html` JSON). */
export function refusal(mode: ApiMode, message: string): SimFault {
  return mode === 'legacy'
    ? {
        kind: 'answer',
        contentType: 'text/html; charset=UTF-8',
        body: JSON.stringify({ status: 'Error', message }),
      }
    : { kind: 'answer', body: JSON.stringify({ status: 'false', message, data: null }) };
}

/** What a session showed: every IPC result and every event, recorded for the scan; `invoke` records and settles. */
export function recordSurfaces(services: Services) {
  const events: Array<{ event: EventName; payload: unknown }> = [];
  for (const event of EVENT_NAMES) services.on(event, (payload) => events.push({ event, payload }));
  const results: Array<{ channel: string; result: unknown }> = [];
  const invoke = async (channel: string, input: unknown) => {
    const result = await services.invoke(channel, input);
    results.push({ channel, result });
    await services.settled();
    return result;
  };
  return { events, results, invoke };
}
