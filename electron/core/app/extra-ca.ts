import { AppError } from '../../../shared/errors';
import type { ExtraCaStatus } from '../../../shared/channels';
import { commonName, readCaFile } from '../net/trust';

/**
 * Whether Settings → Network → Extra CA file is in force, in words, for doctor and the Network tab. A policy
 * can name a file this computer lacks (Settings could not refuse it), so both say so; null when none is set.
 */
export async function extraCaStatus(file: string): Promise<ExtraCaStatus | null> {
  const path = file.trim();
  if (path === '') return null;
  try {
    const certs = await readCaFile(path);
    const subjects = certs.map((c) => commonName(c.subject)).join('; ');
    return { file: path, ok: true, detail: `${path} is trusted too (${subjects}).` };
  } catch (e) {
    const why = e instanceof AppError ? `${e.message} ${e.remedy}` : `${path} could not be read.`;
    return { file: path, ok: false, detail: `${why} Until then only the other roots are trusted.` };
  }
}
