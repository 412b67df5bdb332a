import { AppError } from '../../shared/errors';
import { isLoopbackHost } from '../../shared/loopback';

/** The simulator holds fake credentials and accepts any caller: it must never face a network. */
export function assertLoopback(host: string): void {
  if (isLoopbackHost(host)) return;
  throw new AppError(
    'InvalidInput',
    `The CloudAgent simulator listens on loopback only; "${host}" is not a loopback address.`,
    'Use 127.0.0.1 (the default), ::1 or localhost.',
  );
}

/** The base URL for a bound address (IPv6 literals need brackets). */
export function baseUrl(address: string, port: number): string {
  return address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
