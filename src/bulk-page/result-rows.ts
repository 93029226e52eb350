/**
 * The run's rows as the page keeps them (issue 24: each batch costs what it brought, not the
 * whole list). Rows arrive by index, out of order (32 domains in flight), about every 200 ms;
 * at 10,000 rows, sorting every row by index and collecting the providers anew on each batch
 * made tasks of 50-80 ms late in a run. Here a batch only sets its rows by index and counts
 * their providers; the list in order is made at most once per render, by one pass that skips
 * the indexes still missing.
 */
import type { BulkResult } from '../core/bulk';

/** A row without a provider is filed under this name in the provider filter. */
export const NO_PROVIDER = '(none)';

export class ResultRows {
  private byIndex: (BulkResult | undefined)[] = [];
  private inOrder: readonly BulkResult[] | undefined = [];
  private readonly providerRows = new Map<string, number>();

  /** Everything anew: a job attached, or replaced. */
  reset(rows: Iterable<readonly [number, BulkResult]>): void {
    this.byIndex = [];
    this.providerRows.clear();
    this.inOrder = undefined;
    this.add(rows);
  }

  add(rows: Iterable<readonly [number, BulkResult]>): void {
    for (const [index, result] of rows) {
      const before = this.byIndex[index];
      if (before) this.countProvider(before, -1);
      this.byIndex[index] = result;
      this.countProvider(result, 1);
    }
    this.inOrder = undefined;
  }

  /** The rows in the list's order. The same array until rows are added. */
  list(): readonly BulkResult[] {
    // filter() skips the holes of a sparse array: the indexes not checked yet.
    return (this.inOrder ??= this.byIndex.filter((row): row is BulkResult => row !== undefined));
  }

  /** The providers of the rows so far, sorted, `NO_PROVIDER` among them where a row has none. */
  providers(): string[] {
    return [...this.providerRows.keys()].sort();
  }

  private countProvider(row: BulkResult, by: 1 | -1): void {
    const name = row.provider ?? NO_PROVIDER;
    const rows = (this.providerRows.get(name) ?? 0) + by;
    if (rows > 0) this.providerRows.set(name, rows);
    else this.providerRows.delete(name);
  }
}
