import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeNumber } from '../../../shared/phone';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { ContactSchema, SettingsSchema } from '../../../shared/settings-schema';
import { csvRow } from '../../../electron/core/csv';
import { createMemoryBackend } from '../../../electron/core/settings/backend';
import { createConfBackend } from '../../../electron/core/settings/conf-backend';
import { DIRECTORY_MAX } from '../../../electron/core/settings/directory';
import { createFilePolicySource } from '../../../electron/core/settings/policy';
import { createSettingsStore } from '../../../electron/core/settings/store';
import { FUZZ_SEED, runs } from '../support/budget';
import { anythingHostile, expectNoPollution, pollution } from '../support/payloads';

// What reaches ConfBar as a file: a directory CSV to import, the admin policy, and the settings file as
// someone may have edited it. Nothing may throw, pollute a prototype or leave settings that are invalid.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-fuzz-files-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^(\+91 ?|0)?9\d{9}$/),
  fc.constantFrom('', 'yes', 'no', 'sip', '1', '9', '10', '=cmd|"/c calc"!A1', "'+919845012345", 'a@b.c'),
);
const row = fc.array(cell, { minLength: 0, maxLength: 6 });
const csvText = fc.oneof(
  fc.array(row, { maxLength: 30 }).map((rows) => rows.map((r) => csvRow(r)).join('')),
  fc
    .array(row, { maxLength: 30 })
    .map((rows) => ['label,number,sip,slot', ...rows.map((r) => r.join(','))].join('\n')),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.constantFrom('"unterminated', 'a,"b\n', '\ufeff"x"",y', ',,,,\n,,,', 'label,number\n'.repeat(3)),
);

function storeWithDirectory(count: number) {
  const directory = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    label: `C${i}`,
    number: `09845${String(100000 + i)}`,
    sip: false,
    slot: i < 9 ? i + 1 : null,
  }));
  let n = 0;
  return createSettingsStore({
    backend: createMemoryBackend({ version: 1, directory }),
    newId: () => `n${++n}`,
    warn: () => {},
  });
}

describe('fuzz: files', () => {
  it('CSV import: every row is added or reported, and the directory stays valid and dialable', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(0, 5, DIRECTORY_MAX - 3), (text, existing) => {
        const store = storeWithDirectory(existing);
        const { added, rejected } = store.importDirectoryCsv(text);
        expectNoPollution();
        const { directory } = store.get().settings;
        expect(SettingsSchema.shape.directory.safeParse(directory).success).toBe(true);
        expect(directory.length).toBeLessThanOrEqual(DIRECTORY_MAX);
        expect(directory.length).toBe(existing + added.length);
        for (const c of added) {
          expect(ContactSchema.safeParse(c).success).toBe(true);
          expect(normalizeNumber(c.number, 'in', { sip: c.sip }).ok).toBe(true);
        }
        for (const r of rejected) {
          expect(r.line).toBeGreaterThan(0);
          expect(r.reason.length).toBeLessThan(400);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(1_000) },
    );
  });

  it('the policy file: ignored with a reason, or applied with valid values only', () => {
    const file = path.join(dir, 'policy.json');
    const validish = fc.record(
      {
        account: fc.record(
          { region: fc.constantFrom('in', 'intl', 'eu'), timeoutMs: fc.integer() },
          { requiredKeys: [] },
        ),
        behaviour: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })),
        directory: fc.array(fc.record({ id: fc.string(), label: fc.string(), number: fc.string() }), {
          maxLength: 3,
        }),
        window: fc.constant(null),
      },
      { requiredKeys: [] },
    );
    const content = fc.oneof(
      validish.map((v) => JSON.stringify(v)),
      pollution.map((p) => JSON.stringify(p)),
      fc.constant('{"__proto__":{"confbarPolluted":1},"account":{"region":"intl"}}'),
      fc.constant('{"account":{"__proto__":{"confbarPolluted":1},"region":"in"}}'),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      fc.constant(''),
    );
    fc.assert(
      fc.property(content, (text) => {
        fs.writeFileSync(file, text);
        const policy = createFilePolicySource({ path: file }).load();
        expectNoPollution();
        if (policy.error !== null) {
          expect(policy.locked).toEqual([]);
          expect(policy.error.length).toBeLessThan(2_000);
        }
        const store = createSettingsStore({
          backend: createMemoryBackend({ version: 1 }),
          policy: { load: () => policy },
          warn: () => {},
        });
        expect(SettingsSchema.safeParse(store.get().settings).success).toBe(true);
        expectNoPollution();
      }),
      { seed: FUZZ_SEED, numRuns: runs(2_000) },
    );
  });

  it('a tampered settings file on disk: moved aside or repaired, never a crash or invalid settings', () => {
    const base = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Record<string, unknown>;
    const tampered = fc.oneof(
      // One section or field replaced by something hostile.
      fc
        .tuple(
          fc.constantFrom(
            'account',
            'behaviour',
            'demo',
            'shortcuts',
            'directory',
            'recent',
            'window',
            'version',
            'apiKey',
          ),
          anythingHostile,
        )
        .map(([key, value]) => {
          try {
            return JSON.stringify({ ...base, [key]: value });
          } catch {
            return JSON.stringify(base);
          }
        }),
      fc.constant(`{"version":1,"__proto__":{"confbarPolluted":1},"account":{"apiKey":"x"}}`),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      fc.constant(JSON.stringify(base).slice(0, 40)),
    );
    let n = 0;
    fc.assert(
      fc.property(tampered, (text) => {
        const cwd = path.join(dir, `settings-${n++}`);
        fs.mkdirSync(cwd);
        fs.writeFileSync(path.join(cwd, 'config.json'), text);
        const store = createSettingsStore({
          backend: createConfBackend({ cwd, projectName: 'confbar' }),
          warn: () => {},
        });
        const { settings } = store.get();
        expectNoPollution();
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        expect(JSON.stringify(settings)).not.toMatch(/apiKey/i);
        fs.rmSync(cwd, { recursive: true, force: true });
      }),
      { seed: FUZZ_SEED, numRuns: runs(100) },
    );
  });
});
