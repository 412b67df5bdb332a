import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const LOCK = join(ROOT, 'out/.e2e-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Builds the app with electron-vite (main, preload, renderer). While main or preload do not build (they are
 * written in parallel), falls back to the renderer section of the same electron.vite.config.ts.
 * Returns which build ran, for the log.
 */
async function build(): Promise<'electron-vite' | 'renderer-only'> {
  try {
    await promisify(execFile)('npx', ['electron-vite', 'build'], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    return 'electron-vite';
  } catch {
    const { resolveConfig } = await import('electron-vite');
    const { build: viteBuild } = await import('vite');
    const resolved = await resolveConfig({ root: ROOT, logLevel: 'warn' }, 'build', 'production');
    const renderer = resolved.config?.renderer;
    if (!renderer) throw new Error('electron.vite.config.ts has no renderer section.');
    await viteBuild(renderer);
    return 'renderer-only';
  }
}

/** A directory lock, so two suites started at once (e.g. by two people) do not build over each other. */
export async function withLock<T>(run: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds once and copies the renderer to a private directory for this run: a rebuild started by someone
 * else mid-run cannot swap files under a test.
 */
export async function buildRendererForRun(): Promise<{ dir: string; how: string }> {
  return withLock(async () => {
    const how = await build();
    if (!existsSync(join(RENDERER_OUT, 'index.html')))
      throw new Error(`The build left no ${RENDERER_OUT}/index.html.`);
    const dir = mkdtempSync(join(tmpdir(), 'confbar-renderer-'));
    cpSync(RENDERER_OUT, dir, { recursive: true });
    return { dir, how };
  });
}
