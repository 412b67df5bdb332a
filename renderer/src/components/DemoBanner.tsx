import './DemoBanner.css';

/** Demo mode must never be mistaken for a real call. */
export function DemoBanner({ compact = false }: { compact?: boolean }) {
  if (compact) {
    return (
      <span
        className="demo-badge"
        role="note"
        aria-label="DEMO — simulated calls"
        title="DEMO — simulated calls"
      >
        DEMO
      </span>
    );
  }
  return (
    <div className="demo-banner" role="note">
      <strong>DEMO</strong> — simulated calls
    </div>
  );
}
