import { useRef } from 'react';
import { OFFER_KEY } from '../../../shared/session';
import { useFocusRequest } from '../hooks/use-focus-request';
import { acceptOffer, dismissToast } from '../store/actions';
import { useToolbar, type Toast } from '../store/store';
import './Toasts.css';

/**
 * The messages strip below the view (never over it). An error (role=alert) says what failed for whom and
 * what to do, and stays until dismissed or replaced by that participant's next outcome; info fades, except
 * offers, whose button (or OFFER_KEY) opens the offered call.
 */
export function Toasts({ inert = false }: { inert?: boolean }) {
  const toasts = useToolbar((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <section className="toasts" aria-label="Messages" inert={inert}>
      {toasts.map((t) => (
        <ToastItem key={t.id} t={t} />
      ))}
    </section>
  );
}

function ToastItem({ t }: { t: Toast }) {
  const ref = useRef<HTMLButtonElement>(null);
  useFocusRequest(`toast:${t.id}`, ref);
  return (
    <div className={`toast ${t.level}`} data-toast-id={t.id} role={t.level === 'error' ? 'alert' : 'status'}>
      <div className="toast-text">
        <p className="toast-message">{t.message}</p>
        {t.remedy && t.remedy !== t.message ? <p className="toast-remedy">{t.remedy}</p> : null}
      </div>
      {t.offer || t.prefill ? (
        <button
          type="button"
          className="btn compact"
          aria-keyshortcuts={OFFER_KEY.toUpperCase()}
          title={`${t.offer?.label ?? 'Use number'} (${OFFER_KEY.toUpperCase()})`}
          onClick={() => acceptOffer(t.id)}
        >
          {t.offer?.label ?? 'Use number'}
        </button>
      ) : null}
      <button
        ref={ref}
        type="button"
        className="icon-btn"
        aria-label="Dismiss message"
        title="Dismiss (Esc)"
        onClick={() => dismissToast(t.id)}
      >
        ×
      </button>
    </div>
  );
}
