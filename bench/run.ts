/**
 * Benchmarks against the simulator on loopback (no other traffic): what an agent's key press costs.
 *   npm run bench            prints a table and writes tests/artifacts/bench.json
 * Figures are for this machine; compare runs on the same machine, not against fixed thresholds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCloudAgentClient } from '../electron/core/cloudagent/client';
import { createStaticSecrets } from '../electron/core/cloudagent/static-secrets';
import type { ApiMode } from '../shared/cloudagent';
import { createServices } from '../electron/core/services';
import { createConfBackend } from '../electron/core/settings/conf-backend';
import { createMemoryVault } from '../electron/core/vault/memory-vault';
import { startDemoSimulator } from '../electron/simulator/demo';
import { DEMO_ACCOUNT, startSimulator } from '../electron/simulator/server';
import type { Snapshot } from '../shared/session';
import { fmt, summarize } from './stats';

const AGENT = DEMO_ACCOUNT.phones['demo-phone']!;
const results: Record<string, unknown> = {};

function clientFor(url: string, mode: ApiMode) {
  return createCloudAgentClient(
    {
      endpoint: { baseUrl: url },
      mode,
      userName: 'demo',
      did: DEMO_ACCOUNT.did,
      agentPhoneName: 'demo-phone',
      output: 'json',
      timeoutMs: 8000,
    },
    { secrets: createStaticSecrets(DEMO_ACCOUNT.apiKey) },
  );
}

/** First action after setting a ucid: with and without warm(), on a fresh simulator each time. */
async function firstAction(mode: ApiMode, warm: boolean, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const sim = await startSimulator();
    const client = clientFor(sim.url, mode);
    const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    if (warm) await client.warm();
    const t = performance.now();
    await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: '09811112222' });
    samples.push(performance.now() - t);
    await client.dispose();
    await sim.close();
  }
  return samples;
}

/** Steady-state toggles on a warm connection, per mode. */
async function toggles(mode: ApiMode, n: number): Promise<number[]> {
  const sim = await startSimulator();
  const client = clientFor(sim.url, mode);
  const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
  await client.callControl({ action: 'CONFERENCE', ucid, conferenceNumber: '09811112222' });
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await client.callControl({ action: i % 2 ? 'UNMUTE' : 'MUTE', ucid, conferenceNumber: '09811112222' });
    samples.push(performance.now() - t);
  }
  const generations = sim.requests.filter((r) => /generateToken/i.test(r.path)).length;
  await client.dispose();
  await sim.close();
  if (mode === 'token') results.tokenGenerationsFor200Toggles = generations;
  return samples;
}

/** Key press → snapshot with the pending state, through the real handler table (what the renderer waits for). */
async function pressToPending(
  n: number,
): Promise<{ pending: number[]; settled: number[]; heapGrowthMb: number }> {
  let sim = await startSimulator();
  const dir = mkdtempSync(join(tmpdir(), 'confbar-bench-'));
  const services = await createServices({
    dataDir: dir,
    settingsBackend: createConfBackend({ cwd: join(dir, 'settings'), projectName: 'confbar' }),
    vault: createMemoryVault(),
    startDemo: () => startDemoSimulator(),
  });
  const ok = async (name: string, input: unknown) => {
    const r = await services.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Snapshot;
  };
  await ok('updateSettings', {
    patch: {
      account: {
        baseUrl: sim.url,
        mode: 'token',
        userName: 'demo',
        did: DEMO_ACCOUNT.did,
        agentPhoneName: 'demo-phone',
        agentNumber: AGENT,
      },
    },
  });
  await ok('setKey', { apiKey: DEMO_ACCOUNT.apiKey });
  const pending: number[] = [];
  const settled: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) {
    const ucid = sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
    await ok('setUcid', { text: ucid });
    const snap = await ok('addParticipant', { number: '09811112222', sip: false });
    const id = snap.session!.participants[0]!.id;
    const t = performance.now();
    const after = await ok('toggleMute', { id });
    pending.push(performance.now() - t);
    if (after.session!.participants[0]!.pending !== 'MUTE') throw new Error('pending state missing');
    await services.settled();
    settled.push(performance.now() - t);
    await ok('endForAgent', {});
    await ok('clearSession', {});
    sim.clearRequests(); // the simulator shares this heap: keep its request log out of the figure
  }
  // The simulator shares this heap and keeps every call it created: close it, then measure what ConfBar kept.
  await sim.close();
  sim = null as unknown as typeof sim;
  global.gc?.();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
  return { pending, settled, heapGrowthMb };
}

async function main() {
  const rows: Array<[string, ReturnType<typeof summarize>]> = [];
  for (const mode of ['legacy', 'basic', 'token'] as const) {
    rows.push([`first action, cold (${mode})`, summarize(await firstAction(mode, false, 15))]);
    rows.push([`first action, warmed (${mode})`, summarize(await firstAction(mode, true, 15))]);
    rows.push([`toggle, warm connection (${mode})`, summarize(await toggles(mode, 200))]);
  }
  const sessions = Number(process.env.BENCH_SESSIONS ?? 150);
  const press = await pressToPending(sessions);
  rows.push(['key press → pending snapshot', summarize(press.pending)]);
  rows.push(['key press → converged', summarize(press.settled)]);
  results.sessions = sessions;
  results.heapGrowthMb = Number(press.heapGrowthMb.toFixed(2));
  results.rssMb = Number((process.memoryUsage().rss / 1024 / 1024).toFixed(1));

  console.log(
    `\n${'benchmark'.padEnd(36)} ${'n'.padStart(4)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`,
  );
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(36)} ${String(s.n).padStart(4)} ${fmt(s.p50).padStart(10)} ${fmt(s.p95).padStart(10)} ${fmt(s.max).padStart(10)}`,
    );
    results[name] = s;
  }
  console.log(`\ntoken generations for 200 toggles: ${String(results.tokenGenerationsFor200Toggles)}`);
  console.log(
    `heap growth after ${sessions} sessions: ${String(results.heapGrowthMb)} MB (gc ${global.gc ? 'forced' : 'not exposed'})`,
  );
  console.log(`rss: ${String(results.rssMb)} MB`);
  mkdirSync('tests/artifacts', { recursive: true });
  writeFileSync(
    'tests/artifacts/bench.json',
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
  );
}

await main();
