#!/usr/bin/env node
// `npm test`: lint, typecheck, unit + integration (with a real keychain when one can be started), the security
// proofs (fuzzing, fault matrix, secret scan, Electronegativity), browser e2e, Electron e2e (skipped with the
// reason where no Electron binary exists), then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2]; // 'e2e' runs the browser suite alone
const reports = join('tests', 'artifacts', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = [];

function run(name, cmd, args, opts = {}) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  results.push({ name, ok, counts: opts.report ? readCounts(opts.report) : null });
  return ok;
}

function readCounts(file) {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: j.numPassedTests ?? 0,
    failed: j.numFailedTests ?? 0,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  };
}

function vitest(name, config, report, wrapper, paths = []) {
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (config) args.push('--config', config);
  args.push(...paths);
  const [cmd, ...rest] = wrapper ? [...wrapper, 'npx', ...args] : ['npx', ...args];
  return run(name, cmd, rest, { report });
}

function keyringWrapper() {
  const probe = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], {
    stdio: 'ignore',
  });
  if (probe.status === 0) return ['bash', 'scripts/with-keyring.sh'];
  console.log('note: dbus-run-session or gnome-keyring-daemon missing: keychain tests will report skipped.');
  return null;
}

if (only !== 'e2e') {
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  run('format', 'npx', ['prettier', '--check', '.']);
  run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  for (const wf of ['ci.yml', 'release.yml'])
    run(`workflow ${wf}`, 'npx', ['action-validator', `.github/workflows/${wf}`]);
  vitest('unit+integration', null, join(reports, 'unit.json'), keyringWrapper());
  // The security proofs, one step each (CONFBAR_FUZZ_RUNS=10 fuzzes ten times as long).
  for (const [name, folder] of [
    ['fuzz', 'fuzz'],
    ['fault matrix', 'fault-matrix'],
    ['secret scan', 'secrets'],
    ['electronegativity', 'electronegativity'],
    ['certificate checks', 'tls'],
  ]) {
    const dir = join('tests', 'security', folder);
    vitest(name, 'vitest.security.config.ts', join(reports, `${folder}.json`), null, [dir]);
  }
}
vitest('browser e2e', 'vitest.e2e.config.ts', join(reports, 'e2e.json'));
if (only !== 'e2e') {
  // The built main bundle and preload in plain Node against an Electron double: not the Electron e2e suite.
  vitest('main (double)', 'vitest.shell.config.ts', join(reports, 'shell.json'), keyringWrapper());
  results.at(-1).note = 'against an Electron double, not Electron';
  vitest('electron e2e', 'vitest.electron.config.ts', join(reports, 'electron.json'));
  if (!existsSync(join('node_modules', 'electron', 'path.txt')))
    results.at(-1).note = 'skipped: no Electron binary';
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n=== Summary');
for (const r of results) {
  const c = r.counts;
  if (c) {
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  }
  const detail = c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : '';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(18)} ${detail}${r.note ? ` (${r.note})` : ''}`);
}
const stepFailures = results.filter((r) => !r.ok).length;
if (stepFailures && failed === 0) failed = stepFailures; // a failed lint/typecheck step counts too
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
