import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, get, legacy, post, sim, untilLogged, v4 } from './helpers';

const PARTY = '09811112222';
const BASIC = { apiKey: DEMO_ACCOUNT.apiKey };

describe('fault injection', () => {
  it('latency: the action takes effect and the normal answer comes later', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'latency', ms: 30 });
    const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(res.json()).toEqual({ status: 'Success', message: 'dialing', ucid });
  });

  it('latency: a client that gives up still changed the call', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'latency', ms: 600_000 });
    const abort = new AbortController();
    const body = { action: 'CONFERENCE', ucid, conferenceNumber: PARTY, userName: 'demo' };
    const pending = post(s, '/ca_apis/CallControl_V4', body, BASIC, abort.signal);
    await untilLogged(s, 1);
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('connected');
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('latency: close() does not wait for a delayed answer', async () => {
    const s = await sim();
    s.injectFault({ kind: 'latency', ms: 600_000 });
    const pending = get(s, '/callcontrol_v4.php').then(
      () => 'answered',
      () => 'failed',
    );
    await untilLogged(s, 1);
    await s.close();
    expect(await pending).toBe('failed');
  });

  it('noAnswer: the request is logged but never answered; an AbortController ends the wait', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'noAnswer' });
    const abort = new AbortController();
    const pending = fetch(`${s.url}/callcontrol_v4.php?action=HOLD&ucid=${ucid}`, { signal: abort.signal });
    await untilLogged(s, 1);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // Not processed, and the next request is answered normally.
    const next = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(next.json()['status']).toBe('Success');
  });

  it('noAnswer: close() releases a held request instead of waiting for it', async () => {
    const s = await sim();
    s.injectFault({ kind: 'noAnswer' });
    const pending = fetch(`${s.url}/ca_apis/CallControl_V4`, { method: 'POST', body: '{}' }).then(
      () => 'answered',
      () => 'failed',
    );
    await untilLogged(s, 1);
    await s.close();
    expect(await pending).toBe('failed');
  });

  it('reset: the connection is destroyed without an answer', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'reset' });
    await expect(legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY })).rejects.toThrow();
    expect(s.getCall(ucid)?.participants.size).toBe(0);
    expect((await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY })).json()['status']).toBe(
      'Success',
    );
  });

  it('html5xx: an HTML error page with 502 by default or the given status', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'html5xx' });
    s.injectFault({ kind: 'html5xx', status: 503 });
    const first = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(first.status).toBe(502);
    expect(first.contentType).toContain('text/html');
    expect(first.text).toMatch(/^<!DOCTYPE html>.*<\/html>$/s);
    const second = await v4(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY }, BASIC);
    expect(second.status).toBe(503);
    expect(second.contentType).toContain('text/html');
    expect(s.getCall(ucid)?.participants.size).toBe(0);
  });

  it('malformed: HTTP 200 with truncated JSON', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'malformed' });
    const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":"Succ');
    expect(() => res.json()).toThrow(SyntaxError);
  });

  it('empty: HTTP 200 with an empty body', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'empty' });
    const res = await v4(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY }, BASIC);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('times: the fault applies to that many requests, then answers are normal', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'empty' }, { times: 2 });
    const texts: string[] = [];
    for (let i = 0; i < 3; i += 1)
      texts.push((await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY })).text);
    expect(texts.slice(0, 2)).toEqual(['', '']);
    expect(JSON.parse(texts[2] ?? '')).toMatchObject({ status: 'Success' });
  });

  it('path: only matching requests take the fault', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'html5xx' }, { path: /generateToken/i });
    const control = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect(control.status).toBe(200);
    const token = await fetch(`${s.url}/ca_apis/CAToken/generateToken`, {
      method: 'POST',
      headers: BASIC,
      body: JSON.stringify({ userName: 'demo' }),
    });
    expect(token.status).toBe(502);
    await token.text();
  });

  it('a warm-up HEAD / does not use up a fault meant for API calls, unless aimed at it', async () => {
    const s = await sim();
    s.injectFault({ kind: 'html5xx' });
    expect((await fetch(s.url, { method: 'HEAD' })).status).toBe(200);
    expect((await get(s, '/callcontrol_v4.php?action=HOLD')).status).toBe(502);
    s.injectFault({ kind: 'html5xx', status: 504 }, { path: /^\/$/ });
    expect((await fetch(s.url, { method: 'HEAD' })).status).toBe(504);
  });

  it('clearFaults drops every pending fault', async () => {
    const s = await sim();
    s.injectFault({ kind: 'empty' }, { times: 5 });
    s.injectFault({ kind: 'reset' });
    s.clearFaults();
    const res = await get(s, '/callcontrol_v4.php?action=HOLD');
    expect(res.json()).toEqual({ status: 'Error', message: 'Invalid User Details' });
  });

  it('refuses nonsense fault options', async () => {
    const s = await sim();
    expect(() => s.injectFault({ kind: 'empty' }, { times: 0 })).toThrow(/times/);
    expect(() => s.injectFault({ kind: 'latency', ms: -1 })).toThrow(/ms/);
  });
});
