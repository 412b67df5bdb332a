import { resolve } from 'node:path';
import { DEMO_ACCOUNT } from '../electron/simulator/server';
import { launchHarness } from '../tests/e2e/harness';
import { PARTICIPANT, until } from './app';
import { preciseNow } from './engine';

const RENDERER = resolve(import.meta.dirname, '../out/renderer');

export interface BrowserFigures {
  /** Key press (Playwright's dispatch included) → the request arrived at the simulator, ms. */
  keydownToWire: number[];
  /**
   * The same presses cut where the time goes, ms: Playwright's dispatch until the page's keydown, the
   * renderer's own work until it calls window.confbar.invoke, the harness's exposeFunction bridge into this
   * process (ipcRenderer.invoke in Electron), and the services until the simulator had the request.
   */
  keydownSegments: { dispatch: number[]; renderer: number[]; bridge: number[]; servicesToWire: number[] };
  /** Navigation start → the toolbar answered a key (the help overlay is on screen), ms. */
  coldStart: number[];
  /** Where the time went in each: HTML, script and stylesheet arrived, DOMContentLoaded (scripts ran). */
  coldStartPhases: Array<Record<string, number>>;
  /** JS heap after `actions` more key-press actions, minus before, after a forced GC each time. */
  heapGrowthMb: number;
  actions: number;
}

/**
 * Runs in the page from navigation start: as soon as the app binds its keydown handler, presses '?' (in
 * the next task, as a real key press would arrive) and notes when the help overlay is in the DOM.
 */
function interactiveProbe(): void {
  const w = window as unknown as { __interactiveAt?: number };
  const bind = window.addEventListener.bind(window);
  window.addEventListener = ((type: string, ...rest: Parameters<typeof window.addEventListener>[1][]) => {
    (bind as (t: string, ...r: unknown[]) => void)(type, ...rest);
    if (type !== 'keydown' || w.__interactiveAt !== undefined) return;
    setTimeout(() => {
      const e = new KeyboardEvent('keydown', { key: '?', code: 'Slash', shiftKey: true, cancelable: true });
      window.dispatchEvent(e);
      const shown = (): void => {
        if (document.querySelector('[aria-labelledby="help-title"]')) w.__interactiveAt = performance.now();
        else requestAnimationFrame(shown);
      };
      shown();
    }, 0);
  }) as typeof window.addEventListener;
}

/** The built renderer in headless Chromium through the browser harness, wired to the real services. */
export async function measureBrowser(opts: { presses: number; coldStarts: number }): Promise<BrowserFigures> {
  const h = await launchHarness({ rendererDir: RENDERER, mode: 'token', timeoutMs: 8000 });
  try {
    const { page, sim } = h;
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    };

    const ucid = sim.createCall({ userName: DEMO_ACCOUNT.userName, agentPhoneName: 'demo-phone' });
    await h.call('setUcid', { text: ucid });
    await h.call('addParticipant', { number: PARTICIPANT, sip: false });
    await h.services.settled();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Stamps on one clock, epoch milliseconds with sub-millisecond resolution, on both sides of the bridge
    // (preciseNow here, its twin in the page).
    await page.evaluate(() => {
      const w = window as unknown as {
        __stamps: { keydown: number; invoke: number };
        __confbarInvoke(name: string, input: unknown): Promise<unknown>;
      };
      const at = (): number => performance.timeOrigin + performance.now();
      w.__stamps = { keydown: 0, invoke: 0 };
      window.addEventListener('keydown', () => (w.__stamps.keydown = at()), true);
      const forward = w.__confbarInvoke;
      w.__confbarInvoke = (name, input) => {
        if (name === 'toggleMute') w.__stamps.invoke = at();
        return forward(name, input);
      };
    });
    let servicesAt = 0;
    const invoke = h.services.invoke.bind(h.services);
    h.services.invoke = ((name: string, input: unknown) => {
      if (name === 'toggleMute') servicesAt = preciseNow();
      return invoke(name as never, input as never);
    }) as typeof h.services.invoke;
    const segments: BrowserFigures['keydownSegments'] = {
      dispatch: [],
      renderer: [],
      bridge: [],
      servicesToWire: [],
    };

    const keydownToWire: number[] = [];
    const warmUp = 20;
    let heapBefore = 0;
    for (let i = 0; i < warmUp + opts.presses; i++) {
      if (i === warmUp) heapBefore = await heapMb();
      sim.clearRequests();
      // The simulator stamps arrivals with Date.now(): the same clock, to the millisecond.
      const t = Date.now();
      const pressedAt = preciseNow();
      await page.keyboard.press('m');
      await until(() => sim.requests.some((r) => /CallControl/i.test(r.path)), 5000);
      const wireAt = sim.requests.find((r) => /CallControl/i.test(r.path))!.at;
      if (i >= warmUp) {
        keydownToWire.push(wireAt - t);
        const stamps = await page.evaluate(
          () => (window as unknown as { __stamps: { keydown: number; invoke: number } }).__stamps,
        );
        segments.dispatch.push(stamps.keydown - pressedAt);
        segments.renderer.push(stamps.invoke - stamps.keydown);
        segments.bridge.push(servicesAt - stamps.invoke);
        segments.servicesToWire.push(wireAt - servicesAt);
      }
      await h.services.settled();
      await page.evaluate(() => 0); // the snapshot events have reached the page
    }
    const heapGrowthMb = (await heapMb()) - heapBefore;

    // Cold starts: no HTTP (and so no code) cache, a fresh document each time. The harness's request
    // interception (its loopback guard) sends every request through this process and back, which no
    // Electron window does: lift it here and check instead that the page loaded nothing but its own files.
    await page.context().unroute('**/*');
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(r.url());
    });
    const errorsBefore = h.pageErrors.length;
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(interactiveProbe);
    const coldStart: number[] = [];
    const coldStartPhases: BrowserFigures['coldStartPhases'] = [];
    for (let i = 0; i < opts.coldStarts; i++) {
      await page.goto(`${h.origin}/index.html`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => (window as { __interactiveAt?: number }).__interactiveAt !== undefined,
      );
      coldStart.push(await page.evaluate(() => (window as { __interactiveAt?: number }).__interactiveAt!));
      const foreign = await page.evaluate(
        (origin) =>
          performance
            .getEntriesByType('resource')
            .map((r) => r.name)
            .filter((u) => !u.startsWith(`${origin}/`)),
        h.origin,
      );
      if (foreign.length > 0) throw new Error(`bench: the page requested ${foreign[0]}`);
      coldStartPhases.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const end = (ext: string) =>
            Math.max(0, ...res.filter((r) => r.name.endsWith(ext)).map((r) => r.responseEnd));
          return {
            html: nav.responseEnd,
            js: end('.js'),
            css: end('.css'),
            domContentLoaded: nav.domContentLoadedEventEnd,
          };
        }),
      );
    }
    // Chromium asks every fresh document for /favicon.ico, which the app does not have; nothing else may fail.
    const failed = missing.filter((u) => !u.endsWith('/favicon.ico'));
    const errors = h.pageErrors.slice(errorsBefore).filter((e) => !/Failed to load resource/.test(e));
    if (failed.length + errors.length > 0 || h.pageErrors.slice(0, errorsBefore).length > 0)
      throw new Error(`bench: the page failed: ${[...failed, ...errors, ...h.pageErrors][0]}`);
    return {
      keydownToWire,
      keydownSegments: segments,
      coldStart,
      coldStartPhases,
      heapGrowthMb,
      actions: opts.presses,
    };
  } finally {
    await h.close();
  }
}
