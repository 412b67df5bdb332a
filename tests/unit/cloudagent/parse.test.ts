import { describe, expect, it } from 'vitest';
import {
  decodeBody,
  expectSuccess,
  isSuccessStatus,
  readOutcome,
} from '../../../electron/core/cloudagent/parse';
import { appErrorOf } from '../../support/app-error';

const ok = (body: string, contentType = 'application/json') => ({ status: 200, contentType, body });

describe('decodeBody', () => {
  it('reads a JSON object', () => {
    expect(decodeBody(ok('{"status":"Success","message":"dialing","ucid":"123"}'))).toEqual({
      status: 'Success',
      message: 'dialing',
      ucid: '123',
    });
  });

  it('reads legacy XML generically: the root element holding status and message', () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><response><status>Error</status><message>Call not Found</message></response>';
    expect(decodeBody(ok(body, 'text/xml'))).toEqual({ status: 'Error', message: 'Call not Found' });
  });

  it('reads XML whatever the root element is called, and decodes entities', () => {
    const body = '<result>\n  <status>Success</status>\n  <message>a &amp; b</message>\n</result>';
    expect(decodeBody(ok(body, 'application/xml'))).toMatchObject({ status: 'Success', message: 'a & b' });
  });

  it.each([
    ['an empty body', '', /empty body/],
    ['a whitespace body', '  \n ', /empty body/],
    ['truncated JSON', '{"status":"Succ', /cut off or not valid JSON/],
    ['truncated XML', '<response><status>Succ', /cut off or not valid XML/],
    ['a JSON array', '[1,2]', /not an object/],
    ['plain text', 'OK', /neither JSON nor XML/],
    ['XML without status or message', '<response><foo>1</foo></response>', /without a status or message/],
    ['an HTML page with HTTP 200', '<!DOCTYPE html><html><body>Login</body></html>', /HTML page/],
  ])('refuses %s with BadResponse', (_name, body, message) => {
    const e = appErrorOf(() => decodeBody(ok(body)));
    expect(e.kind).toBe('BadResponse');
    expect(e.message).toMatch(message);
  });

  it('says a 502 HTML page is probably a proxy error', () => {
    const e = appErrorOf(() =>
      decodeBody({
        status: 502,
        contentType: 'text/html',
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      }),
    );
    expect(e.kind).toBe('BadResponse');
    expect(e.message).toBe('CloudAgent answered HTTP 502 with an HTML page (a proxy error?).');
  });

  it('says who asks for a login when a proxy (407) or a login page (HTML 401/403) answers instead of CloudAgent', () => {
    const proxy = appErrorOf(() =>
      decodeBody({ status: 407, contentType: 'text/html', body: '<html></html>' }),
    );
    expect(proxy.kind).toBe('BadResponse');
    expect(proxy.message).toBe('CloudAgent answered HTTP 407: a proxy on your network asks for a login.');
    expect(proxy.remedy).toMatch(/^Ask IT to let ConfBar reach CloudAgent through the proxy/);
    for (const status of [401, 403]) {
      const page = appErrorOf(() =>
        decodeBody({
          status,
          contentType: 'text/html',
          body: '<!DOCTYPE html><html><body>Sign in</body></html>',
        }),
      );
      expect(page.message).toBe(
        `CloudAgent answered HTTP ${status} with an HTML page (a login or firewall page, not CloudAgent).`,
      );
      expect(page.remedy).toMatch(
        /^Check the base URL in Settings; if it is right, a firewall or login page/,
      );
    }
  });

  it('reports a non-2xx JSON answer with its message as BadResponse', () => {
    const e = appErrorOf(() => decodeBody({ status: 500, body: '{"status":"error","message":"DB down"}' }));
    expect(e.kind).toBe('BadResponse');
    expect(e.message).toBe('CloudAgent answered HTTP 500: DB down');
  });

  it('keeps the meaning of a known message even on a non-2xx status', () => {
    const e = appErrorOf(() =>
      decodeBody({ status: 401, body: '{"status":"false","message":"Invalid Token"}' }),
    );
    expect(e.kind).toBe('TokenExpired');
  });

  it('points at the base URL for an empty 404', () => {
    const e = appErrorOf(() => decodeBody({ status: 404, body: '' }));
    expect(e.message).toBe(
      'CloudAgent answered HTTP 404 with an empty body (check the base URL; the path is case-sensitive).',
    );
  });
});

describe('status spellings', () => {
  it.each(['Success', 'success', 'SUCCESS', ' Success ', 'queued', 'Queued'])('%j is success', (s) => {
    expect(isSuccessStatus(s)).toBe(true);
  });
  it.each(['Error', 'error', 'false', 'fail', 'Fail', 'fails', 'true', ''])('%j is failure', (s) => {
    expect(isSuccessStatus(s)).toBe(false);
  });
  it('honours a narrower set of accepted statuses', () => {
    expect(isSuccessStatus('queued', ['success'])).toBe(false);
  });
});

describe('readOutcome / expectSuccess', () => {
  it('needs a status', () => {
    const e = appErrorOf(() => readOutcome({ message: 'hello' }));
    expect(e.kind).toBe('BadResponse');
    expect(e.message).toMatch(/no status/);
  });

  it('spells non-string statuses out', () => {
    expect(readOutcome({ status: false, message: 'Invalid Token' }).status).toBe('false');
  });

  it('returns the outcome of a success', () => {
    const o = expectSuccess(ok('{"status":"Success","message":"unmute success"}'));
    expect(o).toMatchObject({ status: 'Success', message: 'unmute success' });
  });

  it.each([
    ['Error', 'Call not Found', 'CallNotFound'],
    ['Error', 'Please pass valid Conference number', 'InvalidNumber'],
    ['error', 'Invalid customer number', 'InvalidNumber'],
    ['Error', 'Invalid User Details', 'AuthFailed'],
    ['false', 'Invalid userName or apiKey', 'AuthFailed'],
    ['false', 'Api Key Should Not be Null or Empty.', 'AuthFailed'],
    ['error', 'Authentication failed.', 'AuthFailed'],
    ['false', 'UserName is null', 'AuthFailed'],
    ['false', 'Token Expired', 'TokenExpired'],
    ['false', 'Invalid Token', 'TokenExpired'],
    ['false', 'Token Should Not be Null or Empty.', 'TokenExpired'],
    ['false', 'Token generation limit exceeded', 'TokenBudgetExhausted'],
    ['error', 'Phone name not found.', 'Refused'],
    ['error', 'campaign IS NOT offline', 'Refused'],
    ['fails', 'Something nobody documented', 'Refused'],
  ])('status %j with %j → %s, keeping the server message', (status, message, kind) => {
    const e = appErrorOf(() => expectSuccess(ok(JSON.stringify({ status, message, data: null }))));
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(message);
    expect(e.remedy.length).toBeGreaterThan(10);
  });

  it('matches known messages case-insensitively and without their final period', () => {
    expect(appErrorOf(() => expectSuccess(ok('{"status":"Fail","message":"call NOT found."}'))).kind).toBe(
      'CallNotFound',
    );
  });

  it('says so when a refusal has no message', () => {
    const e = appErrorOf(() => expectSuccess(ok('{"status":"fail"}')));
    expect(e.kind).toBe('Refused');
    expect(e.message).toMatch(/status "fail"/);
  });

  it('reads a refusal in XML the same way', () => {
    const body =
      '<response><status>Error</status><message>Please pass valid Conference number</message></response>';
    expect(appErrorOf(() => expectSuccess(ok(body, 'text/xml'))).kind).toBe('InvalidNumber');
  });
});
