import type { AppErrorShape } from '../../shared/errors';
import type { ToastEvent } from '../../shared/session';

/** An error result as the toast the renderer shows (kind, message and remedy, nothing else). */
export function errorToast(error: AppErrorShape): ToastEvent {
  return { level: 'error', kind: error.kind, message: error.message, remedy: error.remedy };
}
