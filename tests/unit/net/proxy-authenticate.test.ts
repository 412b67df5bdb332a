import { describe, expect, it } from 'vitest';
import {
  negotiateChallenge,
  offeredSchemes,
  parseChallenges,
} from '../../../electron/core/net/proxy-authenticate';

describe("reading a proxy's Proxy-Authenticate headers", () => {
  it('takes the token after Negotiate; a bare Negotiate is "" and no Negotiate is undefined', () => {
    expect(negotiateChallenge(['NTLM', 'Negotiate YWJj=='])).toBe('YWJj==');
    expect(negotiateChallenge(['Basic realm="x", Negotiate YWJj'])).toBe('YWJj');
    expect(negotiateChallenge(['Negotiate'])).toBe('');
    expect(negotiateChallenge(['NTLM TlRMTVNT'])).toBeUndefined();
  });

  it('several challenges in one header: commas inside quotes and auth-params do not start a scheme', () => {
    expect(offeredSchemes(['Basic realm="Acme, Inc.", charset="UTF-8", Negotiate, NTLM'])).toEqual([
      'Basic',
      'Negotiate',
      'NTLM',
    ]);
    expect(parseChallenges(['Digest realm="a", nonce="x\\"y,z", qop="auth", Negotiate dG9r'])).toEqual([
      { scheme: 'Digest' },
      { scheme: 'Negotiate', token: 'dG9r' },
    ]);
  });

  it('several headers, each scheme named once, as the proxy spells it', () => {
    expect(offeredSchemes(['Negotiate', 'NTLM', 'Basic realm="p"', 'Negotiate'])).toEqual([
      'Negotiate',
      'NTLM',
      'Basic',
    ]);
    expect(offeredSchemes([])).toEqual([]);
    expect(offeredSchemes(['', ' , '])).toEqual([]);
  });
});
