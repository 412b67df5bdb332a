import { dismissNotice, isDismissed, noticeText } from '../store/restore-notice';
import { useToolbar } from '../store/store';
import './RestoreNotice.css';

/**
 * What the start did with the call journaled before it: "Restored after a restart at 10:42; states are
 * as last confirmed", or why a call was not restored. Said once by the live region; shown until dismissed.
 */
export function RestoreNotice() {
  const notice = useToolbar((s) => s.snapshot?.restore ?? null);
  const dismissed = useToolbar((s) => s.restoreDismissed);
  if (!notice || isDismissed(notice, dismissed)) return null;
  return (
    <div className={`restore-notice ${notice.kind}`} role="note" data-testid="restore-notice">
      <span className="text">{noticeText(notice)}</span>
      <button
        type="button"
        className="dismiss"
        aria-label="Dismiss this notice"
        onClick={() => dismissNotice(notice)}
      >
        ×
      </button>
    </div>
  );
}
