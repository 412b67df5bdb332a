import { useRef } from 'react';
import { useFocusRequest } from '../hooks/use-focus-request';
import { settingsOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { ConfirmBar } from './ConfirmBar';
import { DemoBanner } from './DemoBanner';
import { ExpandedView } from './ExpandedView';
import { FirstRunGuide } from './FirstRunGuide';
import { HeaderButtons } from './HeaderButtons';
import { HelpOverlay } from './HelpOverlay';
import { MiniView } from './MiniView';
import { RestoreNotice } from './RestoreNotice';
import './Toolbar.css';

export function Toolbar() {
  const snapshot = useToolbar((s) => s.snapshot);
  const loadError = useToolbar((s) => s.loadError);
  const mini = useToolbar((s) => settingsOf(s).behaviour.miniMode);
  const helpOpen = useToolbar((s) => s.helpOpen);
  const confirm = useToolbar((s) => s.confirm);
  // After End or a dismissed message, focus rests on the toolbar itself (never <body>): the next Tab
  // starts at the top, at the ucid field.
  const ref = useRef<HTMLElement>(null);
  useFocusRequest('main', ref);

  if (!snapshot) {
    return (
      <main className="toolbar" ref={ref} tabIndex={-1} aria-label="ConfBar">
        <h1 className="sr-only">ConfBar</h1>
        <p className="line" role="status">
          {loadError ? `${loadError.message} ${loadError.remedy}` : 'Connecting…'}
        </p>
      </main>
    );
  }

  if (!snapshot.ready && !snapshot.session) {
    return (
      <main className="toolbar guide" ref={ref} tabIndex={-1} aria-label="ConfBar">
        <div className="toolbar-content" inert={helpOpen}>
          <header className="bar guide-bar">
            <span className="brand">ConfBar</span>
            <HeaderButtons showStart={false} />
          </header>
          <RestoreNotice />
          <FirstRunGuide missing={snapshot.missing} />
          {/* The call menu's or the tray's "Release my phone" asks here too: never a silent no-op. */}
          {confirm ? <ConfirmBar /> : null}
        </div>
        {helpOpen ? <HelpOverlay /> : null}
      </main>
    );
  }

  return (
    <main className={`toolbar ${mini ? 'mini' : 'expanded'}`} ref={ref} tabIndex={-1} aria-label="ConfBar">
      <h1 className="sr-only">ConfBar{snapshot.demo ? ' (demo)' : ''}</h1>
      <div className="toolbar-content" inert={helpOpen}>
        {snapshot.demo && !mini ? <DemoBanner /> : null}
        <RestoreNotice />
        {mini ? <MiniView demo={snapshot.demo} /> : <ExpandedView />}
        {confirm ? <ConfirmBar /> : null}
      </div>
      {helpOpen ? <HelpOverlay /> : null}
    </main>
  );
}
