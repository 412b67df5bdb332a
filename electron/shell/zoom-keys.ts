/** The fields of Electron's `before-input-event` Input that the zoom keys look at. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
}

export const ZOOM_LIMITS = { min: -3, max: 3, step: 0.5 } as const;

/**
 * The page zoom level after a key press, or null when the key is not a zoom key: Ctrl (Cmd on macOS) with
 * `=`/`+` zooms in, `-`/`_` out, `0` resets. The window has no menu (whose roles would do this), so main
 * handles the keys itself. Alt combinations are left alone: they may be the agent's global shortcuts.
 */
export function zoomAfterKey(input: KeyInput, level: number, platform: NodeJS.Platform): number | null {
  if (input.type !== 'keyDown' || input.alt) return null;
  const mod = platform === 'darwin' ? input.meta : input.control;
  if (!mod) return null;
  const clamp = (v: number) => Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, v));
  switch (input.key) {
    case '=':
    case '+':
      return clamp(level + ZOOM_LIMITS.step);
    case '-':
    case '_':
      return clamp(level - ZOOM_LIMITS.step);
    case '0':
      return 0;
    default:
      return null;
  }
}
