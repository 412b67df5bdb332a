import type { SimFault } from './types';

interface Pending {
  fault: SimFault;
  remaining: number;
  path?: RegExp;
}

/** Warm-up probes (`HEAD /`) must not swallow a fault a test meant for an API call. */
const WARM_UP_PATH = '/';

/** Faults waiting for their requests, consumed in the order they were injected. */
export class FaultQueue {
  private pending: Pending[] = [];

  add(fault: SimFault, opts: { times?: number; path?: RegExp } = {}): void {
    const times = opts.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`Fault "times" must be a positive integer, got ${times}.`);
    if (fault.kind === 'latency' && !(fault.ms >= 0)) throw new Error('A latency fault needs ms >= 0.');
    this.pending.push({ fault, remaining: times, ...(opts.path ? { path: opts.path } : {}) });
  }

  clear(): void {
    this.pending = [];
  }

  /** The fault for this request, if any, counting it as used. */
  take(path: string): SimFault | undefined {
    const index = this.pending.findIndex((p) => matches(p, path));
    const entry = this.pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    return entry.fault;
  }
}

function matches(p: Pending, path: string): boolean {
  if (!p.path) return path !== WARM_UP_PATH;
  p.path.lastIndex = 0; // a /g or /y regex would otherwise remember where it stopped
  return p.path.test(path);
}
