import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// The page's CSP blocks injected <script> tags, so axe-core's own source is evaluated in the page instead.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the page as it is now; the violations, each with the offending nodes' selectors. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    interface AxeResults {
      violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
      passes: unknown[];
    }
    const axe = (
      window as unknown as {
        axe: {
          run(ctx: unknown, opts: unknown): Promise<AxeResults>;
          getRules(tags: string[]): Array<{ ruleId: string; tags: string[] }>;
        };
      }
    ).axe;
    // Experimental rules (label-content-name-mismatch among them) are off by default: on here.
    const experimental = axe
      .getRules(['experimental'])
      .filter((rule) => rule.tags.some((t) => tags.includes(t)))
      .map((rule) => [rule.ruleId, { enabled: true }] as const);
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: Object.fromEntries(experimental),
    });
    // A run that checked nothing would pass vacuously.
    if (r.passes.length === 0) throw new Error('axe-core checked nothing');
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
}
