import { useId, useState } from 'react';
import type { DoctorCheck } from '../../../../shared/session';
import { Status } from '../fields';
import { Mark } from '../../components/Icon';
import { invoke } from '../../api';

/** "Test connection": runs main's checks and lists each with a pass/fail mark and its detail. */
export function DoctorSection() {
  const id = useId();
  const [checks, setChecks] = useState<DoctorCheck[] | null>(null);
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<{ message: string; tone: 'ok' | 'error' | 'info' }>({
    message: '',
    tone: 'info',
  });

  const [report, setReport] = useState<{ message: string; tone: 'ok' | 'error' | 'info' }>({
    message: '',
    tone: 'info',
  });

  const saveReport = async () => {
    setRunning(true);
    setReport({ message: 'Running the checks for the report…', tone: 'info' });
    const r = await invoke('saveDiagnosticReport', {});
    setRunning(false);
    if (!r.ok) {
      setReport({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
      return;
    }
    setChecks(r.value.checks);
    setReport(
      r.value.path === null
        ? { message: 'Not saved.', tone: 'info' }
        : {
            message: `Saved the report (${r.value.exchanges} exchanges, no key or token) to ${r.value.path}.`,
            tone: 'ok',
          },
    );
  };

  const run = async () => {
    setRunning(true);
    setSummary({ message: 'Testing…', tone: 'info' });
    const r = await invoke('runDoctor', {});
    setRunning(false);
    if (!r.ok) {
      setChecks(null);
      setSummary({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
      return;
    }
    setChecks(r.value);
    const failed = r.value.filter((c) => !c.ok).length;
    setSummary(
      failed === 0
        ? { message: `All ${r.value.length} checks passed.`, tone: 'ok' }
        : { message: `${failed} of ${r.value.length} checks failed.`, tone: 'error' },
    );
  };

  return (
    <section className="st-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="st-h2">
        Test connection
      </h2>
      <p className="st-hint">Checks the settings, the stored key and a real request to CloudAgent.</p>
      <div className="st-actions">
        <button type="button" className="st-btn" disabled={running} onClick={() => void run()}>
          {running ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="st-btn" disabled={running} onClick={() => void saveReport()}>
          Save a diagnostic report…
        </button>
      </div>
      <Status message={summary.message} tone={summary.tone} />
      <Status message={report.message} tone={report.tone} />
      {checks !== null && checks.length > 0 ? (
        <ul className="st-checks" aria-label="Connection checks">
          {checks.map((c, i) => (
            <li key={`${i}-${c.name}`} className={c.ok ? 'st-check-ok' : 'st-check-fail'}>
              {c.ok ? <Mark name="ok" /> : <Mark name="fail" />}
              <span>
                <span className="st-visually-hidden">{c.ok ? 'Passed: ' : 'Failed: '}</span>
                <strong>{c.name}</strong> — {c.detail}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
