import { AppError } from '../../../shared/errors';
import { isLoopbackHost } from '../../../shared/loopback';
import type { Region } from '../../../shared/phone';
import type { Endpoint } from './types';

/** The documented API hosts ("APIs Domain Name"), by CloudAgent instance. */
export const REGION_BASE_URLS: Record<Region, string> = {
  in: 'https://in1-ccaas-api.ozonetel.com',
  intl: 'https://api.ccaas.ozonetel.com',
};

/**
 * The base URL (no trailing slash) requests go to: the region's host, or a partner's own base URL.
 * Plain http is accepted only for loopback (the simulator); anything else must be https, because the
 * api_key travels with every request. Throws AppError InvalidInput, saying what is wrong.
 */
export function resolveBaseUrl(endpoint: Endpoint): string {
  if (endpoint.baseUrl === undefined) {
    const base = REGION_BASE_URLS[endpoint.region];
    if (!base)
      throw invalid(`Unknown CloudAgent region "${String(endpoint.region)}" (expected "in" or "intl").`);
    return base;
  }
  const raw = endpoint.baseUrl.trim();
  if (raw === '') throw invalid('Enter the CloudAgent base URL (e.g. https://in1-ccaas-api.ozonetel.com).');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`"${clip(raw)}" is not a URL; enter it with https://, e.g. https://partner.example.com.`);
  }
  if (url.username || url.password) {
    throw invalid('The base URL must not contain a user name or password.');
  }
  if (url.search || url.hash) {
    throw invalid('The base URL must not contain a query (?...) or fragment (#...).');
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw invalid(
        `Plain http is allowed only for the local simulator (127.0.0.1, ::1, localhost); use https://${url.host}.`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw invalid(`The base URL must start with https:// (got ${url.protocol}//).`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function invalid(message: string): AppError {
  return new AppError(
    'InvalidInput',
    message,
    'Correct the base URL or region in Settings; nothing was sent.',
  );
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
