import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface Finding {
  check: string;
  /** Relative to the scanned folder, e.g. `electron/main/window.ts`. */
  file: string;
  line: number;
  message: string;
}

/**
 * Runs `electronegativity` over `dirs` (copied together into one folder with package.json, since the tool
 * takes one input) and returns its findings from the SARIF report. AvailableSecurityFixesGlobalCheck is
 * left out: it needs Electron's release list from the internet (Electron's currency is checklist item 16).
 */
export function electronegativity(source: string, dirs: readonly string[]): Finding[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'confbar-eneg-'));
  try {
    const input = path.join(work, 'input');
    for (const d of dirs) fs.cpSync(path.join(source, d), path.join(input, d), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(input, 'package.json'));
    const report = path.join(work, 'report.sarif');
    const r = spawnSync(
      'npx',
      [
        'electronegativity',
        '-i',
        input,
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-o',
        report,
        '-r',
        '-v',
        'false',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          NODE_OPTIONS: `--import ${pathToFileURL(path.join(import.meta.dirname, 'offline.mjs')).href}`,
        },
      },
    );
    if (r.status !== 0 || !fs.existsSync(report)) {
      throw new Error(`electronegativity failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    const sarif = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          message: { text: string };
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    // ELECTRON_VERSION_JSON_CHECK is the tool's note of which Electron it assumed, not a finding.
    return sarif.runs.flatMap((run) =>
      run.results
        .filter((res) => res.ruleId !== 'ELECTRON_VERSION_JSON_CHECK')
        .map((res) => ({
          check: res.ruleId,
          file: res.locations[0]?.physicalLocation.artifactLocation.uri.replace(/\\/g, '/') ?? '',
          line: res.locations[0]?.physicalLocation.region.startLine ?? 0,
          message: res.message.text,
        })),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The findings docs/SECURITY.md explains: rows `| \`CHECK\` | \`file\` | why |` of its Electronegativity table. */
export function explainedFindings(markdown: string): { check: string; file: string; why: string }[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Electronegativity')) ?? '';
  return [...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|\s*(.+?)\s*\|\s*$/gm)].map((m) => ({
    check: m[1]!,
    file: m[2]!,
    why: m[3]!,
  }));
}
