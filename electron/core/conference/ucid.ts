import { AppError } from '../../../shared/errors';
import { readUcid } from '../../../shared/ucid';

/**
 * The ucid inside whatever the agent pasted (see shared/ucid.ts for what is read and what is refused).
 * Throws InvalidInput saying what was wrong, with the corrected value offered when one is likely.
 */
export function parseUcid(text: string): string {
  const r = readUcid(text);
  if (!r.ok) throw new AppError('InvalidInput', r.message);
  return r.ucid;
}
