import { create } from 'zustand';
import type { AppErrorShape } from '../../../shared/errors';
import type { Snapshot, ToastEvent } from '../../../shared/session';
import type { SettingsView } from '../../../shared/settings';

/** A key press the agent made that main has not answered yet (shown within one frame). */
export type OptimisticAction = 'mute' | 'hold' | 'drop' | 'retry' | 'select' | 'end';

export interface Toast extends ToastEvent {
  id: number;
}

/** A field a command asked to focus; the field consumes the request when it mounts or updates. */
export type FocusTarget = 'ucid' | 'add' | 'search' | 'customer' | 'confirm' | 'help' | 'demoCall';

export type Confirm = { kind: 'drop'; participantId: string } | { kind: 'end' };

export interface Drafts {
  ucid: string;
  add: string;
  addSip: boolean;
  customer: string;
}

export interface ToolbarState {
  snapshot: Snapshot | null;
  /** main's clock minus ours when the snapshot arrived, so timers follow main's clock. */
  clockOffset: number;
  settingsView: SettingsView | null;
  /** Set when the first getSnapshot failed, so the window can say so instead of staying blank. */
  loadError: AppErrorShape | null;
  toasts: Toast[];
  /** participant id (or 'agent') → what the agent just pressed; cleared by the next snapshot. */
  optimistic: Record<string, OptimisticAction>;
  optimisticSelectedId: string | null;
  drafts: Drafts;
  ucidError: string | null;
  addError: string | null;
  customerError: string | null;
  view: 'toolbar' | 'settings';
  helpOpen: boolean;
  startCallOpen: boolean;
  /** In mini mode a command may reveal the add row for a moment. */
  miniReveal: boolean;
  suggestionsOpen: boolean;
  confirm: Confirm | null;
  focusRequest: { target: FocusTarget; n: number } | null;
  announcement: { text: string; n: number };
}

export const EMPTY_DRAFTS: Drafts = { ucid: '', add: '', addSip: false, customer: '' };

export const useToolbar = create<ToolbarState>()(() => ({
  snapshot: null,
  clockOffset: 0,
  settingsView: null,
  loadError: null,
  toasts: [],
  optimistic: {},
  optimisticSelectedId: null,
  drafts: { ...EMPTY_DRAFTS },
  ucidError: null,
  addError: null,
  customerError: null,
  view: 'toolbar',
  helpOpen: false,
  startCallOpen: false,
  miniReveal: false,
  suggestionsOpen: false,
  confirm: null,
  focusRequest: null,
  announcement: { text: '', n: 0 },
}));

export const getState = useToolbar.getState;
export const setState = useToolbar.setState;
