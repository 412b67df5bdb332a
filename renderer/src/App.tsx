import { lazy, Suspense } from 'react';
import { closeSettings } from './commands/commands';
import { useKeyboard } from './commands/use-keyboard';
import { usePasteUcid } from './commands/use-paste-ucid';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LiveRegion } from './components/LiveRegion';
import { Toasts } from './components/Toasts';
import { Toolbar } from './components/Toolbar';
import { useReportContentHeight } from './hooks/use-content-height';
import { useTheme } from './hooks/use-theme';
import { useToolbar } from './store/store';

// Loaded on first use: the toolbar is what must appear fast.
const SettingsPanel = lazy(() => import('./settings/SettingsPanel'));

export function App() {
  useTheme();
  useKeyboard();
  usePasteUcid();
  useReportContentHeight();
  const view = useToolbar((s) => s.view);
  return (
    <ErrorBoundary>
      {view === 'settings' ? (
        <Suspense fallback={<p className="line">Loading settings…</p>}>
          <SettingsPanel onClose={closeSettings} />
        </Suspense>
      ) : (
        <Toolbar />
      )}
      <Toasts />
      <LiveRegion />
    </ErrorBoundary>
  );
}
