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
    });
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
    });
  });
});
