import fs from 'node:fs';

/**
 * Everything ConfBar writes (settings, history, logs, diagnostic reports) holds contacts, numbers or call
 * ids: readable by the agent's own account only. Files 0600, folders 0700, on creation and again when an
 * older version left them wider. (On Windows, where modes are not enforced, the profile's ACL applies.)
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and its parents) if needed and makes `dir` itself 0700. False if the mode could not be set. */
export function ensurePrivateDir(dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  return tighten(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file 0600; a file that is not there is left alone. False if the mode could not be set. */
export function restrictFile(file: string): boolean {
  return tighten(file, PRIVATE_FILE_MODE);
}

/** Writes a whole file readable by its owner only, replacing a wider mode an old copy had. */
export function writePrivateFile(file: string, data: string): void {
  fs.writeFileSync(file, data, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
  restrictFile(file);
}

// Never throws: a file owned by someone else must not stop the app from starting; the caller may warn.
function tighten(target: string, mode: number): boolean {
  try {
    if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
