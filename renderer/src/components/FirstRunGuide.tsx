import { openSettings } from '../commands/commands';
import { enableDemo } from '../commands/session-actions';
import './FirstRunGuide.css';

/** Shown until the account is usable: try everything on the simulator, or set up the real account. */
export function FirstRunGuide({ missing }: { missing: string[] }) {
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Welcome to ConfBar</h1>
      <p>Add, mute, hold and drop third parties on your CloudAgent calls from the keyboard.</p>
      {missing.length > 0 ? (
        <p className="muted small">
          To use your account ConfBar still needs: <span className="missing">{missing.join(', ')}</span>.
        </p>
      ) : null}
      <div className="first-run-actions">
        <button type="button" className="btn primary" onClick={enableDemo}>
          Use demo mode
        </button>
        <button type="button" className="btn" onClick={openSettings}>
          Set up account
        </button>
      </div>
      <p className="muted small">Demo mode runs simulated calls on this computer; nothing is dialled.</p>
    </section>
  );
}
