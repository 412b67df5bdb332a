import { useToolbar } from '../store/store';
import './UcidProblem.css';

/**
 * A number typed into the add field when the call ended is kept (the drafts survive a session), and
 * said so: it is in the add field of the next call.
 */
export function KeptDraft() {
  const add = useToolbar((s) => s.drafts.add.trim());
  if (add === '') return null;
  return (
    <p className="line kept-draft">
      Kept for the next call: <span className="kept-number">{add}</span>
    </p>
  );
}
