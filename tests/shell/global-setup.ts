import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { withLock } from '../e2e/build-renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's copy of the electron-vite build (out/main, out/preload, out/renderer) and resources. */
    shellBuildDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds main, preload and renderer with electron-vite (no fallback: this suite is about the built main
 * bundle) and copies them to a private directory inside the project, so bare imports in the bundle resolve
 * from the project's node_modules and a rebuild started elsewhere cannot swap files mid-run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = join(ROOT, 'tests/artifacts/shell-build', String(process.pid));
  await withLock(async () => {
    await promisify(execFile)('npx', ['electron-vite', 'build'], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    for (const part of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
      if (!existsSync(join(ROOT, 'out', part))) throw new Error(`The build left no out/${part}.`);
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'out'), join(dir, 'out'), {
      recursive: true,
      filter: (src) => !src.includes('.e2e-build.lock'),
    });
    cpSync(join(ROOT, 'resources'), join(dir, 'resources'), { recursive: true });
  });
  console.log('[shell] main-process suite: the built bundle runs in plain Node against an Electron DOUBLE;');
  console.log('[shell] it does not start Electron and never counts as the Electron e2e suite.');
  project.provide('shellBuildDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
