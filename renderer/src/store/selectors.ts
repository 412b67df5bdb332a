import type { Region } from '../../../shared/phone';
import type { ParticipantView, SessionView } from '../../../shared/session';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { ToolbarState } from './store';

export function sessionOf(s: ToolbarState): SessionView | null {
  return s.snapshot?.session ?? null;
}

export function isLive(s: ToolbarState): boolean {
  return s.snapshot?.session?.status === 'live';
}

/** Settings as last seen, or the defaults until main has answered. */
export function settingsOf(s: ToolbarState): Settings {
  return s.settingsView?.settings ?? DEFAULT_SETTINGS;
}

export function regionOf(s: ToolbarState): Region {
  return settingsOf(s).account.region;
}

/** The participant the agent pointed at last: the optimistic choice until main confirms it. */
export function selectedIdOf(s: ToolbarState): string | null {
  return s.optimisticSelectedId ?? s.snapshot?.session?.selectedId ?? null;
}

export function selectedParticipant(s: ToolbarState): ParticipantView | null {
  const id = selectedIdOf(s);
  return s.snapshot?.session?.participants.find((p) => p.id === id) ?? null;
}

export function participantsOf(s: ToolbarState): ParticipantView[] {
  return s.snapshot?.session?.participants ?? [];
}
