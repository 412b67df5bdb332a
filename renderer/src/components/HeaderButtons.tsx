import { openSettings, runCommand, toggleHelp, toggleMini } from '../commands/commands';
import { settingsOf } from '../store/selectors';
import { useToolbar } from '../store/store';
import { CallMenu } from './CallMenu';
import { Icon } from './Icon';

/** Help, settings and the mini/expanded switch: the same buttons in both layouts. */
export function HeaderButtons({
  showStart,
  showSettings = true,
}: {
  showStart: boolean;
  showSettings?: boolean;
}) {
  const mini = useToolbar((s) => settingsOf(s).behaviour.miniMode);
  return (
    <div className="header-buttons">
      {showStart ? (
        <button
          type="button"
          className="icon-btn"
          aria-label="Start a call"
          title="Start a call (C)"
          aria-keyshortcuts="C"
          onClick={() => runCommand('startCall')}
        >
          <Icon name="phone" />
        </button>
      ) : null}
      {mini ? null : (
        <button
          type="button"
          className="icon-btn"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={toggleHelp}
        >
          <Icon name="help" />
        </button>
      )}
      <CallMenu showStart={showStart} />
      {showSettings ? (
        <button
          type="button"
          className="icon-btn"
          aria-label="Settings"
          title="Settings (,)"
          onClick={openSettings}
        >
          <Icon name="gear" />
        </button>
      ) : null}
      <button
        type="button"
        className="icon-btn"
        aria-label={mini ? 'Expand toolbar' : 'Mini toolbar'}
        title={mini ? 'Expand (X)' : 'Mini mode (X)'}
        onClick={toggleMini}
      >
        <Icon name={mini ? 'expand' : 'collapse'} />
      </button>
    </div>
  );
}
