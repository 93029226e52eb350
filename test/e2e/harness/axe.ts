// axe-core (node_modules/axe-core/axe.min.js) run inside a page, as the browser's DevTools
// would: evaluated through CDP, which the extension pages' CSP does not apply to.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './paths';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let source: string | undefined;

/** Serious and critical violations (WCAG 2.x A/AA and best practice), limited to `within` when given (a CSS selector of a host element). */
export async function axeViolations(page: Page, within?: string): Promise<{ violations: AxeViolation[]; passes: number }> {
  source ??= await readFile(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async (host) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]; passes: unknown[] }>;
        };
      }
    ).axe;
    const context = host ? { include: { fromShadowDom: [host, ':host > *'] } } : document;
    const run = await axe.run(context, { resultTypes: ['violations'] });
    return {
      passes: run.passes.length,
      violations: run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) })),
    };
  }, within ?? null);
  return { passes: result.passes, violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}
