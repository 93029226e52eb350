/**
 * Counts as the bulk page writes them (`10,000`). One formatter, made when the page loads:
 * `n.toLocaleString('en')` builds a number format per call, and the first one in the page loads
 * ICU's data; the run view's first render made about a dozen, the longest part of the task
 * right after "Check the list" (CPU profile in docs/performance.md, issue #24).
 */
const FORMAT = new Intl.NumberFormat('en');
FORMAT.format(0);

export const count = (n: number): string => FORMAT.format(n);
