import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './Tabs.css';

export interface TabSpec {
  key: string;
  label: string;
  render: () => ReactNode;
}

/**
 * WAI-ARIA tabs with automatic activation: arrows, Home and End move between tabs; Tab moves into the
 * panel. A panel stays mounted once visited so unsaved edits survive switching tabs.
 */
export function Tabs({ tabs, label }: { tabs: readonly TabSpec[]; label: string }) {
  const base = useId();
  const [active, setActive] = useState(tabs[0]?.key ?? '');
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([active]));
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const select = (key: string, focus: boolean) => {
    setActive(key);
    setVisited((v) => (v.has(key) ? v : new Set([...v, key])));
    if (focus) refs.current.get(key)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.key === active);
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? i === last
          ? 0
          : i + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? i === 0
            ? last
            : i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    const t = tabs[next];
    if (t) select(t.key, true);
  };

  return (
    <>
      <div className="st-tablist" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) refs.current.set(t.key, el);
              else refs.current.delete(t.key);
            }}
            id={`${base}-tab-${t.key}`}
            className="st-tab"
            type="button"
            role="tab"
            aria-selected={t.key === active}
            aria-controls={`${base}-panel-${t.key}`}
            tabIndex={t.key === active ? 0 : -1}
            onClick={() => select(t.key, false)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          id={`${base}-panel-${t.key}`}
          className="st-tabpanel"
          role="tabpanel"
          aria-labelledby={`${base}-tab-${t.key}`}
          hidden={t.key !== active}
        >
          {visited.has(t.key) ? t.render() : null}
        </div>
      ))}
    </>
  );
}
