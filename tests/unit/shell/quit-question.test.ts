import { describe, expect, it } from 'vitest';
import { quitQuestion } from '../../../electron/shell/quit-question';
import type { ParticipantView, SessionView } from '../../../shared/session';
import { participant } from './fakes';

const participantView = (over: Partial<ParticipantView> = {}): ParticipantView => ({
  ...participant(over.id ?? 'p1'),
  ...over,
});

function session(over: Partial<SessionView> = {}): SessionView {
  return {
    ucid: '1234567890123456',
    status: 'live',
    endedReason: null,
    demo: false,
    mode: 'token',
    startedAt: 0,
    agent: { number: '09000000000', pending: false },
    participants: [],
    selectedId: null,
    ...over,
  };
}

describe('the quit question', () => {
  it('asks during a live call while someone is held or muted, on Cancel, saying they stay so', () => {
    const q = quitQuestion(
      session({
        participants: [
          participantView({ id: 'p1', label: 'Supervisor', held: true, desiredHeld: true }),
          participantView({
            id: 'p2',
            label: '09822223333',
            number: '09822223333',
            muted: true,
            desiredMuted: true,
          }),
        ],
      }),
      'agent',
    );
    expect(q).toMatchObject({ buttons: ['Cancel', 'Quit anyway'], defaultId: 0, cancelId: 0, quitId: 1 });
    expect(q!.message).toBe('Quit ConfBar during a call? Supervisor is on hold; 09822223333 is muted.');
    expect(q!.detail).toMatch(/stay held and muted at CloudAgent/);
    expect(q!.detail).toMatch(/brings this call back when it starts again/);
  });

  it('counts a hold asked for and not yet answered', () => {
    const q = quitQuestion(
      session({ participants: [participantView({ label: 'A', desiredHeld: true, pending: 'HOLD' })] }),
      'agent',
    );
    expect(q!.message).toMatch(/A is on hold/);
    expect(q!.detail).toMatch(/stay held at CloudAgent/);
  });

  it('does not ask: no call, an ended or demo call, nobody held or muted, or the OS ending the session', () => {
    const held = [participantView({ held: true, desiredHeld: true })];
    expect(quitQuestion(null, 'agent')).toBeNull();
    expect(quitQuestion(session({ status: 'ended', participants: held }), 'agent')).toBeNull();
    expect(quitQuestion(session({ demo: true, participants: held }), 'agent')).toBeNull();
    expect(quitQuestion(session({ participants: [participantView()] }), 'agent')).toBeNull();
    expect(
      quitQuestion(session({ participants: [participantView({ state: 'dropped', held: true })] }), 'agent'),
    ).toBeNull();
    expect(quitQuestion(session({ participants: held }), 'os-session-end')).toBeNull();
  });
});
