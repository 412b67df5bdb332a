import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Services } from '../../../electron/core/services';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server';
import { realServices } from '../../support/services-parts';
import { guardLoopback } from './loopback-guard';

/** What a fuzz file runs against; filled in by its beforeAll. */
export interface FuzzEnv {
  sim: Simulator;
  services: Services;
  dataDir: string;
  guard: ReturnType<typeof guardLoopback>;
  /** Promise rejections nobody handled while the file ran: a fuzz run ends expecting none. */
  unhandled: unknown[];
}

/**
 * Registers the file's beforeAll/afterAll: the loopback guard, a record of unhandled rejections, the
 * simulator with the demo account, and real services over a fresh data folder. `services` builds them
 * (e.g. with a policy file in that folder); `setup` configures them once they exist.
 */
export function fuzzEnv(opts: {
  name: string;
  services?: (dataDir: string, sim: Simulator) => Promise<Services>;
  setup: (env: FuzzEnv) => Promise<void>;
}): FuzzEnv {
  const env = { unhandled: [] as unknown[] } as FuzzEnv;
  const onUnhandled = (e: unknown) => void env.unhandled.push(e);

  beforeAll(async () => {
    env.guard = guardLoopback();
    process.on('unhandledRejection', onUnhandled);
    env.sim = await startSimulator({ accounts: [DEMO_ACCOUNT] });
    env.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `confbar-fuzz-${opts.name}-`));
    env.services = await (opts.services?.(env.dataDir, env.sim) ?? realServices(env.dataDir));
    await opts.setup(env);
  });

  afterAll(async () => {
    await env.services?.dispose();
    await env.sim?.close();
    env.guard?.restore();
    process.off('unhandledRejection', onUnhandled);
    if (env.dataDir) fs.rmSync(env.dataDir, { recursive: true, force: true });
  });

  return env;
}
