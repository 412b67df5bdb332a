import { getState, setState, type FocusTarget } from './store';

/** Asks `target` to take focus (now, or as soon as it mounts): see useFocusRequest. */
export function requestFocus(target: FocusTarget): void {
  setState({ focusRequest: { target, n: (getState().focusRequest?.n ?? 0) + 1 } });
}
