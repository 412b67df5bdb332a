import { useToolbar } from '../store/store';

/** Says state changes out loud; a no-break space alternates so the same sentence twice is read twice. */
export function LiveRegion() {
  const { text, n } = useToolbar((s) => s.announcement);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
      {n % 2 ? '\u00a0' : ''}
    </div>
  );
}
