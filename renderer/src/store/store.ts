import { create } from 'zustand';
import type { AppErrorShape } from '../../../shared/errors';
import type { Snapshot, ToastEvent } from '../../../shared/session';
import type { SettingsView } from '../../../shared/settings';

/** A key press the agent made that main has not answered yet (shown within one frame). */
export type OptimisticAction = 'mute' | 'hold' | 'drop' | 'retry' | 'select' | 'end';

export interface Toast extends ToastEvent {
  id: number;
}

/**
 * A control a command asked to focus; it consumes the request when it mounts or updates. `row:<id>` is a
 * participant's select button, `main` the toolbar itself (so the next Tab starts at the top).
 */
export type FocusTarget =
  | 'ucid'
  | 'add'
  | 'search'
  | 'customer'
  | 'reference'
  | 'releaseOffer'
  | 'confirm'
  | 'help'
  | 'demoCall'
  | 'suggestion'
  | 'main'
  | `row:${string}`
  | `toast:${number}`;

/** A refused ucid, with the likely value when there is one (one key accepts it). */
export interface UcidError {
  message: string;
  suggestion?: string;
}

export type Confirm = { kind: 'drop'; participantId: string } | { kind: 'end' } | { kind: 'release' };

export interface Drafts {
  ucid: string;
  add: string;
  addSip: boolean;
  customer: string;
  /** Start call's optional "Reference" (sent as Phone Manual Dial's uui; a link may prefill it). */
  reference: string;
}

/**
 * The number a link put in a field, while the field still holds it: Esc there discards it, and a dial of
 * it carries the link's name. Cleared when the agent edits, dials or discards it.
 */
export interface LinkPrefill {
  field: 'add' | 'customer';
  number: string;
  name: string | null;
  /** confbar://dial's uui, for Start call's Reference. */
  reference: string | null;
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
  ucidError: UcidError | null;
  addError: string | null;
  customerError: string | null;
  /** Start call was refused because the agent's phone is busy or still mapped: offer "Release my phone". */
  releaseOffer: boolean;
  view: 'toolbar' | 'settings';
  helpOpen: boolean;
  startCallOpen: boolean;
  /** In mini mode a command may reveal the add row for a moment. */
  miniReveal: boolean;
  suggestionsOpen: boolean;
  confirm: Confirm | null;
  focusRequest: { target: FocusTarget; n: number } | null;
  announcement: { text: string; n: number };
  linkPrefill: LinkPrefill | null;
  /** The start notice (restored call, or why not) the agent dismissed: its kind:at. */
  restoreDismissed: string | null;
}

export const EMPTY_DRAFTS: Drafts = { ucid: '', add: '', addSip: false, customer: '', reference: '' };

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
  releaseOffer: false,
  view: 'toolbar',
  helpOpen: false,
  startCallOpen: false,
  miniReveal: false,
  suggestionsOpen: false,
  confirm: null,
  focusRequest: null,
  announcement: { text: '', n: 0 },
  linkPrefill: null,
  restoreDismissed: null,
}));

export const getState = useToolbar.getState;
export const setState = useToolbar.setState;
