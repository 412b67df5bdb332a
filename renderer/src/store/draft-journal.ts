import { invoke } from '../api';
import { useToolbar } from './store';

const SETTLE_MS = 400;

/**
 * Sends the add field's text to main while a call is live (a pause in typing after each change), so the
 * session journal keeps it: a number half typed when ConfBar crashed is back in the field after a restart.
 */
export function journalAddDraft(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sent = '';
  const off = useToolbar.subscribe((state, prev) => {
    if (state.drafts.add === prev.drafts.add) return;
    if (state.snapshot?.session?.status !== 'live' && sent === '') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const add = useToolbar.getState().drafts.add.slice(0, 200);
      if (add === sent) return;
      sent = add;
      void invoke('rememberDraft', { add });
    }, SETTLE_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    off();
  };
}
