import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { createSettingsStore } from '../../../electron/core/settings/store';
import { phoneLinkRegistration } from '../../../electron/shell/phone-link-registration';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { appErrorOf } from '../../support/app-error';

const holding =
  (...schemes: string[]) =>
  (scheme: string) =>
    schemes.includes(scheme);

describe('phoneLinkRegistration: what ConfBar asks the OS about tel: and callto:', () => {
  it('is off by default', () => {
    expect(DEFAULT_SETTINGS.behaviour.phoneLinks).toBe(false);
  });

  it('on: asks for each scheme it does not already hold', () => {
    expect(phoneLinkRegistration({ packaged: true, enabled: true, isDefault: holding() })).toEqual([
      { op: 'set', scheme: 'tel' },
      { op: 'set', scheme: 'callto' },
    ]);
    expect(phoneLinkRegistration({ packaged: true, enabled: true, isDefault: holding('tel') })).toEqual([
      { op: 'set', scheme: 'callto' },
    ]);
  });

  it('off: gives back only what it holds, and never touches an agent who did not opt in', () => {
    expect(
      phoneLinkRegistration({ packaged: true, enabled: false, isDefault: holding('tel', 'callto') }),
    ).toEqual([
      { op: 'remove', scheme: 'tel' },
      { op: 'remove', scheme: 'callto' },
    ]);
    expect(phoneLinkRegistration({ packaged: true, enabled: false, isDefault: holding() })).toEqual([]);
  });

  it('a development run never asks (it would register the bare Electron binary)', () => {
    for (const enabled of [true, false])
      expect(phoneLinkRegistration({ packaged: false, enabled, isDefault: holding('tel') })).toEqual([]);
  });

  it('an administrator can lock the option (policy behaviour.phoneLinks)', () => {
    const store = createSettingsStore({
      backend: createMemoryBackend({}),
      policy: {
        load: () => ({
          values: { behaviour: { phoneLinks: true } },
          locked: ['behaviour.phoneLinks'],
          source: 'p',
          error: null,
        }),
      },
      warn: () => {},
    });
    expect(store.get().settings.behaviour.phoneLinks).toBe(true);
    expect(store.get().locked).toContain('behaviour.phoneLinks');
    expect(appErrorOf(() => store.update({ behaviour: { phoneLinks: false } })).message).toBe(
      'behaviour.phoneLinks is locked by your administrator.',
    );
  });
});
