import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { normalizeNumber } from '../../../shared/phone';
import { parseUcid } from '../../../electron/core/conference/ucid';
import { expectSuccess } from '../../../electron/core/cloudagent/parse';
import { redact as redactUrl } from '../../../electron/core/redact';
import { FUZZ_SEED, runs } from '../support/budget';

// Properties over arbitrary input at the boundaries where agents paste (ucid and number text) and servers
// answer.
const phoneish = fc.stringMatching(/^[0-9+\-() .]{0,24}$/);

describe('fuzz: numbers', () => {
  it('never throws, and what it accepts has the region format and is stable', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), phoneish),
        fc.constantFrom('in' as const, 'intl' as const),
        (input, region) => {
          const r = normalizeNumber(input, region);
          if (!r.ok) {
            expect(r.message.length).toBeGreaterThan(0);
            return;
          }
          expect(r.value).toMatch(region === 'in' ? /^0\d{10}$/ : /^\+\d{8,15}$/);
          expect(normalizeNumber(r.value, region)).toEqual(r);
        },
      ),
      { seed: FUZZ_SEED, numRuns: runs(10_000) },
    );
  });
});

describe('fuzz: ucid', () => {
  it('either finds only digits of a sane length or throws a typed InvalidInput', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z:/?=&"{} 0-9]{0,80}$/)), (text) => {
        try {
          expect(parseUcid(text)).toMatch(/^\d{6,30}$/);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).kind).toBe('InvalidInput');
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(10_000) },
    );
  });

  it('finds a ucid wherever it is labelled', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{9,19}$/), fc.string({ maxLength: 20 }), (ucid, noise) => {
        expect(parseUcid(`${noise.replace(/\d/g, '')} {"ucid":"${ucid}"}`)).toBe(ucid);
      }),
      { seed: FUZZ_SEED, numRuns: runs(2_000) },
    );
  });
});

describe('fuzz: server answers', () => {
  it('any body either reads as an outcome or fails with a typed error, never a raw exception', () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constant('<html><body>502 Bad Gateway</body></html>'),
      fc.record({ status: fc.string(), message: fc.string() }).map((o) => JSON.stringify(o)),
      fc
        .record({ status: fc.string(), message: fc.string() })
        .map((o) => `<response><status>${o.status}</status><message>${o.message}</message></response>`),
    );
    fc.assert(
      fc.property(
        body,
        fc.constantFrom(200, 400, 500, 502),
        fc.constantFrom('application/json', 'text/xml', 'text/html'),
        (text, status, contentType) => {
          try {
            const outcome = expectSuccess({ status, body: text, contentType });
            expect(outcome.status.toLowerCase()).toMatch(/^(success|queued)$/);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).message.length).toBeLessThan(600);
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: runs(3_000) },
    );
  });
});

describe('fuzz: redaction', () => {
  it('no api_key or token value survives redactUrl', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/).map((s) => `K${s}Z`);
    fc.assert(
      fc.property(
        secret,
        fc.constantFrom('api_key', 'apiKey', 'token'),
        fc.string({ maxLength: 12 }),
        (value, name, other) => {
          const url = new URL('https://in1-ccaas-api.ozonetel.com/callcontrol_v4.php');
          url.searchParams.set('action', 'HOLD');
          url.searchParams.set(name, value);
          url.searchParams.set('note', other);
          expect(redactUrl(url.toString())).not.toContain(value);
        },
      ),
      { seed: FUZZ_SEED, numRuns: runs(2_000) },
    );
  });
});
