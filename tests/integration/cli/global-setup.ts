import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's build of the CLI (a cli-test folder under out/). */
    cliPath: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Builds the CLI once per run with the shipped config (vite.cli.config.ts, as `npm run build:cli`) into a
 * folder of the run's own, so two runs never race on out/cli. The folder is inside the repo, so the bundle
 * resolves node_modules as the shipped one does. Only the subprocess smoke tests need it.
 */
export default function setup(project: import('vitest/node').TestProject): () => void {
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(ROOT, 'out', 'cli-test-'));
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
  project.provide('cliPath', path.join(outDir, 'confbar.js'));
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
