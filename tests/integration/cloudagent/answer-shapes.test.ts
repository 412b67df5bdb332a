import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudAgentClient } from '../../../electron/core/cloudagent/client';
import { createStaticSecrets } from '../../../electron/core/cloudagent/static-secrets';
import type { CloudAgentClient } from '../../../electron/core/cloudagent/types';
import { failureOf } from './helpers';
import { directTransport } from '../../support/transport';

/**
 * Answer shapes × content types × HTTP statuses over real loopback HTTP: the body decides what an answer
 * is, never its label. A bare server that answers whatever the test queued, so the shapes are exactly the
 * ones listed here.
 */
let next = { status: 200, contentType: '', body: '' };
let server: Server;
let url = '';
const clients: CloudAgentClient[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => {
    const headers: Record<string, string> = {};
    if (next.contentType) headers['Content-Type'] = next.contentType;
    res.writeHead(next.status, headers);
    res.end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

function legacyClient(): CloudAgentClient {
  const c = createCloudAgentClient(
    {
      endpoint: { baseUrl: url },
      mode: 'legacy',
      userName: '',
      did: '08047000000',
      agentPhoneName: 'demo-phone',
      output: 'json',
      timeoutMs: 3000,
    },
    { secrets: createStaticSecrets('shape-test-key'), transport: directTransport() },
  );
  clients.push(c);
  return c;
}

const hold = (c: CloudAgentClient) =>
  c.callControl({ action: 'HOLD', ucid: '1234567890123456', conferenceNumber: '09876543210' });

const BODIES = {
  jsonSuccess: '{"status":"Success","message":"User hold is successful"}',
  jsonNotFound: '{"status":"Error","message":"Call not Found"}',
  xmlRootXml:
    '<?xml version="1.0" encoding="UTF-8"?><xml><status>Success</status><message>User hold is successful</message></xml>',
  xmlRootResponse: '<response><status>Error</status><message>Call not Found</message></response>',
  authJson: '{"status":"false","message":"Missing userName or apiKey"}',
  unknownJson: '{"status":"false","message":"Something else went wrong"}',
  html: '<!DOCTYPE html><html><head><title>502</title></head><body>Bad Gateway</body></html>',
  xhtml: '<?xml version="1.0"?><!DOCTYPE html><html><body>Login</body></html>',
  empty: '',
  text: 'OK done',
  cutJson: '{"status":"Succ',
} as const;

const TYPES = ['text/html; charset=UTF-8', 'application/json', 'text/xml', 'text/plain', ''] as const;

type Expect = { ok: true; message: string } | { ok: false; kind: string; message: RegExp };

/** [HTTP status, body, how it is read] — each row runs under every content type. */
const TABLE: Array<[number, keyof typeof BODIES, Expect]> = [
  [200, 'jsonSuccess', { ok: true, message: 'User hold is successful' }],
  [200, 'jsonNotFound', { ok: false, kind: 'CallNotFound', message: /^Call not Found$/ }],
  [200, 'xmlRootXml', { ok: true, message: 'User hold is successful' }],
  [200, 'xmlRootResponse', { ok: false, kind: 'CallNotFound', message: /^Call not Found$/ }],
  [200, 'authJson', { ok: false, kind: 'AuthFailed', message: /^Missing userName or apiKey$/ }],
  [200, 'html', { ok: false, kind: 'BadResponse', message: /HTML page/ }],
  [200, 'xhtml', { ok: false, kind: 'BadResponse', message: /HTML page/ }],
  [200, 'empty', { ok: false, kind: 'BadResponse', message: /empty body/ }],
  [200, 'text', { ok: false, kind: 'BadResponse', message: /neither JSON nor XML/ }],
  [200, 'cutJson', { ok: false, kind: 'BadResponse', message: /cut off or not valid JSON/ }],
  [401, 'authJson', { ok: false, kind: 'AuthFailed', message: /^Missing userName or apiKey$/ }],
  [401, 'unknownJson', { ok: false, kind: 'AuthFailed', message: /HTTP 401: Something else/ }],
  [
    403,
    'html',
    { ok: false, kind: 'BadResponse', message: /HTTP 403 with an HTML page \(a login or firewall page/ },
  ],
  [
    401,
    'html',
    { ok: false, kind: 'BadResponse', message: /HTTP 401 with an HTML page \(a login or firewall page/ },
  ],
  [407, 'html', { ok: false, kind: 'BadResponse', message: /HTTP 407: a proxy on your network asks/ }],
  [407, 'unknownJson', { ok: false, kind: 'BadResponse', message: /HTTP 407: a proxy on your network/ }],
  [401, 'xmlRootResponse', { ok: false, kind: 'CallNotFound', message: /^Call not Found$/ }],
  [
    404,
    'html',
    { ok: false, kind: 'BadResponse', message: /HTTP 404 with an HTML page \(check the base URL/ },
  ],
  [404, 'empty', { ok: false, kind: 'BadResponse', message: /HTTP 404 with an empty body/ }],
  [500, 'jsonNotFound', { ok: false, kind: 'CallNotFound', message: /^Call not Found$/ }],
  [500, 'unknownJson', { ok: false, kind: 'BadResponse', message: /HTTP 500: Something else/ }],
  [
    502,
    'html',
    { ok: false, kind: 'BadResponse', message: /HTTP 502 with an HTML page \(a proxy error\?\)/ },
  ],
  [503, 'text', { ok: false, kind: 'BadResponse', message: /HTTP 503 \("OK done"\)/ }],
];

describe('answer shapes over HTTP: body kind × content type × status', () => {
  for (const contentType of TYPES) {
    describe(`labelled ${contentType || '(no Content-Type)'}`, () => {
      it.each(TABLE)('HTTP %i with %s', async (status, body, expected) => {
        next = { status, contentType, body: BODIES[body] };
        const client = legacyClient();
        if (expected.ok) {
          await expect(hold(client)).resolves.toMatchObject({ status: 'Success', message: expected.message });
          return;
        }
        const e = await failureOf(hold(client));
        expect(e.kind).toBe(expected.kind);
        expect(e.message).toMatch(expected.message);
      });
    });
  }
});
