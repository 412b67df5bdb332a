import { resolve } from 'node:path';
import { DEMO_ACCOUNT } from '../electron/simulator/server';
import { launchHarness } from '../tests/e2e/harness';
import { PARTICIPANT, until } from './app';

const RENDERER = resolve(import.meta.dirname, '../out/renderer');

export interface BrowserFigures {
  /** Key press (Playwright's dispatch included) → the request arrived at the simulator, ms. */
  keydownToWire: number[];
  /** Navigation start → the toolbar answered a key (the help overlay is on screen), ms. */
  coldStart: number[];
  /** JS heap after `actions` more key-press actions, minus before, after a forced GC each time. */
  heapGrowthMb: number;
  actions: number;
}

/**
 * Runs in the page from navigation start: presses '?' until the toolbar takes it (the keydown handler
 * prevents its default), then notes when the help overlay is in the DOM.
 */
function interactiveProbe(): void {
  const w = window as unknown as { __interactiveAt?: number };
  const channel = new MessageChannel();
  const poll = (): void => {
    const e = new KeyboardEvent('keydown', { key: '?', code: 'Slash', shiftKey: true, cancelable: true });
    window.dispatchEvent(e);
    if (!e.defaultPrevented) {
      channel.port2.postMessage(0);
      return;
    }
    const shown = (): void => {
      if (document.querySelector('[aria-labelledby="help-title"]')) w.__interactiveAt = performance.now();
      else requestAnimationFrame(shown);
    };
    shown();
  };
  channel.port1.onmessage = poll;
  poll();
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

    const keydownToWire: number[] = [];
    const warmUp = 20;
    let heapBefore = 0;
    for (let i = 0; i < warmUp + opts.presses; i++) {
      if (i === warmUp) heapBefore = await heapMb();
      sim.clearRequests();
      // The simulator stamps arrivals with Date.now(): the same clock, to the millisecond.
      const t = Date.now();
      await page.keyboard.press('m');
      await until(() => sim.requests.some((r) => /CallControl/i.test(r.path)), 5000);
      if (i >= warmUp) keydownToWire.push(sim.requests.find((r) => /CallControl/i.test(r.path))!.at - t);
      await h.services.settled();
      await page.evaluate(() => 0); // the snapshot events have reached the page
    }
    const heapGrowthMb = (await heapMb()) - heapBefore;

    // Cold starts: no HTTP (and so no code) cache, a fresh document each time.
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(interactiveProbe);
    const coldStart: number[] = [];
    for (let i = 0; i < opts.coldStarts; i++) {
      await page.goto(`${h.origin}/index.html`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => (window as { __interactiveAt?: number }).__interactiveAt !== undefined,
      );
      coldStart.push(await page.evaluate(() => (window as { __interactiveAt?: number }).__interactiveAt!));
    }
    if (h.pageErrors.length > 0) throw new Error(`bench: the page reported errors: ${h.pageErrors[0]}`);
    return { keydownToWire, coldStart, heapGrowthMb, actions: opts.presses };
  } finally {
    await h.close();
  }
}
