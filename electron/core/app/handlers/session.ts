import { AppError } from '../../../../shared/errors';
import type { Snapshot } from '../../../../shared/session';
import type { ConferenceEngine } from '../../conference/engine';
import type { HandlerTable } from '../../ipc/dispatch';
import type { Logger } from '../../log';
import type { SettingsStore } from '../../settings/store';
import type { AccountContext } from '../account-context';
import type { DemoRunner } from '../demo';

type SessionHandlers = Pick<
  HandlerTable,
  | 'getSnapshot'
  | 'setUcid'
  | 'clearSession'
  | 'startCall'
  | 'endForAgent'
  | 'addParticipant'
  | 'dialSpeedSlot'
  | 'retryDial'
  | 'selectParticipant'
  | 'toggleMute'
  | 'toggleHold'
  | 'dropParticipant'
  | 'rememberDraft'
  | 'prepareDial'
  | 'setDemo'
>;

/** The call: the ucid, the participants and their toggles, and demo mode (which swaps the account). */
export function sessionHandlers(deps: {
  engine: ConferenceEngine;
  account: AccountContext;
  settings: SettingsStore;
  demo: DemoRunner;
  snapshot: () => Snapshot;
  log: Logger;
  /** Keeps the add field's text with the journaled call; true when a live call holds it. */
  rememberDraft: (text: string) => boolean;
}): SessionHandlers {
  const { engine, account, settings, demo, snapshot, log } = deps;

  function rememberRecent(number: string, sip: boolean, label?: string): void {
    try {
      settings.pushRecent({ number, sip, label });
    } catch (e) {
      log.warn('could not remember a recent number', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  return {
    getSnapshot: async () => snapshot(),
    setUcid: async ({ text }) => (engine.setUcid(text), snapshot()),
    clearSession: async () => (engine.clear(), snapshot()),
    startCall: async ({ customerNumber, campaignName, reference }) => {
      const a = account.active();
      const uui = reference?.trim();
      await engine.startCall(customerNumber, campaignName || a.campaignName || undefined, {
        checkStatus: a.checkStatus,
        ...(a.callLimit !== null ? { callLimit: a.callLimit } : {}),
        ...(uui ? { uui } : {}),
      });
      return snapshot();
    },
    endForAgent: async () => (await engine.endForAgent(), snapshot()),
    addParticipant: async (input) => {
      await engine.add(input);
      rememberRecent(input.number, input.sip, input.label);
      return snapshot();
    },
    dialSpeedSlot: async ({ slot }) => {
      const contact = account.view().settings.directory.find((c) => c.slot === slot);
      if (!contact) throw new AppError('InvalidInput', `No contact is on speed-dial slot ${slot}.`);
      await engine.add({ number: contact.number, sip: contact.sip, label: contact.label });
      rememberRecent(contact.number, contact.sip, contact.label);
      return snapshot();
    },
    retryDial: async ({ id }) => (await engine.retryDial(id), snapshot()),
    selectParticipant: async ({ id }) => (engine.select(id), snapshot()),
    toggleMute: async ({ id }) => (engine.toggleMute(id), snapshot()),
    toggleHold: async ({ id }) => (engine.toggleHold(id), snapshot()),
    dropParticipant: async ({ id }) => (await engine.drop(id), snapshot()),
    rememberDraft: async ({ add }) => ({ kept: deps.rememberDraft(add) }),
    prepareDial: async () => ({ warming: engine.prepareDial() }),
    setDemo: async ({ enabled }) => {
      if (enabled === account.demoOn()) return snapshot();
      if (engine.busy())
        throw new AppError('Busy', 'Wait for the current request to finish before switching mode.');
      if (engine.view()) engine.clear();
      if (enabled) await demo.start();
      else await demo.stop();
      settings.update({ demo: { enabled, firstRunDone: true } });
      return snapshot();
    },
  };
}
