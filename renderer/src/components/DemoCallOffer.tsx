import { useRef } from 'react';
import { submitUcid } from '../commands/session-actions';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useToolbar } from '../store/store';

/**
 * In demo mode with no call open: the simulator already has a live call, so a new user can try adding
 * people without knowing what a ucid is. Takes focus when demo mode was just turned on from the guide.
 */
export function DemoCallOffer({ compact = false }: { compact?: boolean }) {
  const demoUcid = useToolbar((s) => (s.snapshot?.session ? null : (s.snapshot?.demoUcid ?? null)));
  const ref = useRef<HTMLButtonElement>(null);
  useFocusRequest('demoCall', ref);
  if (!demoUcid) return null;
  const button = (
    <button
      ref={ref}
      type="button"
      className={`btn primary ${compact ? 'compact' : ''}`}
      title={`Open the simulator's live call (ucid ${demoUcid})`}
      onClick={() => void submitUcid(demoUcid)}
    >
      {compact ? 'Open demo call' : 'Open the demo call'}
    </button>
  );
  if (compact) return button;
  return (
    <p className="line demo-call">
      {button}
      <span>A simulated live call is ready: open it, then press N to add someone.</span>
    </p>
  );
}
