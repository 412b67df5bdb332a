import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InvokeInput, InvokeName, InvokeOutput } from '../../shared/contract';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../electron/simulator/server';
import { actionsSent } from '../support/sim-requests';
import { bootMain, until, type Booted } from './boot';
import { preventable } from './electron-double';
import { BILLING, SUPERVISOR } from './fixtures/parties';
import { invokeOver, valueOf } from './ipc-driver';

// A call survives the process: the built main bundle (under the Electron double) in a child process makes a
// call with Supervisor held and Billing muted, and is killed with SIGKILL: no quit, no cleanup. This process
// then boots the same bundle on the same data folder. The keychain is a real Secret Service shared by both
// lives (scripts/with-keyring.sh), as the OS keychain is on a desktop.
const KEYRING = process.env.CONFBAR_KEYRING === '1';
const SKIP_REASON = 'needs a real Secret Service: run under scripts/with-keyring.sh (sets CONFBAR_KEYRING=1)';
const API_KEY = 'survive-key-123';
const ACCOUNT = { ...DEMO_ACCOUNT, apiKey: API_KEY };

let sim: Simulator;
let booted: Booted;
let ucid: string;
let firstStartedAt = 0;
const double = () => booted.double;
const win = () => double().windows()[0]!;
const call = async <K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>> =>
  valueOf(await invokeOver(double(), name, input));
const journalFile = (userData: string) => join(userData, 'session', 'session.json');

/** The first life, killed once its call is journaled. */
async function firstLife(userData: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'fixtures/first-life.ts'),
      inject('shellBuildDir'),
      userData,
      sim.url,
      ucid,
      API_KEY,
    ],
    { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((r) =>
    child.on('exit', (code, signal) => r(signal ?? code)),
  );
  await until(
    () => out.includes('READY') || child.exitCode !== null,
    'the first life to make its call',
    3000,
  );
  if (!out.includes('READY')) throw new Error(`the first life did not get ready: ${err}`);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe.skipIf(!KEYRING)(
  `a call survives the process: kill, boot again on the same data folder (${KEYRING ? 'Electron double, real Secret Service' : `skipped: ${SKIP_REASON}`})`,
  () => {
    beforeAll(async () => {
      sim = await startSimulator({ accounts: [ACCOUNT] });
      ucid = sim.createCall({ userName: ACCOUNT.userName, agentPhoneName: 'demo-phone' });
      const userData = mkdtempSync(join(tmpdir(), 'confbar-survive-'));
      await firstLife(userData);
      firstStartedAt = JSON.parse(readFileSync(journalFile(userData), 'utf8')).body.session.startedAt;
      expect(sim.getCall(ucid)!.participants.get(SUPERVISOR)).toMatchObject({ held: true });
      booted = await bootMain({ userData });
      double().ready();
      await until(() => win()?.isVisible(), 'the toolbar window to show');
    }, 60_000);

    afterAll(async () => {
      await invokeOver(double(), 'clearKey', {}).catch(() => undefined);
      if (!double().quitDone) double().electron.app.quit();
      await sim?.close();
    });

    it('boots with the call restored: Supervisor held, Billing muted, the real start time, the notice', async () => {
      const snap = await call('getSnapshot', {});
      expect(snap.session).toMatchObject({ ucid, status: 'live', startedAt: firstStartedAt });
      expect(snap.session!.participants.map((p) => [p.label, p.state, p.held, p.muted])).toEqual([
        ['Supervisor', 'connected', true, false],
        ['Billing', 'connected', false, true],
      ]);
      expect(snap.restore).toMatchObject({ kind: 'restored' });
      // Restore, never replay: nothing went to CloudAgent on its own.
      expect(actionsSent(sim)).toEqual([
        `CONFERENCE ${SUPERVISOR}`,
        `CONFERENCE ${BILLING}`,
        `HOLD ${SUPERVISOR}`,
        `MUTE ${BILLING}`,
      ]);
    });

    it('quitting from the tray while they are held and muted asks first; Cancel keeps everything', async () => {
      const boxes = double().messageBoxes.length;
      double().trays()[0]!.menu!.click('Quit ConfBar');
      await until(() => double().messageBoxes.length > boxes, 'the quit question');
      const q = double().messageBoxes.at(-1)!;
      expect(q).toMatchObject({
        type: 'warning',
        message: 'Quit ConfBar during a call? Supervisor is on hold; Billing is muted.',
        buttons: ['Cancel', 'Quit anyway'],
        defaultId: 0,
        cancelId: 0,
      });
      expect(q.detail).toMatch(/stay held and muted at CloudAgent.*brings this call back/s);
      await new Promise((r) => setTimeout(r, 50));
      expect(double().quitDone).toBe(false);
      expect(win().isDestroyed()).toBe(false);
      expect((await call('getSnapshot', {})).session?.status).toBe('live');
    });

    it('a crashed page reloads with the session intact, and global shortcuts work meanwhile', async () => {
      const reloads = () => double().journal.filter((e) => e === 'webContents.reload').length;
      win().webContents.emit('render-process-gone', preventable(), { reason: 'crashed', exitCode: 1 });
      expect(reloads()).toBe(1);
      // The mute key (Billing is selected) works from main whatever the page does.
      double().shortcuts.get('CommandOrControl+Alt+M')!();
      await until(() => sim.getCall(ucid)!.participants.get(BILLING)?.muted === false, 'UNMUTE');
      await until(() => win().webContents.lastPage !== null, 'the page to load again');
      expect((await call('getSnapshot', {})).session?.participants[0]).toMatchObject({ held: true });
    });

    it('a hung page is reloaded after a few seconds; the third failure within a minute stops with a dialog', async () => {
      const reloads = () => double().journal.filter((e) => e === 'webContents.reload').length;
      win().emit('unresponsive');
      await new Promise((r) => setTimeout(r, 5300));
      expect(double().journal).toContain('webContents.forcefullyCrashRenderer');
      expect(reloads()).toBe(2);
      const boxes = double().messageBoxes.length;
      win().webContents.emit('render-process-gone', preventable(), { reason: 'oom', exitCode: 1 });
      expect(reloads()).toBe(2);
      await until(() => double().messageBoxes.length > boxes, 'the crash-loop dialog');
      expect(double().messageBoxes.at(-1)).toMatchObject({
        type: 'error',
        message: /failed 3 times within a minute/,
        detail: expect.stringMatching(/call is safe[\s\S]*log for support is at .*main\.log/),
      });
    }, 10_000);

    it('afterwards Resume sends UNHOLD for that number; an OS shutdown quits without a question, the call kept', async () => {
      const snap = await call('getSnapshot', {});
      const sup = snap.session!.participants.find((p) => p.number === SUPERVISOR)!;
      await call('toggleHold', { id: sup.id });
      await until(() => sim.getCall(ucid)!.participants.get(SUPERVISOR)?.held === false, 'UNHOLD');
      expect(actionsSent(sim).slice(-2)).toEqual([`UNMUTE ${BILLING}`, `UNHOLD ${SUPERVISOR}`]);
      // Muted again, then the OS shuts down: no dialog may hold it up.
      const bill = snap.session!.participants.find((p) => p.number === BILLING)!;
      await call('toggleMute', { id: bill.id });
      await until(() => sim.getCall(ucid)!.participants.get(BILLING)?.muted === true, 'MUTE');
      const boxes = double().messageBoxes.length;
      double().electron.powerMonitor.emit('shutdown', preventable());
      double().electron.app.quit();
      await until(() => double().quitDone, 'the app to quit');
      expect(double().messageBoxes.length).toBe(boxes);
      const kept = JSON.parse(readFileSync(journalFile(booted.userData), 'utf8'));
      expect(kept.body.session.participants.map((p: { muted: boolean }) => p.muted)).toEqual([false, true]);
      expect(existsSync(journalFile(booted.userData))).toBe(true);
    });
  },
);
