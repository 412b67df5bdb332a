import { buildReleasePhone, readReleasePhone } from '../../../electron/core/cloudagent/release-phone';
import { describe, expect, it } from 'vitest';
import {
  buildCallControl,
  validateCallControl,
  type RequestContext,
} from '../../../electron/core/cloudagent/call-control';
import { buildManualDial, validateManualDial } from '../../../electron/core/cloudagent/manual-dial';

const ctx = (over: Partial<RequestContext> = {}): RequestContext => ({
  baseUrl: 'https://in1-ccaas-api.ozonetel.com',
  mode: 'legacy',
  userName: 'demo',
  did: '08047000000',
  agentPhoneName: 'demo-phone',
  output: 'json',
  tokenForm: 'bearer',
  ...over,
});
const mute = { action: 'MUTE' as const, ucid: '1234567890123456', conferenceNumber: '09876543210' };

describe('call-control requests', () => {
  it('legacy: GET with every documented parameter, playRing always true, no sip for a phone number', () => {
    const r = buildCallControl(ctx(), mute, { apiKey: 'k' });
    expect(r.method).toBe('GET');
    expect(r.url.origin + r.url.pathname).toBe('https://in1-ccaas-api.ozonetel.com/callcontrol_v4.php');
    expect([...r.url.searchParams]).toEqual([
      ['action', 'MUTE'],
      ['ucid', '1234567890123456'],
      ['conferenceNumber', '09876543210'],
      ['did', '08047000000'],
      ['agentPhoneName', 'demo-phone'],
      ['api_key', 'k'],
      ['output', 'json'],
      ['playRing', 'true'],
    ]);
    expect(r.body).toBeUndefined();
  });

  it('legacy: sip=true only for a SIP participant, output=xml when chosen', () => {
    const r = buildCallControl(
      ctx({ output: 'xml' }),
      { ...mute, conferenceNumber: 'bob@pbx', sip: true },
      { apiKey: 'k' },
    );
    expect(r.url.searchParams.get('sip')).toBe('true');
    expect(r.url.searchParams.get('output')).toBe('xml');
  });

  it('basic: POST JSON with the apiKey header', () => {
    const r = buildCallControl(ctx({ mode: 'basic' }), mute, { apiKey: 'k' });
    expect(r.method).toBe('POST');
    expect(r.url.href).toBe('https://in1-ccaas-api.ozonetel.com/ca_apis/CallControl_V4');
    expect(r.headers).toMatchObject({ apiKey: 'k', 'Content-Type': 'application/json' });
    expect(r.headers.Authorization).toBeUndefined();
    expect(JSON.parse(r.body ?? '')).toEqual({
      action: 'MUTE',
      ucid: '1234567890123456',
      conferenceNumber: '09876543210',
      did: '08047000000',
      agentPhoneName: 'demo-phone',
      userName: 'demo',
    });
  });

  it('token: the same body with a Bearer token and no apiKey', () => {
    const r = buildCallControl(ctx({ mode: 'token' }), mute, { token: 'eyJabc' });
    expect(r.headers.Authorization).toBe('Bearer eyJabc');
    expect(r.headers.apiKey).toBeUndefined();
  });

  it('validates before anything is built', () => {
    expect(validateCallControl({ ...mute, ucid: ' 42 ', conferenceNumber: ' 09876543210 ' })).toMatchObject({
      ucid: '42',
      conferenceNumber: '09876543210',
    });
    expect(() => validateCallControl({ ...mute, ucid: '12ab' })).toThrow(/only digits/);
    expect(() => validateCallControl({ ...mute, ucid: '' })).toThrow(/ucid is empty/);
    expect(() => validateCallControl({ ...mute, conferenceNumber: '  ' })).toThrow(
      /number of the participant/,
    );
    expect(() => validateCallControl({ ...mute, action: 'DANCE' as never })).toThrow(/Unknown action/);
  });
});

describe('manual-dial requests', () => {
  it('legacy: GET PhoneManualDial.php with apiKey in the query and the optional campaign', () => {
    const r = buildManualDial(
      ctx(),
      { customerNumber: '09123456789', campaignName: 'Offline_1' },
      { apiKey: 'k' },
    );
    expect(r.method).toBe('GET');
    expect(r.url.pathname).toBe('/CAServices/PhoneManualDial.php');
    expect(Object.fromEntries(r.url.searchParams)).toEqual({
      apiKey: 'k',
      userName: 'demo',
      custNumber: '09123456789',
      phoneName: 'demo-phone',
      did: '08047000000',
      campaignName: 'Offline_1',
      // Always sent: the server's undocumented default never decides whether a busy agent is rung.
      checkStatus: 'true',
    });
  });

  it('token: POST /ca_apis/PhoneManualDial with the same fields as JSON', () => {
    const r = buildManualDial(ctx({ mode: 'token' }), { customerNumber: '09123456789' }, { token: 't' });
    expect(r.url.pathname).toBe('/ca_apis/PhoneManualDial');
    expect(r.headers.Authorization).toBe('Bearer t');
    expect(JSON.parse(r.body ?? '')).toEqual({
      userName: 'demo',
      custNumber: '09123456789',
      phoneName: 'demo-phone',
      did: '08047000000',
      checkStatus: true,
    });
  });

  it('sends uui and callLimit only when given, as the JSON page shows them (boolean checkStatus)', () => {
    const r = buildManualDial(
      ctx({ mode: 'basic' }),
      { customerNumber: '09123456789', checkStatus: false, callLimit: 120, uui: 'TKT-9' },
      { apiKey: 'k' },
    );
    expect(JSON.parse(r.body ?? '')).toMatchObject({ checkStatus: false, callLimit: 120, uui: 'TKT-9' });
  });

  it('validates the number, user and phone name', () => {
    expect(() => validateManualDial(ctx(), { customerNumber: ' ' })).toThrow(/customer number/);
    expect(() => validateManualDial(ctx({ userName: '' }), { customerNumber: '1' })).toThrow(
      /User name is empty/,
    );
    expect(() => validateManualDial(ctx({ agentPhoneName: '' }), { customerNumber: '1' })).toThrow(
      /Agent phone name is empty/,
    );
    expect(() => validateManualDial(ctx({ did: ' ' }), { customerNumber: '1' })).toThrow(/DID is empty/);
    expect(validateManualDial(ctx(), { customerNumber: '1', campaignName: '  ' })).toEqual({
      customerNumber: '1',
      checkStatus: true,
    });
    expect(() => validateManualDial(ctx(), { customerNumber: '1', callLimit: 14_401 })).toThrow(/14400/);
    expect(() => validateManualDial(ctx(), { customerNumber: '1', uui: 'a;b' })).toThrow(/not ";"/);
    expect(validateManualDial(ctx(), { customerNumber: '1', uui: '  ' })).not.toHaveProperty('uui');
  });
});

describe('release-phone requests', () => {
  it('legacy: GET ReleaseFwpNumber.php with apiKey, userName and phoneName in the query', () => {
    const r = buildReleasePhone(ctx(), { apiKey: 'k' });
    expect(r.method).toBe('GET');
    expect(r.url.pathname).toBe('/CAServices/ReleaseFwpNumber.php');
    expect(Object.fromEntries(r.url.searchParams)).toEqual({
      apiKey: 'k',
      userName: 'demo',
      phoneName: 'demo-phone',
    });
    expect(r.body).toBeUndefined();
  });

  it('basic: POST /ca_apis/ReleaseFwpNumber, apiKey header, {userName, phoneName}', () => {
    const r = buildReleasePhone(ctx({ mode: 'basic' }), { apiKey: 'k' });
    expect(r).toMatchObject({ method: 'POST', headers: { apiKey: 'k', 'Content-Type': 'application/json' } });
    expect(r.url.pathname).toBe('/ca_apis/ReleaseFwpNumber');
    expect(JSON.parse(r.body ?? '')).toEqual({ userName: 'demo', phoneName: 'demo-phone' });
  });

  it('reads FwpNumbers; a refusal is its message’s error', () => {
    const ok = readReleasePhone({ status: 200, body: '{"status":"success","FwpNumbers":["09845012345"]}' });
    expect(ok.numbers).toEqual(['09845012345']);
    expect(() =>
      readReleasePhone({ status: 200, body: '{"status":"error","message":"apiKey cannot be empty"}' }),
    ).toThrow(/apiKey cannot be empty/);
  });
});
