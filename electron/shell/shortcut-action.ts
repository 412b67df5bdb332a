import type { InvokeInput, InvokeName } from '../../shared/contract';
import type { ParticipantView, Snapshot } from '../../shared/session';
import type { GlobalCommand } from '../../shared/settings';

/** What the shell does when a global shortcut fires. */
export type ShortcutAction =
  | { kind: 'show' }
  /** Show the window and let the renderer carry on (focus the add field, ask to confirm a drop). */
  | { kind: 'show-and-command'; command: GlobalCommand }
  | {
      kind: 'invoke';
      name: Extract<InvokeName, 'toggleMute' | 'toggleHold' | 'dropParticipant' | 'selectParticipant'>;
      input: InvokeInput<'toggleMute'>;
    }
  /** Nothing to act on; tell the agent why. */
  | { kind: 'explain'; message: string };

export interface ShortcutContext {
  snapshot: Snapshot;
  /** behaviour.confirmBeforeDrop: a drop from a global shortcut then goes through the window's confirmation. */
  confirmBeforeDrop: boolean;
}

/**
 * Maps a global command to an action on the call as main sees it (the renderer may be hidden or
 * unfocused while the CRM has focus, so main acts on its own snapshot rather than asking the window).
 */
export function planShortcutAction(command: GlobalCommand, ctx: ShortcutContext): ShortcutAction {
  switch (command) {
    case 'showToolbar':
      return { kind: 'show' };
    case 'addParticipant':
      return { kind: 'show-and-command', command };
    case 'selectNext': {
      const live = liveParticipants(ctx.snapshot);
      if ('message' in live) return { kind: 'explain', message: live.message };
      const next = nextParticipant(live.participants, ctx.snapshot.session?.selectedId ?? null);
      if (!next) return { kind: 'explain', message: 'No participant to select.' };
      return { kind: 'invoke', name: 'selectParticipant', input: { id: next.id } };
    }
    case 'toggleMuteSelected':
    case 'toggleHoldSelected':
    case 'dropSelected': {
      const selected = selectedParticipant(ctx.snapshot);
      if ('message' in selected) return { kind: 'explain', message: selected.message };
      if (command === 'toggleMuteSelected')
        return { kind: 'invoke', name: 'toggleMute', input: { id: selected.id } };
      if (command === 'toggleHoldSelected')
        return { kind: 'invoke', name: 'toggleHold', input: { id: selected.id } };
      if (ctx.confirmBeforeDrop) return { kind: 'show-and-command', command };
      return { kind: 'invoke', name: 'dropParticipant', input: { id: selected.id } };
    }
  }
}

function liveParticipants(snapshot: Snapshot): { participants: ParticipantView[] } | { message: string } {
  const session = snapshot.session;
  if (!session || session.status !== 'live') return { message: 'No live call: paste a ucid first.' };
  const participants = session.participants.filter((p) => p.state !== 'dropped');
  if (participants.length === 0) return { message: 'No participants in the call yet.' };
  return { participants };
}

function selectedParticipant(snapshot: Snapshot): ParticipantView | { message: string } {
  const live = liveParticipants(snapshot);
  if ('message' in live) return live;
  const selected = live.participants.find((p) => p.id === snapshot.session?.selectedId);
  return selected ?? { message: 'No participant is selected.' };
}

/** The participant after the selected one, wrapping round; the first one when none is selected. */
function nextParticipant(
  participants: ParticipantView[],
  selectedId: string | null,
): ParticipantView | undefined {
  const at = participants.findIndex((p) => p.id === selectedId);
  return participants[(at + 1) % participants.length];
}
