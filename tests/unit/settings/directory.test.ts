import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { parseCsv } from '../../../electron/core/csv';
import { DIRECTORY_MAX, IMPORT_MAX_ROWS } from '../../../electron/core/settings/directory';
import { createSettingsStore } from '../../../electron/core/settings/store';
import type { Contact } from '../../../shared/settings';
import { appErrorOf } from '../../support/app-error';

function setup(region: 'in' | 'intl' = 'in', directory: Contact[] = []) {
  let n = 0;
  const store = createSettingsStore({
    backend: createMemoryBackend({ version: 1, account: { region }, directory }),
    newId: () => `c${++n}`,
    warn: () => {},
  });
  return store;
}

/** `count` saved contacts C0, C1, … with numbers 09845100000, 09845100001, … */
function saved(count: number): Contact[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    label: `C${i}`,
    number: `09845${String(100000 + i)}`,
    sip: false,
    slot: null,
  }));
}

describe('directory operations', () => {
  it('adds contacts, keeping the number as typed', () => {
    const store = setup();
    const c = store.addContact({ label: ' Supervisor ', number: '+91 98450 12345', slot: 1 });
    expect(c).toEqual({ id: 'c1', label: 'Supervisor', number: '+91 98450 12345', sip: false, slot: 1 });
    expect(store.get().settings.directory).toEqual([c]);
  });

  it('rejects numbers not dialable in the current region, saying why', () => {
    const store = setup('in');
    const e = appErrorOf(() => store.addContact({ label: 'US', number: '+14155550123' }));
    expect(e.kind).toBe('InvalidInput');
    expect(e.message).toBe('number: Only Indian numbers (+91) can be dialled on the India instance.');
    expect(appErrorOf(() => store.addContact({ label: 'Short', number: '12345' })).message).toMatch(
      /^number: An Indian number has 10 digits/,
    );
    expect(store.addContact({ label: 'Bridge', number: 'bridge@sip.example.com', sip: true }).sip).toBe(true);
    expect(
      appErrorOf(() => store.addContact({ label: 'Bad SIP', number: 'not a sip', sip: true })).message,
    ).toMatch(/not a SIP address/);
  });

  it('rejects an empty label naming the field', () => {
    expect(appErrorOf(() => setup().addContact({ label: '  ', number: '9845012345' })).message).toBe(
      'label: must not be empty',
    );
  });

  it('rejects the same number twice, however it is written', () => {
    const store = setup();
    store.addContact({ label: 'A', number: '09845012345' });
    expect(appErrorOf(() => store.addContact({ label: 'B', number: '+91-98450-12345' })).message).toBe(
      'number: +91-98450-12345 is already in the directory as "A"',
    );
  });

  it('keeps speed-dial slots unique', () => {
    const store = setup();
    const a = store.addContact({ label: 'A', number: '9845012345', slot: 3 });
    const b = store.addContact({ label: 'B', number: '9845012346' });
    const clash = appErrorOf(() => store.updateContact(b.id, { slot: 3 }));
    expect(clash.message).toBe('slot: speed-dial 3 is already assigned to "A"; free it first');
    expect(appErrorOf(() => store.addContact({ label: 'C', number: '9845012347', slot: 3 })).message).toMatch(
      /speed-dial 3/,
    );
    expect(appErrorOf(() => store.updateContact(b.id, { slot: 10 })).message).toBe('slot: must be at most 9');
    store.updateContact(a.id, { slot: null });
    expect(store.updateContact(b.id, { slot: 3 }).slot).toBe(3);
    expect(store.updateContact(b.id, { slot: 3 }).slot).toBe(3); // re-assigning its own slot is fine
  });

  it('still allows renaming a contact saved under another region, but not re-numbering it badly', () => {
    const store = createSettingsStore({ backend: createMemoryBackend({ version: 1 }), warn: () => {} });
    const c = store.addContact({ label: 'Local', number: '9845012345' });
    store.update({ account: { region: 'intl' } });
    expect(store.updateContact(c.id, { label: 'Local office' }).label).toBe('Local office');
    expect(appErrorOf(() => store.updateContact(c.id, { number: '9845012346' })).message).toMatch(
      /^number: International numbers/,
    );
  });

  it('updates and removes contacts', () => {
    const store = setup();
    const a = store.addContact({ label: 'A', number: '9845012345' });
    expect(store.updateContact(a.id, { label: 'Alpha', slot: 9 })).toMatchObject({
      label: 'Alpha',
      slot: 9,
      number: '9845012345',
    });
    expect(appErrorOf(() => store.updateContact(a.id, { number: 'abc' })).message).toMatch(
      /^number: .*letters/,
    );
    expect(appErrorOf(() => store.updateContact('nope', { label: 'x' })).message).toMatch(
      /No contact with id "nope"/,
    );
    expect(store.removeContact(a.id)).toBe(true);
    expect(store.removeContact(a.id)).toBe(false);
    expect(store.get().settings.directory).toEqual([]);
  });
});

describe('directory CSV', () => {
  it('imports good rows and reports bad ones by line', () => {
    const store = setup();
    store.addContact({ label: 'Existing', number: '9845099999', slot: 5 });
    const csv = [
      'label,number,sip,slot',
      'Supervisor,09845012345,,1',
      '"Smith, J",+91 98450 12346,no,',
      'Letters,98450ABCDE,,',
      'Taken slot,9845012347,,5',
      '',
      'Bridge,room@sip.example.com,yes,',
      'Dup,9845012345,,',
      'Bad slot,9845012348,,12',
      '"Multi',
      'line",9845012349,,',
    ].join('\r\n');
    const { added, rejected } = store.importDirectoryCsv(csv);
    expect(added.map((c) => [c.label, c.number, c.sip, c.slot])).toEqual([
      ['Supervisor', '09845012345', false, 1],
      ['Smith, J', '+91 98450 12346', false, null],
      ['Bridge', 'room@sip.example.com', true, null],
      ['Multi\r\nline', '9845012349', false, null],
    ]);
    expect(rejected).toEqual([
      { line: 4, reason: expect.stringMatching(/^number: .*letters/) },
      { line: 5, reason: 'slot: speed-dial 5 is already assigned to "Existing"; free it first' },
      { line: 8, reason: 'number: 9845012345 is already in the directory as "Supervisor"' },
      { line: 9, reason: 'slot: "12" is not a speed-dial slot from 1 to 9' },
    ]);
    expect(store.get().settings.directory).toHaveLength(5);
  });

  it('accepts headerless files and header columns in any order', () => {
    const store = setup();
    expect(store.importDirectoryCsv('A,9845012345\nB,9845012346,false,2\n').added).toHaveLength(2);
    const r = store.importDirectoryCsv('number,label\n9845012347,C\n');
    expect(r.added.map((c) => c.label)).toEqual(['C']);
  });

  it('exports RFC 4180 with formula cells guarded, and imports its own export back', () => {
    const store = setup('intl');
    store.addContact({ label: '=HYPERLINK("x")', number: '+14155550123', slot: 2 });
    store.addContact({ label: 'Ops "night"', number: '+14155550124' });
    const csv = store.exportDirectoryCsv();
    expect(csv.split('\r\n')).toEqual([
      'label,number,sip,slot',
      `"'=HYPERLINK(""x"")","'+14155550123",false,2`,
      `"Ops ""night""","'+14155550124",false,`,
      '',
    ]);
    const other = setup('intl');
    const { added, rejected } = other.importDirectoryCsv(csv);
    expect(rejected).toEqual([]);
    expect(added.map((c) => [c.label, c.number, c.slot])).toEqual([
      ['=HYPERLINK("x")', '+14155550123', 2],
      ['Ops "night"', '+14155550124', null],
    ]);
  });

  it('stops when the directory is full and says which rows were left', () => {
    const store = setup('in', saved(DIRECTORY_MAX - 2));
    const rows = Array.from({ length: 5 }, (_, i) => `New ${i},09811${String(100000 + i)}`).join('\n');
    const { added, rejected } = store.importDirectoryCsv(rows);
    expect(added.map((c) => c.label)).toEqual(['New 0', 'New 1']);
    expect(rejected).toEqual([
      {
        line: 3,
        reason: `The directory is full (${DIRECTORY_MAX} contacts). This row and the rest were not imported.`,
      },
    ]);
    expect(store.get().settings.directory).toHaveLength(DIRECTORY_MAX);
  });

  it('reads at most IMPORT_MAX_ROWS rows and reports the rest in one line', () => {
    const store = setup();
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 3 }, () => 'Dup,09845012345').join('\n');
    const { added, rejected } = store.importDirectoryCsv(rows);
    expect(added).toHaveLength(1);
    expect(rejected).toHaveLength(IMPORT_MAX_ROWS);
    expect(rejected.at(-1)).toEqual({
      line: IMPORT_MAX_ROWS + 1,
      reason: 'Only the first 10,000 rows are read; this row and the rest were not imported.',
    });
  });

  it('checks thousands of duplicate rows against a nearly full directory, each against the set', () => {
    const store = setup('in', saved(DIRECTORY_MAX - 1));
    const rows = Array.from({ length: 5000 }, (_, i) => `D${i},+91 9845 ${String(100000 + (i % 499))}`).join(
      '\n',
    );
    const { added, rejected } = store.importDirectoryCsv(rows);
    expect(added).toEqual([]);
    expect(rejected).toHaveLength(5000);
    expect(rejected[0]).toEqual({
      line: 1,
      reason: 'number: +91 9845 100000 is already in the directory as "C0"',
    });
  });

  it('does not quote a huge cell back in its report', () => {
    const { rejected } = setup().importDirectoryCsv(`A,09845012345,${'y'.repeat(100_000)}`);
    expect(rejected).toEqual([{ line: 1, reason: `sip: "${'y'.repeat(37)}..." is not yes/no` }]);
  });

  it('reports an unterminated quote', () => {
    expect(parseCsv('a,b\n"open,1\n2')).toEqual({
      records: [{ line: 1, cells: ['a', 'b'] }],
      errors: [{ line: 2, reason: 'a quoted field is never closed' }],
      stoppedAt: null,
    });
    expect(parseCsv('\ufeffx,"y"\r\n\r\n')).toEqual({
      records: [{ line: 1, cells: ['x', 'y'] }],
      errors: [],
      stoppedAt: null,
    });
  });
});
