import type { GlobalShortcutStatus } from '../../../shared/session';

/** What only the Electron shell knows; absent in the browser harness and the CLI. */
export interface ShellPort {
  globalShortcutStatus(): GlobalShortcutStatus[];
  /** Asks where to save a file (the OS save dialog); null when the agent cancels. */
  chooseSavePath?(defaultName: string): Promise<string | null>;
  /** Fits the window to the page's height in CSS px; false when nothing changed or there is no window. */
  contentHeight?(height: number): boolean;
}
