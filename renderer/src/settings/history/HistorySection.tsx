import { useEffect, useId, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SessionSummary } from '../../../../shared/history';
import { CsvExport } from '../CsvExport';
import { invoke } from '../../api';
import { SessionLog } from './SessionLog';
import { formatTime } from './time';
import './HistorySection.css';

/** Recent conference sessions, one session's action log, and CSV export of either. */
export function HistorySection() {
  const id = useId();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void invoke('historySessions', { limit: 50 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSessions(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <section className="st-form" aria-labelledby={`${id}-h`}>
      <div className="st-row-between">
        <h2 id={`${id}-h`} className="st-h2">
          Recent sessions
        </h2>
        <button type="button" className="st-btn st-btn-small" onClick={() => setAttempt((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {error ? (
        <p className="st-error" role="alert">
          {error.message} {error.remedy}
        </p>
      ) : sessions === null ? (
        <p className="st-hint">Loading…</p>
      ) : sessions.length === 0 ? (
        <p className="st-hint">No sessions yet.</p>
      ) : (
        <ul className="st-sessions" aria-label="Recent sessions">
          {sessions.map((s) => (
            <li key={s.ucid}>
              <button
                type="button"
                className="st-session"
                aria-expanded={open === s.ucid}
                onClick={() => setOpen(open === s.ucid ? null : s.ucid)}
              >
                <span className="st-session-ucid">
                  {s.ucid}
                  {s.demo ? <span className="st-badge">demo</span> : null}
                </span>
                <span className="st-session-meta">
                  {formatTime(s.firstAt)} · {s.actions} action{s.actions === 1 ? '' : 's'}
                  {s.failures > 0 ? ` · ${s.failures} failed` : ''}
                </span>
              </button>
              {open === s.ucid ? <SessionLog ucid={s.ucid} /> : null}
            </li>
          ))}
        </ul>
      )}
      <div className="st-subform">
        <h3 className="st-h3">Export all history</h3>
        <CsvExport label="Export history CSV" run={() => invoke('historyExportCsv', {})} />
      </div>
    </section>
  );
}
