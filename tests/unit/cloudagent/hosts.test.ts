import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { resolveBaseUrl } from '../../../electron/core/cloudagent/hosts';
import { isLoopbackHost } from '../../../shared/loopback';

function refusal(baseUrl: string): AppError {
  try {
    resolveBaseUrl({ baseUrl });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected ${baseUrl} to be refused`);
}

describe('resolveBaseUrl', () => {
  it('maps the documented regions', () => {
    expect(resolveBaseUrl({ region: 'in' })).toBe('https://in1-ccaas-api.ozonetel.com');
    expect(resolveBaseUrl({ region: 'intl' })).toBe('https://api.ccaas.ozonetel.com');
  });

  it('prefers a custom base URL and strips trailing slashes, keeping a path', () => {
    expect(resolveBaseUrl({ region: 'in', baseUrl: 'https://partner.example.com/' })).toBe(
      'https://partner.example.com',
    );
    expect(resolveBaseUrl({ baseUrl: ' https://partner.example.com/cloud//' })).toBe(
      'https://partner.example.com/cloud',
    );
  });

  it.each(['http://127.0.0.1:8080', 'http://127.3.2.1', 'http://localhost:3000/', 'http://[::1]:9000'])(
    'accepts plain http on loopback: %s',
    (url) => {
      expect(resolveBaseUrl({ baseUrl: url })).toBe(url.replace(/\/$/, ''));
    },
  );

  it.each([
    ['http://in1-ccaas-api.ozonetel.com', /Plain http is allowed only for the local simulator/],
    ['http://10.0.0.1', /Plain http/],
    ['http://128.0.0.1', /Plain http/],
    ['http://localhost.evil.com', /Plain http/],
    // Not guaranteed to resolve to loopback: only literal addresses and `localhost` itself may use http.
    ['http://api.localhost', /Plain http/],
    ['http://cloudagent.localhost:8080', /Plain http/],
    ['http://localhost.:8080', /Plain http/],
    ['http://[::ffff:10.0.0.1]', /Plain http/],
    ['ftp://example.com', /must start with https/],
    ['not a url', /is not a URL/],
    ['', /Enter the CloudAgent base URL/],
    ['https://user:pw@example.com', /user name or password/],
    ['https://example.com/?api_key=1', /query/],
  ])('refuses %j', (url, message) => {
    const e = refusal(url);
    expect(e.kind).toBe('InvalidInput');
    expect(e.message).toMatch(message);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['[::1]', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['[::ffff:7f00:1]', true],
    ['sim.localhost', false],
    ['localhost.', false],
    ['::2', false],
    ['127.0.0.256', false],
    ['126.0.0.1', false],
    ['0.0.0.0', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
