import { useEffect, type RefObject } from 'react';
import { getState, setState, useToolbar, type FocusTarget } from '../store/store';

/** Focuses `ref` when a command asks for `target` (now, or as soon as the element mounts). */
export function useFocusRequest(target: FocusTarget, ref: RefObject<HTMLElement | null>): void {
  const request = useToolbar((s) => (s.focusRequest?.target === target ? s.focusRequest.n : null));
  useEffect(() => {
    if (request === null || !ref.current) return;
    // Focus only: selecting the draft would let the next key press replace what the agent typed.
    ref.current.focus();
    if (getState().focusRequest?.n === request) setState({ focusRequest: null });
  }, [request, ref]);
}
