import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const VALIDATOR = join(ROOT, 'node_modules/.bin/action-validator');

function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(VALIDATOR, [file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
const read = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');

describe('GitHub workflows', () => {
  it.each(readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')))('%s passes action-validator', (name) => {
    const r = validate(join(WORKFLOWS, name));
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('action-validator does reject a broken workflow', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'confbar-wf-')), 'bad.yml');
    writeFileSync(
      file,
      'on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(validate(file).status).not.toBe(0);
  });

  it('ci.yml runs the whole npm test on Linux under a virtual display', () => {
    const ci = read('ci.yml');
    expect(ci).toMatch(/runs-on: ubuntu-latest/);
    expect(ci).toMatch(/run: npm ci/);
    expect(ci).toMatch(/xvfb-run -a npm test/);
  });

  it('release.yml builds on all three systems, runs the Electron e2e suite, signs from secrets and publishes', () => {
    const rel = read('release.yml');
    for (const os of ['ubuntu-latest', 'windows-latest', 'macos-latest']) expect(rel).toContain(`os: ${os}`);
    expect(rel).toMatch(/xvfb-run -a npx vitest run --config vitest\.electron\.config\.ts/);
    expect(rel).toMatch(/accessSync\(require\('electron'\)\)/); // the e2e suite cannot quietly skip
    for (const secret of [
      'WIN_CSC_LINK',
      'AZURE_CLIENT_SECRET',
      'MAC_CSC_LINK',
      'APPLE_API_KEY_P8',
      'APPLE_API_ISSUER',
    ]) {
      expect(rel).toContain(`secrets.${secret}`);
    }
    expect(rel).toContain('vars.CONFBAR_UPDATE_URL');
    expect(rel).toMatch(/needs: build/);
    expect(rel).toMatch(/upload-artifact/);
  });
});
