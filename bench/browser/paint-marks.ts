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

/**
 * The frame that showed the routing report complete, on the page's clock: the first time the
 * mail server table looked complete with the rows it has at "Done" (paint-probe.ts), or, when the
 * DOM never said so, the frame after the first complete report came over the lookup port.
 */
export function routingOnScreenMs(marks: PaintMarks): number | undefined {
  const entry = marks.domRouting?.find((e) => e.rows === marks.doneRows);
  return entry?.frameMs ?? marks.routingMs;
}
