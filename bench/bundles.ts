import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = resolve(import.meta.dirname, '../out');

export interface BundleFigures {
  /** gzip -9 of the entry script and the chunks it imports statically (index.html loads only those). */
  initialJsGzipBytes: number;
  initialFiles: string[];
  lazyFiles: Array<{ file: string; gzipBytes: number }>;
  mainBytes: number;
  preloadBytes: number;
}

/** Sizes of the built app in out/ (npm run build). */
export function measureBundles(): BundleFigures {
  const html = join(OUT, 'renderer/index.html');
  if (!existsSync(html)) throw new Error('No out/renderer/index.html: run `npm run build` first.');
  const assets = join(OUT, 'renderer/assets');
  const entry = /<script[^>]+src="\.\/assets\/([^"]+\.js)"/.exec(readFileSync(html, 'utf8'))?.[1];
  if (!entry) throw new Error('out/renderer/index.html loads no script.');
  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    // Static imports only (`import ... from "./x.js"` / `import "./x.js"`); import("./x.js") loads later.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(m[1]!);
  };
  visit(entry);
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  return {
    initialJsGzipBytes: [...initial].reduce((sum, f) => sum + gz(f), 0),
    initialFiles: [...initial],
    lazyFiles: js.filter((f) => !initial.has(f)).map((file) => ({ file, gzipBytes: gz(file) })),
    mainBytes: statSync(join(OUT, 'main/index.js')).size,
    preloadBytes: statSync(join(OUT, 'preload/index.cjs')).size,
  };
}
