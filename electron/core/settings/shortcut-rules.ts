import { AppError } from '../../../shared/errors';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import {
  acceleratorClashes,
  checkAccelerator,
  checkWindowKey,
  displayAccelerator,
  displayWindowKey,
  type ShortcutCheck,
  type ShortcutClash,
  windowKeyClashes,
} from '../../../shared/shortcuts';

function touched(scope: Partial<Record<string, string | null | undefined>> | undefined): string[] {
  return Object.entries(scope ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

function clashText(scope: 'window' | 'global', clash: ShortcutClash, shown: string): string {
  const named = clash.commands.map((c, i) => `${c} ("${clash.bindings[i]}")`);
  const who = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return `shortcuts.${scope}: ${who} are the same shortcut, ${shown}; give one of them another key.`;
}

/**
 * Refuses a patch that sets a shortcut which cannot work, or binds one key to two commands, with the
 * reason (shared/shortcuts.ts decides both, as the keymap and the global-shortcut plan do). Only what the
 * patch changes counts, so a clash an admin policy introduced does not block unrelated edits.
 */
export function checkShortcuts(effective: Settings, patch: SettingsPatch, platform: string): void {
  const scopes = [
    {
      scope: 'window' as const,
      map: effective.shortcuts.window as Record<string, string | null>,
      changed: touched(patch.shortcuts?.window),
      check: (text: string): ShortcutCheck => checkWindowKey(text),
      clashes: () => windowKeyClashes(effective.shortcuts.window),
      show: (text: string) => displayWindowKey(text),
    },
    {
      scope: 'global' as const,
      map: effective.shortcuts.global as Record<string, string | null>,
      changed: touched(patch.shortcuts?.global),
      check: (text: string): ShortcutCheck => checkAccelerator(text, platform),
      clashes: () => acceleratorClashes(effective.shortcuts.global, platform),
      show: (text: string) => displayAccelerator(text, platform),
    },
  ];
  for (const s of scopes) {
    for (const command of s.changed) {
      const text = s.map[command];
      if (text === null || text === undefined || text.trim() === '') continue;
      const check = s.check(text);
      if (!check.ok) {
        throw new AppError(
          'InvalidInput',
          `shortcuts.${s.scope}.${command}: "${text.trim()}": ${check.problem}`,
        );
      }
    }
    const clash = s.clashes().find((c) => c.commands.some((cmd) => s.changed.includes(cmd)));
    if (clash) throw new AppError('InvalidInput', clashText(s.scope, clash, s.show(clash.bindings[0]!)));
  }
}
