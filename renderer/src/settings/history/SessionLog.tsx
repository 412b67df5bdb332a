import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { HistoryEntry } from '../../../../shared/history';
import { CsvExport } from '../CsvExport';
import { Mark } from '../../components/Icon';
import { invoke } from '../../api';
import { formatTime } from './time';

/** One session's actions, oldest first, with outcome and latency. */
export function SessionLog({ ucid }: { ucid: string }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('historySession', { ucid }).then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [ucid]);

  if (error) {
    return (
      <p className="st-error" role="alert">
        {error.message} {error.remedy}
      </p>
    );
  }
  if (entries === null) return <p className="st-hint">Loading…</p>;
  return (
    <div className="st-log">
      <ol className="st-log-list" aria-label={`Actions in ${ucid}`}>
        {entries.map((e, i) => (
          <li key={`${e.at}-${i}`} className={e.outcome === 'ok' ? '' : 'st-log-fail'}>
            {e.outcome === 'ok' ? <Mark name="ok" /> : <Mark name="fail" />}
            <span>
              <span className="st-visually-hidden">{e.outcome === 'ok' ? 'OK: ' : `${e.outcome}: `}</span>
              <span className="st-log-time">{formatTime(e.at)}</span> <strong>{e.action}</strong>
              {e.participant ? ` ${e.label ? `${e.label} (${e.participant})` : e.participant}` : ''}
              {' — '}
              {e.message}
              {e.latencyMs !== undefined ? <span className="st-log-time"> · {e.latencyMs} ms</span> : null}
            </span>
          </li>
        ))}
      </ol>
      <CsvExport label="Export this session" run={() => invoke('historyExportCsv', { ucid })} />
    </div>
  );
}
