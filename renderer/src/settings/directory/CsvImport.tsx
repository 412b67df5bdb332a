import { useId, useState, type ChangeEvent } from 'react';
import type { SettingsView } from '../../../../shared/settings';
import { Status } from '../fields';
import { invoke } from '../../api';

interface Report {
  added: number;
  rejected: { line: number; reason: string }[];
}

/** Import contacts from a CSV file or pasted text; reports what was added and why each row was refused. */
export function CsvImport({
  disabled,
  onImported,
}: {
  disabled: boolean;
  onImported: (v: SettingsView) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; tone: 'ok' | 'error' | 'info' }>({
    message: '',
    tone: 'info',
  });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      setText(await file.text());
      setOutcome({ message: `Loaded ${file.name}. Check it below, then Import.`, tone: 'info' });
    } catch {
      setOutcome({ message: `Could not read ${file.name}.`, tone: 'error' });
    }
  };

  const run = async () => {
    if (text.trim() === '') {
      setOutcome({ message: 'Choose a file or paste CSV text first.', tone: 'error' });
      return;
    }
    const r = await invoke('importDirectoryCsv', { csv: text });
    if (!r.ok) {
      setReport(null);
      setOutcome({ message: `Nothing imported. ${r.error.message} ${r.error.remedy}`, tone: 'error' });
      return;
    }
    onImported(r.value.view);
    setReport({ added: r.value.added.length, rejected: r.value.rejected });
    const n = r.value.added.length;
    const bad = r.value.rejected.length;
    setOutcome({
      message: `${n} contact${n === 1 ? '' : 's'} added${bad > 0 ? `, ${bad} row${bad === 1 ? '' : 's'} rejected` : ''}.`,
      tone: n === 0 ? 'error' : 'ok',
    });
    if (bad === 0) setText('');
  };

  return (
    <section className="st-subform" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="st-h3">
        Import CSV
      </h3>
      <p className="st-hint" id={`${id}-fmt`}>
        One contact a row: label, number, sip (yes/no), slot (1–9 or empty); a header row is optional. Export
        shows the exact format.
      </p>
      <fieldset className="st-fieldset st-plain" disabled={disabled}>
        <div className="st-field">
          <label htmlFor={`${id}-file`} className="st-label">
            CSV file
          </label>
          <input
            id={`${id}-file`}
            className="st-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void onFile(e)}
          />
        </div>
        <div className="st-field">
          <label htmlFor={`${id}-text`} className="st-label">
            or paste CSV
          </label>
          <textarea
            id={`${id}-text`}
            className="st-textarea"
            rows={4}
            spellCheck={false}
            value={text}
            aria-describedby={`${id}-fmt`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="st-actions">
          <button type="button" className="st-btn" onClick={() => void run()}>
            Import
          </button>
        </div>
      </fieldset>
      <Status message={outcome.message} tone={outcome.tone} />
      {report && report.rejected.length > 0 ? (
        <ul className="st-rejects" aria-label="Rejected rows">
          {report.rejected.map((r) => (
            <li key={`${r.line}-${r.reason}`}>
              <strong>Line {r.line}:</strong> {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
