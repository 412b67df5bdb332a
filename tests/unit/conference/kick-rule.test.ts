import { describe, expect, it } from 'vitest';
import { planKick } from '../../../electron/core/conference/kick-rule';

describe('planKick', () => {
  it('sends the agent number by default (the documented rule) and drops every third party', () => {
    expect(planKick('agent', '09800000001', '09811112222')).toEqual({
      conferenceNumber: '09800000001',
      drops: 'all',
    });
  });
  it('sends the participant number when the advanced setting asks for it', () => {
    expect(planKick('participant', '09800000001', '09811112222')).toEqual({
      conferenceNumber: '09811112222',
      drops: 'one',
    });
  });
  it('always uses the agent number to end the agent conference', () => {
    expect(planKick('participant', '09800000001', null)).toEqual({
      conferenceNumber: '09800000001',
      drops: 'all',
    });
  });
});
