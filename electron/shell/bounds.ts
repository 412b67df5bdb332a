export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface BoundsRules {
  /** The size of a first window (no saved bounds). */
  preferred: Size;
  minimum: Size;
  /** How much of a saved window must still show on some display for it to stay there (e.g. a grab handle). */
  minVisible: Size;
  /** Gap from the work area's edge for a first window. */
  margin: number;
}

export const TOOLBAR_BOUNDS: BoundsRules = {
  preferred: { width: 420, height: 600 },
  // Mini mode is one row: the window may be that short once it follows its content.
  minimum: { width: 320, height: 64 },
  minVisible: { width: 80, height: 40 },
  margin: 24,
};

/**
 * Where to open the window. `displays` are the work areas of the connected displays (taskbar and menu bar
 * excluded); `primary` is the primary display's work area. Saved bounds are kept on the display they
 * overlap most, resized to fit it and moved fully inside it; bounds that are gone (display unplugged) or
 * barely visible, or sizes below the minimum, are corrected. With nothing saved the window opens at the
 * primary display's top-right corner. Pure: integers in, integers out.
 */
export function placeWindow(
  saved: Rect | null,
  displays: readonly Rect[],
  primary: Rect,
  rules: BoundsRules = TOOLBAR_BOUNDS,
): Rect {
  if (saved && isFiniteRect(saved)) {
    const host = bestDisplay(saved, displays, rules.minVisible);
    if (host) return fitInside(saved, host, rules.minimum);
  }
  const size = fitSize(rules.preferred, primary, rules.minimum);
  return {
    x: Math.round(primary.x + Math.max(0, primary.width - size.width - rules.margin)),
    y: Math.round(primary.y + Math.min(rules.margin, Math.max(0, primary.height - size.height))),
    ...size,
  };
}

function isFiniteRect(r: Rect): boolean {
  return [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0;
}

function overlap(a: Rect, b: Rect): Size {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The display showing the largest part of `r`, if that part is at least `minVisible`. */
function bestDisplay(r: Rect, displays: readonly Rect[], minVisible: Size): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const d of displays) {
    const o = overlap(r, d);
    const visible =
      o.width >= Math.min(minVisible.width, r.width) && o.height >= Math.min(minVisible.height, r.height);
    const area = o.width * o.height;
    if (visible && area > bestArea) {
      best = d;
      bestArea = area;
    }
  }
  return best;
}

/** At least the minimum, at most the display (a display smaller than the minimum wins: stay visible). */
function fitSize(size: Size, area: Rect, minimum: Size): Size {
  const clamp = (v: number, min: number, max: number) => Math.round(Math.min(Math.max(v, min), max));
  return {
    width: clamp(size.width, minimum.width, area.width),
    height: clamp(size.height, minimum.height, area.height),
  };
}

function fitInside(r: Rect, area: Rect, minimum: Size): Rect {
  const size = fitSize(r, area, minimum);
  const x = Math.min(Math.max(r.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(r.y, area.y), area.y + area.height - size.height);
  return { x: Math.round(x), y: Math.round(y), ...size };
}

/** What the window knows when the page reports its content height. */
export interface ContentFit {
  /** The window's outer bounds now. */
  window: Rect;
  /** Outer height minus content height: title bar and borders. */
  frame: number;
  /** The page's natural height in CSS px, as the renderer measured it. */
  contentHeight: number;
  /** CSS px per DIP (the page zoom): 1.2 after one Ctrl+=. */
  zoomFactor: number;
  /** The work area of the display the window is on. */
  workArea: Rect;
}

/**
 * The window's bounds once its height follows the page: tall enough for the content (expanded rows, or one
 * row in mini mode), never below the minimum nor taller than the work area, with the top edge kept unless
 * the bottom would leave the work area (then it moves up). Width and x stay: the width is the agent's,
 * remembered with the rest of the bounds. Pure: integers out.
 */
export function fitToContent(fit: ContentFit, rules: BoundsRules = TOOLBAR_BOUNDS): Rect {
  const { window: w, workArea: area } = fit;
  const content = Number.isFinite(fit.contentHeight) ? Math.max(0, fit.contentHeight) : 0;
  const zoom = Number.isFinite(fit.zoomFactor) && fit.zoomFactor > 0 ? fit.zoomFactor : 1;
  const frame = Math.max(0, fit.frame);
  const wanted = Math.ceil(content * zoom + frame);
  const height = Math.round(Math.min(Math.max(wanted, rules.minimum.height), area.height));
  const bottom = area.y + area.height;
  const y = Math.max(area.y, Math.min(w.y, bottom - height));
  return { x: Math.round(w.x), y: Math.round(y), width: Math.round(w.width), height };
}
