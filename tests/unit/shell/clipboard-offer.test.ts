import { describe, expect, it } from 'vitest';
import { clipboardOffer, clipboardUcid } from '../../../electron/shell/clipboard-offer';

describe('clipboardUcid', () => {
  it.each([
    ['1234567890', '1234567890'],
    ['  1234567890\n', '1234567890'],
    ['https://crm.example/calls?ucid=99887766&agent=7', '99887766'],
    ['{"ucid": "5566778899", "did": "08012345678"}', '5566778899'],
  ])('finds the ucid in %j', (text, ucid) => {
    expect(clipboardUcid(text)).toBe(ucid);
  });

  it.each([
    ['a phone number in text', 'Call the customer at 09876543210 please'],
    ['a short number', '12345'],
    ['words', 'hello'],
    ['empty', ''],
    ['a formatted phone number', '+91 98765 43210'],
    ['a huge paste', `ucid=1234567 ${'x'.repeat(5000)}`],
  ])('finds none in %s', (_what, text) => {
    expect(clipboardUcid(text)).toBeNull();
  });
});

describe('clipboardOffer', () => {
  const ctx = { enabled: true, liveSession: false, lastOffered: null };

  it('offers a ucid as an info toast', () => {
    const offer = clipboardOffer('1234567890', ctx);
    expect(offer?.ucid).toBe('1234567890');
    expect(offer?.toast).toMatchObject({ level: 'info' });
    expect(offer?.toast.message).toContain('1234567890');
    // The same offer path as a deep link during a call: a button and a key, nothing opened by itself.
    expect(offer?.toast.offer).toEqual({ ucid: '1234567890', label: 'Open call 1234567890' });
  });

  it('does not offer when off, during a live call, or the same ucid again', () => {
    expect(clipboardOffer('1234567890', { ...ctx, enabled: false })).toBeNull();
    expect(clipboardOffer('1234567890', { ...ctx, liveSession: true })).toBeNull();
    expect(clipboardOffer('1234567890', { ...ctx, lastOffered: '1234567890' })).toBeNull();
    expect(clipboardOffer('2234567890', { ...ctx, lastOffered: '1234567890' })?.ucid).toBe('2234567890');
  });
});
