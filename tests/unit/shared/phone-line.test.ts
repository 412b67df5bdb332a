import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callLimitProblem,
  offersRelease,
  releasedWords,
  releaseWords,
  uuiProblem,
  UUI_MAX_LENGTH,
} from '../../../shared/phone-line';

describe('the agent’s own line: shared rules', () => {
  it('a reference: empty is fine; letters, digits and - _ . : / # @ up to 64; anything else said in words', () => {
    expect(uuiProblem('')).toBeNull();
    expect(uuiProblem('  TKT-1234 / crm#9 @ a.b:c_d  ')).toBeNull();
    expect(uuiProblem('x'.repeat(UUI_MAX_LENGTH))).toBeNull();
    expect(uuiProblem('x'.repeat(UUI_MAX_LENGTH + 1))).toMatch(/65 characters long.*at most 64/);
    expect(uuiProblem('a&b')).toMatch(/not "&"/);
    expect(uuiProblem('naïve')).toMatch(/not "ï"/);
    expect(uuiProblem('a\nb')).toMatch(/Nothing was sent/);
  });

  it('whatever passes the reference rule is safe in a query string and in JSON as it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        if (uuiProblem(s) !== null || s.trim() === '') return;
        expect(encodeURIComponent(s.trim()).length).toBeLessThanOrEqual(3 * UUI_MAX_LENGTH);
        expect(s.trim()).not.toMatch(/[<>&"'\\]/);
        expect([...s.trim()].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
      }),
    );
  });

  it('a call limit: whole seconds from 1 to 14400', () => {
    for (const ok of [1, 60, 14_400]) expect(callLimitProblem(ok)).toBeNull();
    for (const bad of [0, -1, 1.5, 14_401, Number.NaN]) expect(callLimitProblem(bad)).toMatch(/whole number/);
  });

  it('offers the release only for a refusal that says the phone is busy or still mapped', () => {
    expect(offersRelease({ kind: 'Refused', message: 'Agent is busy on another call' })).toBe(true);
    expect(offersRelease({ kind: 'Refused', message: 'Phone number still mapped to a customer' })).toBe(true);
    expect(offersRelease({ kind: 'Refused', message: 'Online agent logged in with same phone number' })).toBe(
      false,
    );
    expect(offersRelease({ kind: 'Refused', message: 'campaign IS NOT offline' })).toBe(false);
    expect(offersRelease({ kind: 'Timeout', message: 'busy' })).toBe(false);
  });

  it('says what releasing does, and what it freed', () => {
    expect(releaseWords('agent_ravi')).toBe(
      "CloudAgent frees the number mapped to phone 'agent_ravi'; a call still mapped to it is disconnected.",
    );
    expect(releaseWords(null)).toMatch(/mapped to your phone/);
    expect(releasedWords(['09845012345'])).toBe('Released 09845012345');
    expect(releasedWords(['1', '2'])).toBe('Released 1, 2');
    expect(releasedWords([])).toMatch(/no number was mapped/);
  });
});
