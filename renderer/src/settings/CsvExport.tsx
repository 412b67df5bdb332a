import { useId, useRef, useState } from 'react';
import type { Result } from '../../../shared/contract';
import { Status } from './fields';

type Exported = { csv: string; fileName: string };

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard permission can be denied in the shell; selecting the text still lets the agent copy it.
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    return document.execCommand('copy');
  }
}

/**
 * Fetches a CSV from main and offers it three ways that all work under the page's CSP (no blob: needed):
 * a read-only text area, a Copy button and a download link on a data: URL.
 */
export function CsvExport({ label, run }: { label: string; run: () => Promise<Result<Exported>> }) {
  const id = useId();
  const [data, setData] = useState<Exported | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; tone: 'ok' | 'error' | 'info' }>({
    message: '',
    tone: 'info',
  });
  const area = useRef<HTMLTextAreaElement>(null);

  const load = async () => {
    const r = await run();
    if (r.ok) {
      setData(r.value);
      const rows = Math.max(0, r.value.csv.trimEnd().split('\n').length - 1);
      setOutcome({ message: `Exported ${rows} row${rows === 1 ? '' : 's'} below.`, tone: 'ok' });
    } else setOutcome({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  const copy = async () => {
    if (!data) return;
    const ok = await copyText(data.csv, area.current);
    setOutcome(
      ok
        ? { message: 'CSV copied to the clipboard.', tone: 'ok' }
        : { message: 'Could not copy; the text is selected, press Ctrl+C.', tone: 'error' },
    );
  };

  return (
    <div className="st-export">
      <div className="st-actions">
        <button type="button" className="st-btn" onClick={() => void load()}>
          {label}
        </button>
        {data ? (
          <>
            <button type="button" className="st-btn" onClick={() => void copy()}>
              Copy
            </button>
            <a
              className="st-btn st-link-btn"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(data.csv)}`}
              download={data.fileName}
            >
              Save {data.fileName}
            </a>
          </>
        ) : null}
      </div>
      <Status message={outcome.message} tone={outcome.tone} />
      {data ? (
        <>
          <label htmlFor={`${id}-csv`} className="st-label">
            {data.fileName}
          </label>
          <textarea
            id={`${id}-csv`}
            ref={area}
            className="st-textarea"
            readOnly
            wrap="off"
            rows={6}
            value={data.csv}
          />
        </>
      ) : null}
    </div>
  );
}
