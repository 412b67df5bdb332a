import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOOLBAR_BOUNDS, fitToContent, placeWindow, type Rect } from '../../../electron/shell/bounds';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 }; // work area: menu bar/taskbar excluded
const right: Rect = { x: 1440, y: -200, width: 1920, height: 1040 };
const left: Rect = { x: -1280, y: 0, width: 1280, height: 984 };

function inside(r: Rect, area: Rect): boolean {
  return (
    r.x >= area.x &&
    r.y >= area.y &&
    r.x + r.width <= area.x + area.width &&
    r.y + r.height <= area.y + area.height
  );
}

describe('placeWindow', () => {
  it('opens a first window at the preferred size near the primary top-right corner', () => {
    const r = placeWindow(null, [laptop, right], laptop);
    expect(r).toEqual({ x: 1440 - 420 - 24, y: 24, width: 420, height: 600 });
  });

  it('keeps saved bounds that are fully visible', () => {
    const saved = { x: 100, y: 120, width: 420, height: 300 };
    expect(placeWindow(saved, [laptop], laptop)).toEqual(saved);
  });

  it('keeps a window on a secondary display, including one left of or above the primary', () => {
    const onRight = { x: 2000, y: -150, width: 420, height: 500 };
    expect(placeWindow(onRight, [laptop, right, left], laptop)).toEqual(onRight);
    const onLeft = { x: -900, y: 40, width: 400, height: 300 };
    expect(placeWindow(onLeft, [laptop, right, left], laptop)).toEqual(onLeft);
  });

  it('moves a window off an unplugged display back onto the primary one', () => {
    const saved = { x: 2000, y: 100, width: 420, height: 500 };
    const r = placeWindow(saved, [laptop], laptop);
    expect(inside(r, laptop)).toBe(true);
    expect(r).toMatchObject({ width: 420, height: 600 });
  });

  it('pulls a partly off-screen window fully onto the display it mostly shows on', () => {
    const r = placeWindow({ x: 1300, y: 700, width: 420, height: 400 }, [laptop], laptop);
    expect(r).toEqual({ x: 1440 - 420, y: 860 - 400, width: 420, height: 400 });
  });

  it('treats a window showing only a sliver as lost', () => {
    const sliver = { x: 1440 - 10, y: 100, width: 420, height: 300 }; // 10 px visible
    const r = placeWindow(sliver, [laptop], laptop);
    expect(r).toEqual(placeWindow(null, [laptop], laptop));
  });

  it('chooses the display with the larger share of a window straddling two', () => {
    const straddle = { x: 1300, y: 100, width: 420, height: 300 }; // 140 px on laptop, 280 px on right
    const r = placeWindow(straddle, [laptop, right], laptop);
    expect(inside(r, right)).toBe(true);
    expect(r.x).toBe(1440);
  });

  it('grows a too-small window to the minimum and shrinks a too-large one to the display', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 40 }, [laptop], laptop)).toMatchObject({
      width: TOOLBAR_BOUNDS.minimum.width,
      height: TOOLBAR_BOUNDS.minimum.height,
    });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 500 };
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000 }, [tiny], tiny)).toEqual(tiny);
  });

  it('ignores bounds that are not numbers', () => {
    const r = placeWindow({ x: Number.NaN, y: 0, width: 420, height: 600 }, [laptop], laptop);
    expect(r).toEqual(placeWindow(null, [laptop], laptop));
  });

  it('always returns integer bounds inside one of the displays (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 4000 }),
      height: fc.integer({ min: 1, max: 3000 }),
    });
    const display = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -4000, max: 4000 }),
      width: fc.integer({ min: 640, max: 3840 }),
      height: fc.integer({ min: 400, max: 2160 }),
    });
    fc.assert(
      fc.property(
        fc.option(rect, { nil: null }),
        fc.array(display, { minLength: 1, maxLength: 4 }),
        (saved, displays) => {
          const r = placeWindow(saved, displays, displays[0]!);
          expect(Object.values(r).every(Number.isInteger)).toBe(true);
          expect(displays.some((d) => inside(r, d))).toBe(true);
        },
      ),
    );
  });
});

describe('fitToContent', () => {
  const base = {
    window: { x: 900, y: 24, width: 420, height: 600 },
    frame: 30,
    zoomFactor: 1,
    workArea: laptop,
  };

  it('makes the window as tall as its content plus the frame, keeping x, y and the width', () => {
    expect(fitToContent({ ...base, contentHeight: 212 })).toEqual({ x: 900, y: 24, width: 420, height: 242 });
  });

  it('shrinks to one row in mini mode, but never below the minimum', () => {
    expect(fitToContent({ ...base, contentHeight: 40 }).height).toBe(TOOLBAR_BOUNDS.minimum.height + 6);
    expect(fitToContent({ ...base, contentHeight: 0 }).height).toBe(TOOLBAR_BOUNDS.minimum.height);
  });

  it('scales with the page zoom', () => {
    expect(fitToContent({ ...base, contentHeight: 200, zoomFactor: 1.2 }).height).toBe(270);
  });

  it('never grows past the work area; moves up rather than hang below it', () => {
    expect(fitToContent({ ...base, contentHeight: 5000 })).toMatchObject({ y: 0, height: 860 });
    const low = { ...base, window: { ...base.window, y: 700 } };
    expect(fitToContent({ ...low, contentHeight: 300 })).toMatchObject({ y: 860 - 330, height: 330 });
  });

  it('ignores nonsense measurements', () => {
    expect(fitToContent({ ...base, contentHeight: Number.NaN, zoomFactor: 0 }).height).toBe(
      TOOLBAR_BOUNDS.minimum.height,
    );
  });

  it('always ends inside the work area for any content and position', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 3000 }), fc.integer({ min: 0, max: 10_000 }), (y, h) => {
        const r = fitToContent({
          ...base,
          window: { ...base.window, y: Math.max(0, Math.min(y, 800)) },
          contentHeight: h,
        });
        return r.y >= laptop.y && r.y + r.height <= laptop.y + laptop.height;
      }),
    );
  });
});
