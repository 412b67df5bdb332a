import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Certificate checks are never switched off, not even by an option: no source that ships (or that the CLI,
// the bench and the simulator run) may mention the switches that do it. A proxy or TLS-inspection problem
// is solved by trusting the right CA (the extra CA file), never by checking less.
const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['electron', 'shared', 'renderer/src', 'bench', 'scripts'];
const FORBIDDEN = [
  /rejectUnauthorized/,
  /NODE_TLS_REJECT_UNAUTHORIZED/,
  /strictSSL/i,
  /insecure-?skip|--insecure\b/i,
  /checkServerIdentity\s*[:=]/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(name) ? [p] : [];
  });
}

describe('certificate checks stay on', () => {
  const files = SCANNED.flatMap((d) => sources(join(ROOT, d)));

  it('scans the product, the CLI, the bench and the scripts', () => {
    expect(files.some((f) => f.endsWith(join('core', 'net', 'node-transport.ts')))).toBe(true);
    expect(files.length).toBeGreaterThan(100);
  });

  it('no source mentions a switch that turns them off', () => {
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          FORBIDDEN.some((re) => re.test(line)) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });
});
