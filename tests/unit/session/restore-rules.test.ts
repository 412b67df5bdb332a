import { describe, expect, it } from 'vitest';
import { decideRestore, RESTORE_MAX_AGE_MS } from '../../../electron/core/session/restore-rules';
import { ACCOUNT, body, NOW, participant } from './fixtures';

const ctx = { account: ACCOUNT, now: NOW, demoOn: false, fromPrevious: false };

function restored(b = body(), c = ctx) {
  const d = decideRestore(b, c);
  if (!d.restore) throw new Error(`not restored: ${d.why}`);
  return d;
}

describe('restore rules', () => {
  it('brings a live call of this account back as last confirmed, nothing in flight', () => {
    const b = body(
      {},
      {
        participants: [
          participant({ id: 'p1', held: true, desiredHeld: true, heldSince: NOW - 5000 }),
          participant({ id: 'p2', number: '09822223333', muted: true, desiredMuted: true }),
        ],
      },
    );
    const d = restored(b);
    expect(d.session).toEqual(b.session);
    expect(d.note).toBe('');
  });

  it('a toggle in flight comes back unanswered, with what was sent, and the wish back at the confirmed state', () => {
    const d = restored(
      body({}, { participants: [participant({ held: false, desiredHeld: true, pending: 'HOLD' })] }),
    );
    expect(d.session.participants[0]).toMatchObject({
      state: 'connected',
      held: false,
      desiredHeld: false,
      pending: null,
      unanswered: 'HOLD',
      lastError: { message: "Hold was sent; CloudAgent's answer was not seen." },
    });
    const resume = restored(
      body({}, { participants: [participant({ held: true, desiredHeld: false, pending: 'UNHOLD' })] }),
    );
    expect(resume.session.participants[0]).toMatchObject({
      held: true,
      desiredHeld: true,
      unanswered: 'UNHOLD',
      lastError: { message: "Resume was sent; CloudAgent's answer was not seen.", remedy: /press Resume/ },
    });
  });

  it('a dial in flight comes back unknown, "may be ringing", never as something to dial', () => {
    const d = restored(
      body(
        {},
        { participants: [participant({ state: 'dialing', pending: 'CONFERENCE', connectedAt: null })] },
      ),
    );
    expect(d.session.participants[0]).toMatchObject({
      state: 'unknown',
      pending: null,
      lastError: { message: /Add was sent.*may be ringing/, remedy: /Retry dial/ },
    });
  });

  it('an End in flight and a record from the previous file are said in the note', () => {
    const d = restored(body({}, { agentPending: true }), { ...ctx, fromPrevious: true });
    expect(d.session.agentPending).toBe(false);
    expect(d.note).toMatch(/newest save was lost/);
    expect(d.note).toMatch(/End was sent/);
  });

  it('sets aside a call of another account, an old one, an ended one, and one while demo mode is on', () => {
    const cases = [
      [body({ account: 'someone@else' }), ctx, /belongs to someone@else, not to the account configured now/],
      [body(), { ...ctx, account: null }, /configured now \(none\)/],
      [body({ savedAt: NOW - RESTORE_MAX_AGE_MS - 1 }), ctx, /over 12 hours ago/],
      [body({}, { status: 'ended' }), ctx, /had ended/],
      [body(), { ...ctx, demoOn: true }, /demo mode is on/],
    ] as const;
    for (const [b, c, why] of cases) {
      const d = decideRestore(b, c);
      expect(d).toMatchObject({ restore: false, file: 'keep' });
      expect(d.restore === false && d.why).toMatch(why);
    }
    expect(decideRestore(body({ savedAt: NOW - RESTORE_MAX_AGE_MS + 1 }), ctx).restore).toBe(true);
  });

  it('a demo call is not restored, and says so', () => {
    expect(decideRestore(body({ account: 'demo' }, { demo: true }), ctx)).toMatchObject({
      restore: false,
      file: 'drop',
      why: /demo call and was not restored: the demo simulator starts empty/,
    });
  });
});
