import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronegativity, explainedFindings, ROOT } from './run';

const SCANNED = ['electron', 'renderer', 'shared'];

describe('Electronegativity', () => {
  it('finds nothing in electron/, renderer/ and shared/ that docs/SECURITY.md does not explain', () => {
    const findings = electronegativity(ROOT, SCANNED);
    const explained = explainedFindings(fs.readFileSync(path.join(ROOT, 'docs', 'SECURITY.md'), 'utf8'));
    const key = (f: { check: string; file: string }) => `${f.check} ${f.file}`;
    const unexplained = findings.filter((f) => !explained.some((e) => key(e) === key(f)));
    expect(unexplained, 'explain each in docs/SECURITY.md, or fix it').toEqual([]);
    // An explanation for something no longer found is stale: remove it from the table.
    const stale = explained.filter((e) => !findings.some((f) => key(f) === key(e)));
    expect(stale).toEqual([]);
    for (const e of explained) expect(e.why.length).toBeGreaterThan(40);
  });

  it('does report a bare app: a window with the sandbox off, no navigation or permission handlers', () => {
    const fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-eneg-fixture-'));
    try {
      fs.mkdirSync(path.join(fixture, 'electron'));
      fs.writeFileSync(
        path.join(fixture, 'electron', 'bad.js'),
        [
          "const { BrowserWindow } = require('electron');",
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        ].join('\n'),
      );
      const checks = electronegativity(fixture, ['electron']).map((f) => f.check);
      expect(checks).toEqual(
        expect.arrayContaining([
          'SANDBOX_JS_CHECK',
          'LIMIT_NAVIGATION_GLOBAL_CHECK',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        ]),
      );
    } finally {
      fs.rmSync(fixture, { recursive: true, force: true });
    }
  });
});
