/**
 * `npm run bench [-- --rtt 50]`: what an agent's actions cost, against the physical limit (one round trip
 * over a real link) and against a connection-per-action client, plus the toolbar's weight and start-up.
 * Writes bench/results.json (exactly the keys in GOALS, numbers) and prints how each was measured.
 * Needs `npm run build` first (it measures out/). Loopback only; figures are for this machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBrowser } from './browser';
import { measureBundles } from './bundles';
import { measureCallToWire, measureLoopbackFloor } from './engine';
import { measureHistory } from './history';
import { measureSession } from './session';
import { median, round, summarize } from './stats';
import { measureWan } from './wan/measure';
import {
  measureActionAfterResume,
  measureDialAfterServerIdle,
  measureProxy,
  measureStaleDials,
  startFar,
} from './wan/network';

const started = performance.now();
const { values } = parseArgs({
  options: {
    rtt: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '10' },
    // e.g. --only session,browser: measure those parts and keep the other figures of results.json.
    only: { type: 'string' },
  },
});
const PARTS = ['bundles', 'wan', 'network', 'engine', 'heap', 'history', 'session', 'browser'] as const;
const only = values.only?.split(',').map((p) => p.trim());
for (const part of only ?? [])
  if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only takes ${PARTS.join(', ')}.`);
const want = (part: (typeof PARTS)[number]) => !only || only.includes(part);
const rttMs = Number(values.rtt);
const rounds = Number(values.rounds);
if (!(rttMs >= 2 && rttMs <= 1000)) throw new Error('--rtt takes milliseconds between 2 and 1000.');
if (!(rounds >= 1 && rounds <= 100)) throw new Error('--rounds takes a count between 1 and 100.');

type Key =
  | 'wan.confbar.firstActionColdRtts'
  | 'wan.confbar.firstActionWarmedRtts'
  | 'wan.confbar.steadyActionRtts'
  | 'wan.confbar.tokenFirstActionWarmedRtts'
  | 'wan.naive.actionRtts'
  | 'wan.proxy.steadyActionRtts'
  | 'wan.proxy.connectionsPer100Actions'
  | 'wan.confbar.dialAfterServerIdleRtts'
  | 'wan.confbar.actionAfterResumeRtts'
  | 'staleSocket.failedOf200'
  | 'staleSocket.doubleDialsOf200'
  | 'browser.keydownToWire.p50Ms'
  | 'browser.keydownToWire.p99Ms'
  | 'engine.callToWire.p50Ms'
  | 'engine.callToWire.p99Ms'
  | 'connectionsPer100Actions'
  | 'tokenGenerationsPer100TokenActions'
  | 'renderer.initialJsGzipBytes'
  | 'renderer.coldStartToInteractiveMs'
  | 'renderer.heapGrowthAfter1000ActionsMb'
  | 'history.appendP99Ms'
  | 'history.load100kMs'
  | 'main.bundleBytes'
  | 'preload.bundleBytes'
  | 'main.heapAfter1000ActionsMb'
  | 'main.restoreMs'
  | 'journal.writeP99Ms'
  | 'journal.dialIntentP99Ms';

/** The issue's goals; a figure without one is recorded for comparison between runs. */
const GOALS: Record<Key, { max?: number; text: string }> = {
  'wan.confbar.firstActionColdRtts': { text: '' },
  'wan.confbar.firstActionWarmedRtts': { max: 1.2, text: '≤ 1.2' },
  'wan.confbar.steadyActionRtts': { max: 1.1, text: '≤ 1.1' },
  'wan.confbar.tokenFirstActionWarmedRtts': { text: '' },
  'wan.naive.actionRtts': { text: '≥ 2× ConfBar steady' },
  'wan.proxy.steadyActionRtts': { max: 1.1, text: '≤ 1.1' },
  'wan.proxy.connectionsPer100Actions': { max: 1, text: '≤ 1' },
  'wan.confbar.dialAfterServerIdleRtts': { max: 1.2, text: '≤ 1.2' },
  'wan.confbar.actionAfterResumeRtts': { max: 3.5, text: '≤ 3.5' },
  'staleSocket.failedOf200': { max: 0, text: '0' },
  'staleSocket.doubleDialsOf200': { max: 0, text: '0' },
  'browser.keydownToWire.p50Ms': { text: '' },
  'browser.keydownToWire.p99Ms': { max: 10, text: '≤ 10' },
  'engine.callToWire.p50Ms': { text: '' },
  'engine.callToWire.p99Ms': { max: 2, text: '≤ 2' },
  connectionsPer100Actions: { max: 1, text: '1' },
  tokenGenerationsPer100TokenActions: { max: 1, text: '≤ 1' },
  'renderer.initialJsGzipBytes': { max: 90 * 1024, text: '≤ 92160 (90 KB)' },
  'renderer.coldStartToInteractiveMs': { max: 150, text: '≤ 150' },
  'renderer.heapGrowthAfter1000ActionsMb': { max: 2, text: '≤ 2' },
  'history.appendP99Ms': { text: '' },
  'history.load100kMs': { text: '' },
  'main.bundleBytes': { text: '' },
  'preload.bundleBytes': { text: '' },
  'main.heapAfter1000ActionsMb': { text: '' },
  'main.restoreMs': { max: 5, text: '≤ 5' },
  'journal.writeP99Ms': { text: 'off the press path' },
  'journal.dialIntentP99Ms': { max: 1, text: '≤ 1 (on the press path)' },
};

const results = {} as Record<Key, number>;
const how = {} as Record<Key, string>;
function record(key: Key, value: number, method: string): void {
  results[key] = round(value);
  how[key] = method;
}
const step = (name: string) =>
  console.log(`[bench] ${name} (${Math.round((performance.now() - started) / 1000)} s)`);

if (want('bundles')) {
  step('bundles');
  const bundles = measureBundles();
  record(
    'renderer.initialJsGzipBytes',
    bundles.initialJsGzipBytes,
    `gzip -9 of ${bundles.initialFiles.join(' + ')} (index.html's script and its static imports); later: ${bundles.lazyFiles.map((f) => `${f.file.replace(/-[\w-]+\.js$/, '')} ${f.gzipBytes}`).join(', ')}`,
  );
  record(
    'main.bundleBytes',
    bundles.mainBytes,
    'out/main/index.js on disk (not minified: readable stack traces)',
  );
  record('preload.bundleBytes', bundles.preloadBytes, 'out/preload/index.cjs on disk');
}

const rtts = (samples: number[]) => median(samples) / rttMs;
const wan = want('wan') ? await measureWanFigures() : null;
async function measureWanFigures() {
  step(`long link: TLS + ${rttMs} ms RTT relay, ${rounds} fresh apps per first-action figure`);
  const wan = await measureWan({ rttMs, rounds, steady: 100 });
  const link = `median over the relay (TLS 1.3 to the simulator, every chunk +RTT/2 each way, +1 RTT for TCP setup)`;
  record(
    'wan.confbar.firstActionColdRtts',
    rtts(wan.firstCold),
    `${link}; CONFERENCE right after setUcid on a fresh app (warm-up still in flight), basic mode, n=${wan.firstCold.length}`,
  );
  record(
    'wan.confbar.firstActionWarmedRtts',
    rtts(wan.firstWarmed),
    `${link}; CONFERENCE after setUcid's warm-up answered, basic mode, n=${wan.firstWarmed.length}`,
  );
  record(
    'wan.confbar.steadyActionRtts',
    rtts(wan.steady),
    `${link}; toggleMute → answer, one call, basic mode, n=${wan.steady.length}`,
  );
  record(
    'wan.confbar.tokenFirstActionWarmedRtts',
    rtts(wan.tokenFirstWarmed),
    `${link}; as firstActionWarmed in token mode (warm-up also fetched the token), n=${wan.tokenFirstWarmed.length}`,
  );
  record(
    'wan.naive.actionRtts',
    rtts(wan.naive),
    `${link}; the same basic-mode request on a new connection each time (as curl), taking turns with ConfBar's, n=${wan.naive.length}`,
  );
  record(
    'connectionsPer100Actions',
    wan.connectionsPer100Actions,
    'sockets the simulator accepted from ConfBar (warm-up included) per 100 actions on the relay, basic mode',
  );
  record(
    'tokenGenerationsPer100TokenActions',
    wan.tokenGenerationsPer100TokenActions,
    'generateToken requests the simulator saw for 100 token-mode actions from a fresh app',
  );
  return wan;
}

if (want('network')) {
  const link = `median over the relay (TLS 1.3 to the simulator, every chunk +RTT/2 each way, +1 RTT for TCP setup)`;
  step(
    'network: through a proxy, after the server closed the idle connection, after a resume; 200 dials on stale sockets',
  );
  const far = await startFar();
  try {
    const proxied = await measureProxy(far, rttMs);
    record(
      'wan.proxy.steadyActionRtts',
      rtts(proxied.steady),
      `${link}, reached through an HTTP proxy next to the agent (CONNECT, HTTPS_PROXY); toggleMute → answer, n=${proxied.steady.length}`,
    );
    record(
      'wan.proxy.connectionsPer100Actions',
      proxied.connectionsPer100,
      'CONNECT tunnels the proxy opened for the warm-up and 100 actions (the pool keeps the tunnel)',
    );
    const idle = await measureDialAfterServerIdle(far, rttMs, rounds);
    record(
      'wan.confbar.dialAfterServerIdleRtts',
      rtts(idle),
      `${link}, a balancer closing connections idle for 1 s without a hint; addParticipant 1.5 s after the last action, 0.4 s after the add field got focus (prepareDial), n=${idle.length}`,
    );
    const resumed = await measureActionAfterResume(far, rttMs, rounds);
    record(
      'wan.confbar.actionAfterResumeRtts',
      rtts(resumed),
      `${link}; every pooled connection silently dropped, transport.reset() (powerMonitor resume), then toggleMute: TCP + TLS + request, n=${resumed.length}`,
    );
  } finally {
    await far.close();
  }
  const stale = await measureStaleDials();
  const staleHow =
    '200 CONFERENCEs, each 130-150 ms after a toggle, against a balancer closing connections idle for 150 ms without a hint (5 ms each way)';
  record('staleSocket.failedOf200', stale.failed, `${staleHow}: dials that failed`);
  record(
    'staleSocket.doubleDialsOf200',
    stale.doubleDials,
    `${staleHow}: numbers the simulator received twice`,
  );
}
let loopbackFloor: ReturnType<typeof summarize> | null = null;
if (want('engine')) {
  step('engine: handler table → simulator on loopback, 1000 toggles');
  const engine = summarize(await measureCallToWire(1000));
  loopbackFloor = summarize(await measureLoopbackFloor(1000));
  const engineHow = `toggleMute through the handler table until the simulator received it (plain HTTP loopback, token mode), n=${engine.n}`;
  record('engine.callToWire.p50Ms', engine.p50, engineHow);
  record('engine.callToWire.p99Ms', engine.p99, engineHow);
}

if (want('heap')) {
  step('main heap after 1000 actions (own process)');
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', resolve(import.meta.dirname, 'main-heap.ts')],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`bench/main-heap.ts failed: ${child.stderr}`);
  record(
    'main.heapAfter1000ActionsMb',
    (JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { heapAfter1000ActionsMb: number })
      .heapAfter1000ActionsMb,
    'heapUsed after 1000 toggles and a forced GC, in a process running only the services and the simulator',
  );
}

if (want('history')) {
  step('history: 100k entries');
  const history = await measureHistory(100_000, 1000);
  record(
    'history.appendP99Ms',
    summarize(history.append).p99,
    '1000 appends with 100k entries over 60 days already stored, p99',
  );
  record(
    'history.load100kMs',
    history.loadMs,
    'recentSessions(100) from a fresh history over those 100k entries (the History tab)',
  );
}

if (want('session')) {
  step(
    'session journal: writes during 1000 toggles and 200 dials; 40 starts with and without a journaled call',
  );
  const session = await measureSession({ starts: 40, toggles: 1000, dialCalls: 50 });
  record(
    'main.restoreMs',
    session.restoreMs,
    `median of createServices' restore step (read, verify, decide, take the call back) with a journaled 4-party call, 40 starts; control: whole start ${session.startWithMs.toFixed(1)} ms with it vs ${session.startWithoutMs.toFixed(1)} ms without (difference ${session.startDiffMs.toFixed(1)} ms, 40 alternating starts each)`,
  );
  const writes = summarize(session.writes);
  record(
    'journal.writeP99Ms',
    writes.p99,
    `each journal write (temp, fsync, rename, fsync of the folder) during 1000 toggles, off the press path, p99 (p50 ${writes.p50.toFixed(2)}), n=${writes.n} (states of one turn coalesce)`,
  );
  const intents = summarize(session.dialIntents);
  record(
    'journal.dialIntentP99Ms',
    intents.p99,
    `each dial's intent written before its request leaves (seal, temp file, rename; no fsync), on the press path, p99 (p50 ${intents.p50.toFixed(3)}), n=${intents.n}, 4-party calls`,
  );
}

const browser = want('browser') ? await measureBrowserFigures() : null;
async function measureBrowserFigures() {
  step('browser: headless Chromium through the e2e harness, 1000 key presses');
  const browser = await measureBrowser({ presses: 1000, coldStarts: 15 });
  const keys = summarize(browser.keydownToWire);
  const keysHow = `'m' pressed with Playwright until the simulator received the toggle (Date.now, 1 ms resolution; includes Playwright's dispatch and the harness's exposeFunction bridge), n=${keys.n}`;
  record('browser.keydownToWire.p50Ms', keys.p50, keysHow);
  record('browser.keydownToWire.p99Ms', keys.p99, keysHow);
  record(
    'renderer.coldStartToInteractiveMs',
    median(browser.coldStart),
    `median of ${browser.coldStart.length} navigations with the HTTP cache off: navigation start until a '?' key press is taken and the help overlay is in the DOM`,
  );
  record(
    'renderer.heapGrowthAfter1000ActionsMb',
    browser.heapGrowthMb,
    'JS heap after those 1000 presses minus before them (after 20 warm-up presses), forced GC each time',
  );
  return browser;
}

// ---- report
const held = (key: Key): string => {
  const v = results[key];
  if (key === 'wan.naive.actionRtts') return v >= 2 * results['wan.confbar.steadyActionRtts'] ? 'yes' : 'NO';
  const max = GOALS[key].max;
  return max === undefined ? '' : v <= max ? 'yes' : 'NO';
};
console.log(
  `\n${'figure'.padEnd(40)} ${'value'.padStart(10)}  ${'goal'.padEnd(20)} ${'holds'.padEnd(5)}  how`,
);
for (const key of Object.keys(GOALS) as Key[]) {
  if (!(key in results)) continue;
  console.log(
    `${key.padEnd(40)} ${String(results[key]).padStart(10)}  ${GOALS[key].text.padEnd(20)} ${held(key).padEnd(5)}  ${how[key]}`,
  );
}
console.log('\ncontrols (printed, not in results.json):');
if (wan)
  console.log(
    `  bare keep-alive request over the same relay, same run: ${rtts(wan.floor).toFixed(2)} RTT (the link's own floor)`,
  );
if (loopbackFloor)
  console.log(
    `  bare keep-alive http.request to the simulator on loopback: p50 ${loopbackFloor.p50.toFixed(2)} ms, p99 ${loopbackFloor.p99.toFixed(2)} ms`,
  );
if (browser) {
  const segment = (name: keyof typeof browser.keydownSegments): string => {
    const s = summarize(browser.keydownSegments[name]);
    return `${name} p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)}`;
  };
  const phases = (name: string) => median(browser.coldStartPhases.map((p) => p[name]!)).toFixed(0);
  console.log(`  each key press, ms (sub-ms clocks; servicesToWire ends at the simulator's Date.now): ${segment('dispatch')}, ${segment('renderer')}, ${segment('bridge')}, ${segment('servicesToWire')}
  cold start, medians: HTML in at ${phases('html')} ms, last stylesheet ${phases('css')} ms, last script ${phases('js')} ms (the phone chunk included), DOMContentLoaded ${phases('domContentLoaded')} ms`);
}
const out = resolve(import.meta.dirname, 'results.json');
// A partial run (--only) keeps the figures it did not measure from the last full run.
const kept: Partial<Record<Key, number>> =
  only && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Partial<Record<Key, number>>) : {};
writeFileSync(out, `${JSON.stringify({ ...kept, ...results }, null, 2)}\n`);
const wall = (performance.now() - started) / 1000;
console.log(
  `\nwrote ${out}; RTT ${rttMs} ms; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; wall time ${wall.toFixed(0)} s`,
);
