import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildRendererForRun } from './build-renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's copy of the built renderer (index.html and assets). */
    rendererDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const { dir, how } = await buildRendererForRun();
  console.log(`[e2e] renderer built (${how}); serving a copy from ${dir}`);
  project.provide('rendererDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
