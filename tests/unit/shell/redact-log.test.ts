import { describe, expect, it } from 'vitest';
import { redactLogValue, redactText } from '../../../electron/shell/redact-log';

const KEY = 'KXAB12cdEF34ghIJ';

describe('redactText', () => {
  it.each([
    `GET https://in1-ccaas-api.ozonetel.com/callcontrol_v4.php?action=MUTE&api_key=${KEY}&ucid=1`,
    `Authorization: Bearer ${KEY}`,
    `headers {"apiKey":"${KEY}","Content-Type":"application/json"}`,
    `token=${KEY}`,
    `apiKey: ${KEY}`,
  ])('masks the secret in %s', (text) => {
    const out = redactText(text);
    expect(out).not.toContain(KEY);
    expect(out).toContain('***');
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('MUTE for ucid 1234567 took 120 ms')).toBe('MUTE for ucid 1234567 took 120 ms');
  });
});

describe('redactLogValue', () => {
  it('masks secret-named fields at any depth and strings inside values', () => {
    const out = redactLogValue({
      account: {
        userName: 'agent1',
        apiKey: KEY,
        nested: [{ token: KEY, url: `https://h/x?apiKey=${KEY}` }],
      },
      Authorization: `Bearer ${KEY}`,
    });
    expect(JSON.stringify(out)).not.toContain(KEY);
    expect(out).toMatchObject({ account: { userName: 'agent1', apiKey: '***' }, Authorization: '***' });
  });

  it('masks Error messages and stacks without touching the original', () => {
    const error = new Error(`request failed: ?api_key=${KEY}`);
    const out = redactLogValue(error) as Error;
    expect(out).toBeInstanceOf(Error);
    expect(out.message).not.toContain(KEY);
    expect(out.stack ?? '').not.toContain(KEY);
    expect(error.message).toContain(KEY);
  });

  it('survives cycles and keeps non-string primitives', () => {
    const a: Record<string, unknown> = { n: 1, ok: true, none: null };
    a.self = a;
    expect(redactLogValue(a)).toEqual({ n: 1, ok: true, none: null, self: '[circular]' });
  });
});
