import { useMainNow } from '../hooks/use-now';
import { formatElapsed, spokenElapsed } from '../lib/time';

/** Time since `since` on main's clock; tabular digits so the row never shifts as it counts. */
export function Elapsed({ since, prefix = '' }: { since: number; prefix?: string }) {
  const now = useMainNow();
  const ms = now - since;
  return (
    <span className="elapsed" aria-label={`${prefix}${spokenElapsed(ms)}`}>
      {prefix ? <span className="elapsed-prefix">{prefix}</span> : null}
      {formatElapsed(ms)}
    </span>
  );
}
