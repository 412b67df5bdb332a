import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../electron/simulator/server';
import { realServices } from '../tests/support/services-parts';
import { openCallWithParticipant, startApp } from './app';
import { median } from './stats';

/**
 * What the session journal costs. Start: the same data folder (settings, key-less memory vault) started
 * `n` times with a journaled live call of four participants and `n` times without one, alternating: the
 * median time of the restore step itself (read, check, decide, take the call back), and as a control the
 * difference of the medians of the whole starts. Writes: each journal write's duration
 * (temp file, fsync, rename, fsync of the folder) during `toggles` toggles, off the press's path.
 */
export async function measureSession(opts: { starts: number; toggles: number; dialCalls: number }): Promise<{
  restoreMs: number;
  /** Control: the difference of the medians of whole starts with and without (noisy on a busy machine). */
  startDiffMs: number;
  startWithMs: number;
  startWithoutMs: number;
  writes: number[];
  /** The synchronous write of each dial's intent, on the press's path (ms). */
  dialIntents: number[];
}> {
  const sim = await startSimulator();
  const app = await startApp(sim.url, 'token');
  const withCall = mkdtempSync(join(tmpdir(), 'confbar-bench-restore-'));
  const without = mkdtempSync(join(tmpdir(), 'confbar-bench-norestore-'));
  try {
    const id = await openCallWithParticipant(app, sim);
    for (const n of ['09822223333', '09833334444', '09844445555'])
      await app.call('addParticipant', { number: n, sip: false });
    for (let i = 0; i < opts.toggles; i++) {
      await app.call(i % 2 ? 'toggleHold' : 'toggleMute', { id });
      await app.services.settled();
    }
    await app.services.journal.flush();
    const writes = [...app.services.journal.writeTimes];
    // Dials: 50 calls of 4 parties each, the size a conference has (the intent holds the whole call).
    const dialsBefore = app.services.journal.nowTimes.length;
    for (let c = 0; c < opts.dialCalls; c++) {
      await app.call('clearSession', {});
      await app.call('setUcid', { text: sim.createCall({ agentPhoneName: 'demo-phone' }) });
      for (const n of ['09822223333', '09833334444', '09844445555', '09855556666'])
        await app.call('addParticipant', { number: n, sip: false });
      await app.services.settled();
    }
    const dialIntents = app.services.journal.nowTimes.slice(dialsBefore);
    if (dialIntents.length !== opts.dialCalls * 4)
      throw new Error('bench: a dial was not journaled before it left');
    // The last of those calls (4 parties) is the one journaled for the restore figure.
    await app.services.journal.flush();
    // The app's folder, the call journaled in it, copied twice: one keeps the journal, one loses it.
    cpSync(app.dir, withCall, { recursive: true });
    cpSync(app.dir, without, { recursive: true });
    rmSync(join(without, 'session'), { recursive: true, force: true });

    const restoring: number[] = [];
    const timeStart = async (dir: string) => {
      const t = performance.now();
      const services = await realServices(dir);
      const ms = performance.now() - t;
      if (dir === withCall) restoring.push(services.journal.restoreMs);
      await services.dispose();
      return ms;
    };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < opts.starts; i++) {
      a.push(await timeStart(withCall));
      b.push(await timeStart(without));
    }
    const check = await realServices(withCall);
    const restored = (await check.invoke('getSnapshot', {})) as {
      ok: boolean;
      value?: { restore?: unknown };
    };
    await check.dispose();
    if (
      !restored.ok ||
      !(restored.value?.restore as { kind?: string } | undefined)?.kind?.startsWith('restored')
    )
      throw new Error('bench: the journaled call was not restored');
    return {
      restoreMs: median(restoring),
      startDiffMs: median(a) - median(b),
      startWithMs: median(a),
      startWithoutMs: median(b),
      writes,
      dialIntents,
    };
  } finally {
    await app.close();
    await sim.close();
    rmSync(withCall, { recursive: true, force: true });
    rmSync(without, { recursive: true, force: true });
  }
}
