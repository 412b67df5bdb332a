import { useEffect } from 'react';
import { invoke } from '../api';

/** Element's margins (block axis) in px. */
function margins(el: Element): number {
  const s = getComputedStyle(el);
  return (parseFloat(s.marginTop) || 0) + (parseFloat(s.marginBottom) || 0);
}

function inFlow(el: Element): boolean {
  const position = getComputedStyle(el).position;
  return position !== 'absolute' && position !== 'fixed';
}

/**
 * The height an element would take if nothing stretched it. The window is a full-height column whose view
 * scrolls (so a message never covers a control), which makes every box as tall as the window: a scrolling
 * box is measured by its content instead, or a window could never shrink again (mini mode would keep the
 * height of a full conference).
 */
export function naturalHeight(el: Element): number {
  const s = getComputedStyle(el);
  const scrolls = s.overflowY === 'auto' || s.overflowY === 'scroll';
  const stretched = el.classList.contains('window');
  if (!scrolls && !stretched) return el.getBoundingClientRect().height;
  const children = [...el.children].filter(inFlow);
  const gap = parseFloat(s.rowGap) || 0;
  const inner = children.reduce((sum, c) => sum + naturalHeight(c) + margins(c), 0);
  const edges =
    (parseFloat(s.paddingTop) || 0) +
    (parseFloat(s.paddingBottom) || 0) +
    (parseFloat(s.borderTopWidth) || 0) +
    (parseFloat(s.borderBottomWidth) || 0);
  return inner + edges + gap * Math.max(0, children.length - 1);
}

/**
 * Tells main the page's natural height whenever it changes (rows added or dropped, mini mode, settings),
 * so the window's height follows its content. Measured once per frame at most; only changes are sent.
 */
export function useReportContentHeight(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    if (!root || typeof ResizeObserver === 'undefined') return;
    let last = -1;
    let frame = 0;
    const measure = () => {
      const column = root.querySelector('.window');
      const extra = [...root.children].filter((c) => c !== column && inFlow(c));
      return Math.ceil(
        (column ? naturalHeight(column) : 0) +
          extra.reduce((sum, c) => sum + c.getBoundingClientRect().height, 0),
      );
    };
    const report = () => {
      frame = 0;
      const height = measure();
      if (height === last) return;
      last = height;
      void invoke('reportContentHeight', { height });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(report);
    };
    // Content inside a scrolling view changes size without the view resizing: watch every element.
    const sizes = new ResizeObserver(schedule);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(root);
      for (const el of root.querySelectorAll('*')) sizes.observe(el);
      schedule();
    };
    const tree = new MutationObserver(watch);
    tree.observe(root, { childList: true, subtree: true });
    watch();
    return () => {
      tree.disconnect();
      sizes.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
