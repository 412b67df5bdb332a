/** A wall clock the test moves by hand; `advance` returns the new time. */
export function fakeClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
  };
}
