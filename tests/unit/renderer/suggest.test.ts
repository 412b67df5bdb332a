import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact, RecentNumber } from '../../../shared/settings';
import { loadPhoneRules } from '../../../renderer/src/lib/phone';
import { suggest } from '../../../renderer/src/lib/suggest';

// The toolbar loads its number rules after the first paint; these cases are about what follows.
beforeAll(() => loadPhoneRules());

const contact = (id: string, label: string, number: string, slot: number | null = null): Contact => ({
  id,
  label,
  number,
  sip: false,
  slot,
});
const recent = (number: string, label?: string, sip = false): RecentNumber => ({
  number,
  sip,
  at: 0,
  ...(label ? { label } : {}),
});

const DIRECTORY = [
  contact('1', 'Priya Supervisor', '98111 12222'),
  contact('2', 'Billing desk', '+91 98222 23333', 2),
  contact('3', 'Aarav Escalations', '09833334444', 1),
];
// The first two are directory lines spelt another way; the rest are not in the directory.
const RECENT = [
  recent('09811112222', 'Priya'),
  recent('9822223333'),
  recent('09855556666'),
  recent('09866667777', 'Courier'),
];

const labels = (query: string, limit?: number) =>
  suggest(query, DIRECTORY, RECENT, 'in', limit).map((s) => `${s.source}:${s.label}`);

describe('suggest: directory and recent numbers as the agent types', () => {
  it('with no query lists the directory by speed-dial slot then name, then recent numbers not in it', () => {
    expect(labels('')).toEqual([
      'directory:Aarav Escalations',
      'directory:Billing desk',
      'directory:Priya Supervisor',
      'recent:09855556666',
      'recent:Courier',
    ]);
  });

  it('matches names case-insensitively, anywhere in the name', () => {
    expect(labels('PRIYA')).toEqual(['directory:Priya Supervisor']);
    expect(labels('desk')).toEqual(['directory:Billing desk']);
    expect(labels('cour')).toEqual(['recent:Courier']);
  });

  it('matches numbers by their digits, whatever the spacing or prefix', () => {
    expect(labels('98222')).toEqual(['directory:Billing desk']);
    expect(labels('98111-1222')).toEqual(['directory:Priya Supervisor']);
    expect(labels('(0985) 5556')).toEqual(['recent:09855556666']);
  });

  it('compares digits only when the query is a number of three digits or more', () => {
    expect(labels('1-2')).toEqual([]);
    expect(labels('desk 98222')).toEqual([]);
    expect(labels('nobody')).toEqual([]);
  });

  it('never offers a recent number whose line is in the directory, however either is spelt', () => {
    const lines = suggest('', DIRECTORY, RECENT, 'in').map((s) => s.number);
    expect(lines).not.toContain('09811112222');
    expect(lines).not.toContain('9822223333');
    // SIP addresses compare as addresses, not digits.
    const sip = suggest(
      '',
      [{ ...contact('4', 'Bridge', 'Desk@PBX.example.com'), sip: true }],
      [recent('desk@pbx.example.com', undefined, true), recent('desk2@pbx.example.com', undefined, true)],
      'in',
    );
    expect(sip.map((s) => s.number)).toEqual(['Desk@PBX.example.com', 'desk2@pbx.example.com']);
  });

  it('keeps what is needed to dial the pick, and stops at the limit', () => {
    const [first] = suggest('billing', DIRECTORY, RECENT, 'in');
    expect(first).toMatchObject({ source: 'directory', slot: 2, pick: DIRECTORY[1] });
    expect(labels('', 2)).toEqual(['directory:Aarav Escalations', 'directory:Billing desk']);
    const many = Array.from({ length: 10 }, (_, i) => recent(`0981111000${i}`));
    expect(suggest('', [], many, 'in')).toHaveLength(6);
  });

  it('finds nothing in empty lists', () => {
    expect(suggest('priya', [], [], 'in')).toEqual([]);
  });
});
