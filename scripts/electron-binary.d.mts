// Types for scripts/electron-binary.mjs (a plain-Node script that `npm start` runs before anything is built).
export declare const ELECTRON_NODE: string;
export declare function electronBinary(
  pkgDir: string,
  env: Record<string, string | undefined>,
): string | null;
export declare function skipDownload(env: Record<string, string | undefined>): boolean;
export declare function olderThan(version: string, wanted: string): boolean;
export declare function missingBinaryMessage(why: {
  reason: 'skip' | 'failed';
  detail?: string;
  nodeVersion: string;
  electronVersion: string;
}): string;
