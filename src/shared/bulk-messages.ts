/**
 * What the bulk page and the service worker say over the `bulk` port. The run lives in the
 * worker (it goes on when the page closes); the page attaches, gets the whole job once, then
 * each finished row and the progress as they come.
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

export type BulkEvent =
  | { type: 'job'; job: BulkJobView | undefined; rows: [number, BulkResult][] }
  | { type: 'rows'; job: BulkJobView; rows: [number, BulkResult][] }
  | { type: 'error'; message: string };

/** The in-page panel asks for the domains of a right-clicked selection and their verdicts. */
export const SELECTION_PORT = 'bulk-selection';

export type SelectionCommand = { type: 'list' } | { type: 'open-bulk' };

export type SelectionEvent = { type: 'selection'; domains: { domain: string; display: string }[]; total: number } | { type: 'verdict'; result: BulkResult };
