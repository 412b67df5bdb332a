import { useRef } from 'react';
import { useFocusRequest } from '../hooks/use-focus-request';
import { dismissToast } from '../store/actions';
import { useToolbar, type Toast } from '../store/store';

/**
 * The messages strip below the view (never over it). An error (role=alert) says what failed for whom and
 * what to do, and stays until dismissed or replaced by that participant's next outcome; info fades.
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
