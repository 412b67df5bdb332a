import { clipboard, type BrowserWindow } from 'electron';
import type { EventName, EventPayloads } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { clipboardOffer } from '../shell/clipboard-offer';
import type { TypedInvoke } from '../shell/typed-invoke';

/**
 * When the window gains focus with no live call and behaviour.clipboardOffer on, looks for a ucid on the
 * clipboard and offers it in an info toast. Reads the clipboard only when the option is on; never pastes.
 */
export function offerClipboardUcidOnFocus(
  win: BrowserWindow,
  deps: {
    invoke: TypedInvoke;
    settings: () => Settings;
    send: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  },
): void {
  let lastOffered: string | null = null;
  win.on('focus', async () => {
    if (!deps.settings().behaviour.clipboardOffer) return;
    const snapshot = await deps.invoke('getSnapshot', {});
    if (!snapshot.ok) return;
    const offer = clipboardOffer(await clipboard.readText(), {
      enabled: true,
      liveSession: snapshot.value.session?.status === 'live',
      lastOffered,
    });
    if (!offer) return;
    lastOffered = offer.ucid;
    deps.send('toast', offer.toast);
  });
}
