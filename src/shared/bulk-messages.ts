/**
 * What the bulk page and the service worker say over the `bulk` port. The run lives in the
 * worker (it goes on when the page closes); the page attaches, gets the whole job once, then
 * each finished row and the progress as they come (never the list again: sent with every
 * batch, a 10,000-domain list cost the page ~6 MB a second to read and long tasks over 50 ms).
 */
import type { EntryLine } from '../core/bulk/read-entries';
import type { BulkInput, BulkResult } from '../core/bulk/types';

export const BULK_PORT = 'bulk';

export type BulkJobStatus = 'running' | 'paused' | 'done' | 'cancelled';

export interface BulkJobView {
  id: string;
  status: BulkJobStatus;
  input: BulkInput;
  mailSetup: boolean;
  total: number;
  done: number;
  /** Milliseconds spent running (pauses and worker stops left out), for the rate. */
  runningMs: number;
}

export type BulkCommand =
  | { type: 'attach' }
  | { type: 'start'; lines: EntryLine[]; mailSetup: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'discard' };

/** What changes while a job runs: sent with each batch of rows instead of the whole job. */
export type BulkProgressView = Pick<BulkJobView, 'id' | 'status' | 'done' | 'runningMs'>;

export type BulkEvent =
  | { type: 'job'; job: BulkJobView | undefined; rows: [number, BulkResult][] }
  // The list (a 10,000-domain job's is ~1.3 MB) goes once, in `job`; every 200 ms only this.
  | { type: 'rows'; progress: BulkProgressView; rows: [number, BulkResult][] }
  | { type: 'error'; message: string };

/** The in-page panel asks for the domains of a right-clicked selection and their verdicts. */
export const SELECTION_PORT = 'bulk-selection';

export type SelectionCommand = { type: 'list' } | { type: 'open-bulk' };

export type SelectionEvent = { type: 'selection'; domains: { domain: string; display: string }[]; total: number } | { type: 'verdict'; result: BulkResult };
