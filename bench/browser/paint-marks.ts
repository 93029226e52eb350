// Reading the paint probe's marks from a page (see paint-probe.ts).
import type { Page } from 'playwright-core';
import { PAINT_MARKS_GLOBAL, type PaintMarks } from './paint-probe';

/** Waits until the page has painted "Done", then returns its marks. */
export async function waitForMarks(page: Page): Promise<PaintMarks> {
  await page.waitForFunction((key) => (window as unknown as Record<string, PaintMarks | undefined>)[key]?.doneMs !== undefined, PAINT_MARKS_GLOBAL);
  // An expression, not a function: evaluated by DevTools, so the page's CSP (no eval) allows it.
  return (await page.evaluate(`window.${PAINT_MARKS_GLOBAL}`)) as PaintMarks;
}

/** The engine's own time for the lookup, from the status line ("Done in 183 ms"). */
export function engineMsOf(marks: PaintMarks): number {
  const match = /Done in (\d+) ms/.exec(marks.doneText ?? '');
  return match ? Number(match[1]) : Number.NaN;
}
