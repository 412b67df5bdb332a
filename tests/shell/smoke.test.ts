import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootMain, until } from './boot';

describe('--smoke: the release workflow launches each unpacked app once (Electron double)', () => {
  it('loads main and the native keychain module, says so, and exits 0 without a window', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'confbar-smoke-')), 'smoke.txt');
    process.argv.push(`--smoke=${out}`);
    const { double } = await bootMain();
    double.ready();
    await until(() => double.journal.includes('app.exit:0'), 'the smoke run to exit');
    const line = readFileSync(out, 'utf8');
    expect(line).toMatch(
      /^ConfBar 0\.0\.0-double smoke ok: main file:\/\/\S+\/out\/main\/index\.js, keytar loaded/,
    );
    expect(line).toContain(`(${process.platform}-${process.arch})\n`);
    expect(double.windows()).toEqual([]);
    expect(double.journal).not.toContain('app.requestSingleInstanceLock');
  });
});
