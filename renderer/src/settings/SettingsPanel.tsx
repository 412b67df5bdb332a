import { useEffect, useRef, type KeyboardEvent } from 'react';
// First: the panel's shared styles precede each tab's own stylesheet in the cascade.
import './settings.css';
import { AccountSection } from './account/AccountSection';
import { ApiKeySection } from './account/ApiKeySection';
import { DoctorSection } from './account/DoctorSection';
import { ReleasePhoneSection } from './account/ReleasePhoneSection';
import { DirectorySection } from './directory/DirectorySection';
import { GeneralSection } from './general/GeneralSection';
import { HistorySection } from './history/HistorySection';
import { NetworkSection } from './network/NetworkSection';
import { ProxyLoginSection } from './network/ProxyLoginSection';
import { PolicyBanner } from './PolicyBanner';
import { ShortcutsSection } from './shortcuts/ShortcutsSection';
import { Tabs, type TabSpec } from './Tabs';
import { useSettingsView } from './use-settings-view';

/**
 * The full-window settings panel: account and key, shortcuts, directory, general behaviour and history,
 * as WAI-ARIA tabs. Esc (when nothing inside used it) or the Close button returns to the toolbar.
 */
export default function SettingsPanel({ onClose }: { onClose: () => void }) {
  const { view, loadError, adopt, reload } = useSettingsView();
  const rootRef = useRef<HTMLDivElement>(null);
  const loaded = view !== null;

  // Move focus into the panel so keyboard users start here, not behind it.
  useEffect(() => {
    const root = rootRef.current;
    const target =
      root?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ??
      root?.querySelector<HTMLElement>('.st-close');
    target?.focus();
  }, [loaded]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  let body;
  if (view === null) {
    body = loadError ? (
      <div className="st-body">
        <p className="st-error" role="alert">
          Settings could not be loaded: {loadError.message} {loadError.remedy}
        </p>
        <button type="button" className="st-btn" onClick={reload}>
          Try again
        </button>
      </div>
    ) : (
      <p className="st-body st-hint">Loading settings…</p>
    );
  } else {
    const tabs: TabSpec[] = [
      {
        key: 'account',
        label: 'Account',
        render: () => (
          <>
            <AccountSection view={view} adopt={adopt} />
            <ApiKeySection view={view} />
            <DoctorSection />
            <ReleasePhoneSection view={view} />
          </>
        ),
      },
      { key: 'shortcuts', label: 'Shortcuts', render: () => <ShortcutsSection view={view} adopt={adopt} /> },
      { key: 'directory', label: 'Directory', render: () => <DirectorySection view={view} adopt={adopt} /> },
      { key: 'general', label: 'General', render: () => <GeneralSection view={view} adopt={adopt} /> },
      { key: 'history', label: 'History', render: () => <HistorySection /> },
      {
        key: 'network',
        label: 'Network',
        render: () => (
          <>
            <NetworkSection view={view} adopt={adopt} />
            <ProxyLoginSection view={view} />
          </>
        ),
      },
    ];
    body = <Tabs tabs={tabs} label="Settings sections" />;
  }

  return (
    <div
      ref={rootRef}
      className="st-panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="st-title"
      onKeyDown={onKeyDown}
    >
      <header className="st-header">
        <div className="st-header-row">
          <h1 id="st-title" className="st-title">
            Settings
          </h1>
          <button type="button" className="st-btn st-close" onClick={onClose} aria-label="Close settings">
            Close
          </button>
        </div>
        {view ? <PolicyBanner view={view} /> : null}
      </header>
      {body}
    </div>
  );
}
