import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealRecord, type JournalBody } from '../../../electron/core/session/record';
import { journalOnDisk, life, world } from './lives';

function journalBody(ucid: string, over: Partial<JournalBody> = {}, demo = false): JournalBody {
  return {
    seq: 7,
    savedAt: Date.now() - 1000,
    account: 'demo@127.0.0.1',
    draft: '',
    ...over,
    session: {
      ucid,
      status: 'live',
      demo,
      mode: 'token',
      startedAt: Date.now() - 60_000,
      agentPending: false,
      participants: [],
      selectedId: null,
    },
  };
}

/** A configured data folder with no journal (the first life quit cleanly), then `text` as the journal. */
async function folderWith(text: (ucid: string, account: string) => string) {
  const w = await world();
  const first = await life(w.sim, w.dataDir, true);
  const account = `demo@${new URL(w.sim.url).host}`;
  await first.services.dispose();
  const dir = join(w.dataDir, 'session');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'session.json'), text(w.ucid, account));
  return { ...w, dir, account };
}

describe('a journal that cannot be restored is set aside with a message, never a crash', () => {
  it('torn: set aside as session.corrupt-<time>.json, the toolbar empty, the notice says why and where', async () => {
    const { sim, dataDir, dir } = await folderWith((ucid, account) =>
      sealRecord(journalBody(ucid, { account })).slice(0, 60),
    );
    const second = await life(sim, dataDir, false);
    const snap = await second.call('getSnapshot', {});
    expect(snap.session).toBeNull();
    expect(snap.restore).toMatchObject({
      kind: 'not-restored',
      message: /incomplete.*kept as .*session\.corrupt-/,
    });
    expect(readdirSync(dir).filter((n) => n.startsWith('session.corrupt-'))).toHaveLength(1);
  });

  it('tampered (a field edited by hand): the checksum refuses it', async () => {
    const { sim, dataDir } = await folderWith((ucid, account) =>
      sealRecord(journalBody(ucid, { account })).replace('"status":"live"', '"status":"ended"'),
    );
    const snap = await (await life(sim, dataDir, false)).call('getSnapshot', {});
    expect(snap.session).toBeNull();
    expect(snap.restore?.message).toMatch(/changed after ConfBar wrote it/);
  });

  it('another account: kept as session.set-aside-<time>.json, not restored', async () => {
    const { sim, dataDir, dir } = await folderWith((ucid) =>
      sealRecord(journalBody(ucid, { account: 'someone@cloudagent.example' })),
    );
    const snap = await (await life(sim, dataDir, false)).call('getSnapshot', {});
    expect(snap.session).toBeNull();
    expect(snap.restore?.message).toMatch(
      /belongs to someone@cloudagent\.example.*kept as .*session\.set-aside-/,
    );
    expect(readdirSync(dir).some((n) => n.startsWith('session.set-aside-'))).toBe(true);
    expect(existsSync(join(dir, 'session.json'))).toBe(false);
  });

  it('older than 12 hours: not restored', async () => {
    const { sim, dataDir } = await folderWith((ucid, account) =>
      sealRecord(journalBody(ucid, { account, savedAt: Date.now() - 13 * 3600_000 })),
    );
    const snap = await (await life(sim, dataDir, false)).call('getSnapshot', {});
    expect(snap.session).toBeNull();
    expect(snap.restore?.message).toMatch(/over 12 hours ago/);
  });

  it('a demo call is not restored and says so; its file is deleted', async () => {
    const { sim, dataDir, dir } = await folderWith((ucid) =>
      sealRecord(journalBody(ucid, { account: 'demo' }, true)),
    );
    const second = await life(sim, dataDir, false);
    const snap = await second.call('getSnapshot', {});
    expect(snap.session).toBeNull();
    expect(snap.restore?.message).toMatch(/demo call and was not restored/);
    await second.services.journal.flush();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the notice goes once a call opens', async () => {
    const { sim, dataDir, ucid } = await folderWith(() => 'torn');
    const second = await life(sim, dataDir, false);
    expect((await second.call('getSnapshot', {})).restore).not.toBeNull();
    expect((await second.call('setUcid', { text: ucid })).restore).toBeNull();
  });
});

describe('quitting', () => {
  it('a clean quit with no live call leaves no journal; with a live call the journal stays', async () => {
    const { sim, dataDir, ucid } = await world();
    const first = await life(sim, dataDir, true);
    await first.call('setUcid', { text: ucid });
    await first.services.dispose();
    expect(journalOnDisk(dataDir)).toBe(true);
    const second = await life(sim, dataDir, false);
    expect((await second.call('getSnapshot', {})).session?.ucid).toBe(ucid);
    await second.call('clearSession', {});
    await second.services.dispose();
    expect(journalOnDisk(dataDir)).toBe(false);
  });
});
