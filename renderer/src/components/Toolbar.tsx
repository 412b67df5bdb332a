import { settingsOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { ConfirmBar } from './ConfirmBar';
import { DemoBanner } from './DemoBanner';
import { ExpandedView } from './ExpandedView';
import { FirstRunGuide } from './FirstRunGuide';
import { HeaderButtons } from './HeaderButtons';
import { HelpOverlay } from './HelpOverlay';
import { MiniView } from './MiniView';

export function Toolbar() {
  const snapshot = useToolbar((s) => s.snapshot);
  const loadError = useToolbar((s) => s.loadError);
  const mini = useToolbar((s) => settingsOf(s).behaviour.miniMode);
  const helpOpen = useToolbar((s) => s.helpOpen);
  const confirm = useToolbar((s) => s.confirm);

  if (!snapshot) {
    return (
      <main className="toolbar">
        <p className="line" role="status">
          {loadError ? `${loadError.message} ${loadError.remedy}` : 'Connecting…'}
        </p>
      </main>
    );
  }

  if (!snapshot.ready && !snapshot.session) {
    return (
      <main className="toolbar guide">
        <header className="bar guide-bar">
          <span className="brand">ConfBar</span>
          <HeaderButtons showStart={false} />
        </header>
        <FirstRunGuide missing={snapshot.missing} />
        {helpOpen ? <HelpOverlay /> : null}
      </main>
    );
  }

  return (
    <main className={`toolbar ${mini ? 'mini' : 'expanded'}`} aria-label="ConfBar">
      {snapshot.demo && !mini ? <DemoBanner /> : null}
      {mini ? <MiniView demo={snapshot.demo} /> : <ExpandedView />}
      {confirm ? <ConfirmBar /> : null}
      {helpOpen ? <HelpOverlay /> : null}
    </main>
  );
}
