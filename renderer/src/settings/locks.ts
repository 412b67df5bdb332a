/**
 * Whether an admin policy locks a dotted settings path. A lock on a section ("account") covers every
 * field under it; a lock on a field covers only that field.
 */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((p) => p === path || path.startsWith(`${p}.`));
}
