import type { ConfbarApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the browser harness; the renderer's only way out. */
    confbar: ConfbarApi;
  }
}

/** The contract's API as the renderer uses it. */
export function api(): ConfbarApi {
  return window.confbar;
}
