import { useEffect } from 'react';
import { invoke } from '../api';

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
    const report = () => {
      frame = 0;
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      void invoke('reportContentHeight', { height });
    };
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(report);
    });
    observer.observe(root);
    report();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
