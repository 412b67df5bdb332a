import net from 'node:net';
import { isLoopbackHost } from '../../../shared/loopback';

/**
 * Refuses every TCP connection that is not to loopback, for suites that drive the real services with
 * generated settings: whatever a generated patch says, nothing may leave the machine. Returns the hosts
 * that were refused (a test asserts there were none) and a function that lifts the guard.
 */
export function guardLoopback(): { refused: string[]; restore: () => void } {
  const refused: string[] = [];
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    const host =
      typeof first === 'object' && first !== null
        ? (first as { host?: string; path?: string }).path
          ? 'localhost'
          : (first as { host?: string }).host
        : typeof args[1] === 'string'
          ? args[1]
          : 'localhost';
    if (host !== undefined && !isLoopbackHost(host)) {
      refused.push(host);
      process.nextTick(() => this.destroy(new Error(`test guard: no traffic to ${host}`)));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return { refused, restore: () => void (net.Socket.prototype.connect = original) };
}
