import { OFFER_KEY } from '../../../shared/session';
import { acceptOffer, dismissToast } from '../store/actions';
import { useToolbar } from '../store/store';

/**
 * Errors (role=alert) carry the server's message and what to do; info toasts (role=status) fade, except
 * offers, whose button (or OFFER_KEY) opens the offered call.
 */
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
          {t.offer ? (
            <button
              type="button"
              className="btn compact"
              aria-keyshortcuts={OFFER_KEY.toUpperCase()}
              title={`${t.offer.label} (${OFFER_KEY.toUpperCase()})`}
              onClick={() => acceptOffer(t.id)}
            >
              {t.offer.label}
            </button>
          ) : null}
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
