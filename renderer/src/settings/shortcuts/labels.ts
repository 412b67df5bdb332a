import type { GlobalCommand, WindowCommand } from '../../../../shared/settings';

export const WINDOW_LABELS: Record<WindowCommand, string> = {
  add: 'Add a participant',
  mute: 'Mute / unmute selected',
  hold: 'Hold / resume selected',
  drop: 'Drop selected (participant-number rule)',
  end: 'End the conference (everyone)',
  search: 'Search the directory',
  help: 'Show shortcuts',
  cancel: 'Cancel / close',
  toggleMini: 'Mini mode on / off',
  settings: 'Open settings',
  startCall: 'Start an offline call',
  pasteUcid: 'Paste a ucid',
};

export const GLOBAL_LABELS: Record<GlobalCommand, string> = {
  showToolbar: 'Show ConfBar',
  addParticipant: 'Add a participant',
  toggleMuteSelected: 'Mute / unmute selected',
  toggleHoldSelected: 'Hold / resume selected',
  selectNext: 'Select the next participant',
  dropSelected: 'Drop selected (participant-number rule)',
};

export function commandLabel(command: string): string {
  return (
    (WINDOW_LABELS as Record<string, string>)[command] ??
    (GLOBAL_LABELS as Record<string, string>)[command] ??
    command
  );
}
