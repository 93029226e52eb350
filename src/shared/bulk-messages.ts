/**
 * What the bulk page and the service worker say over the `bulk` port. The run lives in the
 * worker (it goes on when the page closes); the page attaches, gets the job once, then each
 * finished row and the progress as they come. The job's list of domains (a 10,000-domain
 * list's is ~1.3 MB) never goes to the page with it: sent with every batch it cost the page
 * ~6 MB a second to read, and sent once at the click it was the page's longest task. The
 * page asks for it (`list`) only to build an export.
 */
import type { EntryLine } from '../core/bulk/read-entries';
import type { BulkInput, BulkInvalid, BulkResult } from '../core/bulk/types';

export const BULK_PORT = 'bulk';

export type BulkJobStatus = 'running' | 'paused' | 'done' | 'cancelled';

/** The job as the worker keeps it (and as IndexedDB stores it): with its list. */
export interface BulkJobRecord {
  id: string;
  status: BulkJobStatus;
  input: BulkInput;
  mailSetup: boolean;
  total: number;
  done: number;
  /** Milliseconds spent running (pauses and worker stops left out), for the rate. */
  runningMs: number;
  /** Storage refused the rows (quota or disk full): the run paused itself, its rows are in the worker's memory until saved. */
  storageFull?: boolean;
}

/** The job as the page sees it: what the list held, told in counts and its unusable entries, not its domains. */
export interface BulkJobView extends Omit<BulkJobRecord, 'input'> {
  addressCount: number;
  duplicates: number;
  /** The entries that are not a domain: the page lists them. */
  invalid: BulkInvalid[];
}

export function jobView(record: BulkJobRecord): BulkJobView {
  const { input, ...rest } = record;
  return { ...rest, addressCount: input.addressCount, duplicates: input.duplicates, invalid: input.invalid };
}

export type BulkCommand =
  | { type: 'attach' }
  // `replaces`: the job the page shows, if any. The worker runs one job at a time and replaces
  // only that one, so a page that has not yet heard of another page's run does not wipe it.
  | { type: 'start'; lines: EntryLine[]; mailSetup: boolean; replaces?: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'discard' }
  /** The job's list, for an export (answered to the asking page only). */
  | { type: 'list' };

/** What changes while a job runs: sent with each batch of rows instead of the whole job. */
export type BulkProgressView = Pick<BulkJobView, 'id' | 'status' | 'done' | 'runningMs' | 'storageFull'>;

export type BulkEvent =
  | { type: 'job'; job: BulkJobView | undefined; rows: [number, BulkResult][] }
  // Every 200 ms while a job runs, only what changed.
  | { type: 'rows'; progress: BulkProgressView; rows: [number, BulkResult][] }
  | { type: 'list'; id: string; input: BulkInput }
  | { type: 'error'; message: string };

/** The in-page panel asks for the domains of a right-clicked selection and their verdicts. */
export const SELECTION_PORT = 'bulk-selection';

export type SelectionCommand = { type: 'list' } | { type: 'open-bulk' };

export type SelectionEvent = { type: 'selection'; domains: { domain: string; display: string }[]; total: number } | { type: 'verdict'; result: BulkResult };
