import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InlineConfig, Rollup } from 'vite';

/**
 * What the preload and the toolbar carry, from the real build config (electron.vite.config.ts), built in
 * memory. zod and libphonenumber are most of the weight a renderer can pick up by one wrong import.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
// Property names zod 4 and libphonenumber's metadata keep through minification.
const ZOD_MARK = '_zod';
const PHONE_METADATA_MARK = 'country_calling_codes';

type Chunk = Rollup.OutputChunk;

async function buildInMemory(section: 'renderer' | 'preload'): Promise<Chunk[]> {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ root: ROOT, logLevel: 'silent' }, 'build', 'production');
  const config = resolved.config?.[section] as InlineConfig | undefined;
  if (!config) throw new Error(`electron.vite.config.ts has no ${section} section.`);
  const out = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: false } });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output.filter((f): f is Chunk => f.type === 'chunk'));
}

/** The entry chunk and everything it imports statically: what loads before the toolbar can answer. */
function initialChunks(chunks: Chunk[]): Chunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (c: Chunk): void => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const dep of c.imports) {
      const next = byName.get(dep);
      if (next) visit(next);
    }
  };
  chunks.filter((c) => c.isEntry).forEach(visit);
  return chunks.filter((c) => seen.has(c.fileName));
}

describe('the renderer bundle', () => {
  let chunks: Chunk[];
  beforeAll(async () => {
    chunks = await buildInMemory('renderer');
  }, 120_000);

  it('contains no zod in any chunk', () => {
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((c) => c.code.includes(ZOD_MARK)).map((c) => c.fileName)).toEqual([]);
  });

  it('loads the phone-number metadata only after the first paint, in a chunk of its own', () => {
    const initial = initialChunks(chunks);
    expect(initial.filter((c) => c.code.includes(PHONE_METADATA_MARK)).map((c) => c.fileName)).toEqual([]);
    const lazy = chunks.filter((c) => !initial.includes(c) && c.code.includes(PHONE_METADATA_MARK));
    expect(lazy).toHaveLength(1);
  });

  it('is minified', () => {
    const entry = chunks.find((c) => c.isEntry)!;
    const lines = entry.code.split('\n').length;
    expect(entry.code.length / lines).toBeGreaterThan(1000);
  });
});

describe('the preload bundle', () => {
  it('contains no zod (it maps names to channels; main validates)', async () => {
    const chunks = await buildInMemory('preload');
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(c.code).not.toContain(ZOD_MARK);
  }, 120_000);
});
