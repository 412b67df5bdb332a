import { dismissToast } from '../store/actions';
import { useToolbar } from '../store/store';

/** Errors (role=alert) carry the server's message and what to do; info toasts (role=status) fade. */
export function Toasts() {
  const toasts = useToolbar((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.level}`} role={t.level === 'error' ? 'alert' : 'status'}>
          <div className="toast-text">
            <p className="toast-message">{t.message}</p>
            {t.remedy ? <p className="toast-remedy">{t.remedy}</p> : null}
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss message"
            onClick={() => dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
