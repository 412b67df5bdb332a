import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, legacy, newToken, sim, v4 } from './helpers';

// The switches the security proofs use: a given answer, the real answer reshaped, marked tokens, echoes.
const PARTY = '09811112222';
const BASIC = { apiKey: DEMO_ACCOUNT.apiKey };

describe('probe faults and switches', () => {
  it('answer: the given status, type and body; the request does not take effect', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'answer', status: 503, contentType: 'text/plain', body: 'Token Expired' });
    const res = await legacy(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY });
    expect([res.status, res.contentType, res.text]).toEqual([503, 'text/plain', 'Token Expired']);
    expect(s.getCall(ucid)?.participants.has(PARTY)).toBe(false);
  });

  it('reshape: the action takes effect and its answer comes as XML, or JSON labelled text/html', async () => {
    const s = await sim();
    const ucid = s.createCall();
    s.injectFault({ kind: 'reshape', as: 'xml' });
    const xml = await v4(s, { action: 'CONFERENCE', ucid, conferenceNumber: PARTY }, BASIC);
    expect(xml.text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><xml><status>Success</status><message>dialing</message><ucid>${ucid}</ucid></xml>`,
    );
    expect(s.getCall(ucid)?.participants.get(PARTY)?.state).toBe('connected');
    s.injectFault({ kind: 'reshape', as: 'textHtml' });
    const html = await v4(s, { action: 'MUTE', ucid, conferenceNumber: PARTY }, BASIC);
    expect(html.contentType).toBe('text/html; charset=UTF-8');
    expect(html.json()).toEqual({ status: 'Success', message: 'call got mute successfully', ucid });
  });

  it('tokenMark begins every token signature; a mark outside base64url is refused', async () => {
    const s = await sim({ tokenMark: 'PROBEmark' });
    expect((await newToken(s)).split('.')[2]).toMatch(/^PROBEmark/);
    await expect(sim({ tokenMark: 'not a mark' })).rejects.toThrow(/base64url/);
  });

  it('echoSecrets: the credentials come back in the message, case swapped and URL-encoded', async () => {
    const s = await sim({ accounts: [{ ...DEMO_ACCOUNT, apiKey: 'Key+1/x' }], echoSecrets: true });
    const res = await legacy(s, {
      api_key: 'Key+1/x',
      action: 'MUTE',
      ucid: '1234567',
      conferenceNumber: PARTY,
    });
    expect(res.json()).toEqual({ status: 'Error', message: 'Call not Found (kEY+1/X Key%2B1%2Fx)' });
  });
});
