import { request as httpRequest, Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { startSimulator } from '../../../electron/simulator/server';
import { DEMO_ACCOUNT, fakeClock, get, legacy, post, sim } from './helpers';

describe('simulator server', () => {
  it('answers GET / and HEAD / with 200 and a tiny text body', async () => {
    const s = await sim();
    const res = await get(s, '/');
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/plain');
    expect(res.text).toBe('CloudAgent simulator\n');
    const head = await fetch(s.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers an unknown path with a 404 HTML page and a wrong method with 405', async () => {
    const s = await sim();
    const missing = await get(s, '/ca_apis/NoSuchThing');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('text/html');
    expect(missing.text).toContain('<html>');
    const wrongMethod = await get(s, '/ca_apis/CallControl_V4');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.contentType).toContain('text/html');
  });

  it('logs every request in order, faulted ones included, stamped by its clock', async () => {
    const clock = fakeClock();
    const s = await sim({ now: clock.now });
    const ucid = s.createCall();
    await legacy(s, { action: 'HOLD', ucid, conferenceNumber: '09811112222' });
    clock.advance(1234);
    s.injectFault({ kind: 'empty' });
    await post(s, '/ca_apis/CallControl_V4', { action: 'MUTE', ucid }, { apiKey: DEMO_ACCOUNT.apiKey });
    await get(s, '/nowhere');

    const [first, second, third, ...rest] = s.requests;
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      method: 'GET',
      path: '/callcontrol_v4.php',
      query: { action: 'HOLD', ucid, api_key: DEMO_ACCOUNT.apiKey, playRing: 'true' },
      body: '',
      at: clock.now() - 1234,
    });
    expect(second).toMatchObject({
      method: 'POST',
      path: '/ca_apis/CallControl_V4',
      query: {},
      at: clock.now(),
    });
    expect(second?.headers['apikey']).toBe(DEMO_ACCOUNT.apiKey);
    expect(second?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(second?.body ?? '')).toEqual({ action: 'MUTE', ucid });
    expect(third).toMatchObject({ method: 'GET', path: '/nowhere' });

    const snapshot = s.requests;
    s.clearRequests();
    expect(s.requests).toEqual([]);
    expect(snapshot).toHaveLength(3);
  });

  it('keeps connections alive so a pooled socket is reused', async () => {
    const s = await sim();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const once = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = httpRequest(`${s.url}/`, { agent, method: 'HEAD' }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await once()).toEqual({ status: 200, reused: false });
      expect(await once()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('close() ends idle keep-alive connections, is idempotent, and stops answering', async () => {
    const s = await startSimulator();
    expect((await get(s, '/')).status).toBe(200); // leaves a pooled socket in fetch's pool
    await Promise.all([s.close(), s.close()]);
    await expect(fetch(s.url)).rejects.toThrow();
  });

  it('refuses to listen anywhere but loopback', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com']) {
      const failure = await startSimulator({ host }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ kind: 'InvalidInput' });
      expect((failure as Error).message).toContain('loopback');
    }
  });

  it('listens on ::1 and localhost too', async () => {
    const v6 = await sim({ host: '::1' });
    expect(v6.url).toBe(`http://[::1]:${v6.port}`);
    expect((await get(v6, '/')).status).toBe(200);
    const named = await sim({ host: 'localhost' });
    expect((await get(named, '/')).status).toBe(200);
  });

  it('creates calls with distinct 16-digit ucids and refuses unknown users or phones', async () => {
    const s = await sim();
    const ucids = new Set(Array.from({ length: 50 }, () => s.createCall()));
    expect(ucids.size).toBe(50);
    for (const u of ucids) expect(u).toMatch(/^[1-9]\d{15}$/);
    const ucid = s.createCall({ customerNumber: '09876543210' });
    expect(s.getCall(ucid)).toMatchObject({
      customerNumber: '09876543210',
      agentPhoneName: 'demo-phone',
      live: true,
    });
    expect(() => s.createCall({ userName: 'nobody' })).toThrow(/nobody/);
    expect(() => s.createCall({ agentPhoneName: 'desk-9' })).toThrow(/desk-9/);
    expect(s.getCall('0000')).toBeUndefined();
  });

  it('answers 413 to an oversized body', async () => {
    const s = await sim();
    const res = await post(s, '/ca_apis/CallControl_V4', 'x'.repeat(2 * 1024 * 1024));
    expect(res.status).toBe(413);
  });
});
