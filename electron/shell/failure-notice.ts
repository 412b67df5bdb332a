import type { ToastEvent } from '../../shared/session';

export interface NoticeContext {
  /** behaviour.notifyFailures */
  enabled: boolean;
  /** The toolbar is shown and not minimised: the toast is enough. */
  windowShown: boolean;
}

const MAX_BODY = 240;

/**
 * The desktop notification for a toast, or null: only for a failure (never a success or info), only while
 * the toolbar cannot show its own toast (hidden in the tray or minimised), and only when the agent has not
 * turned it off. One toast, one notification. The text is the toast's, which is already safe to show.
 */
export function failureNotice(toast: ToastEvent, ctx: NoticeContext): { title: string; body: string } | null {
  if (!ctx.enabled || ctx.windowShown || toast.level !== 'error') return null;
  const body = [toast.message, toast.remedy].filter(Boolean).join(' ');
  return {
    title: 'ConfBar: an action failed',
    body: body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 1)}…` : body,
  };
}
