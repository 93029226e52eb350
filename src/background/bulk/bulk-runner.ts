/**
 * The worker's one bulk job: started by the bulk page, run here through the engine's
 * `runBulk` on the worker's DoH client (its 64-request cap and 429 back-off apply), saved to
 * IndexedDB as rows finish, and told to every attached page. A worker stopped mid-run finds the
 * job `running` in IndexedDB when it next starts and goes on with the domains not yet done.
 */
// The engine's bulk files one by one, not its index: the index brings the CSV reader and the
// exports (papaparse), which are the pages' and the CLI's work, into the worker's start.
import { isEntryLines, readEntries } from '../../core/bulk/read-entries';
import { runBulk } from '../../core/bulk/run-bulk';
import { RunControl } from '../../core/bulk/run-control';
import type { BulkResult } from '../../core/bulk/types';
import { keepWorkerAlive } from '../../platform/keep-alive';
import { isStorageFull, StorageFullError } from '../../platform/storage-full';
import { jobView, type BulkCommand, type BulkEvent, type BulkJobRecord, type BulkProgressView } from '../../shared/bulk-messages';
import { lookupOptionsFrom } from '../../shared/lookup-options-from';
import { engine, persistCacheSoon } from '../engine';
import { policyFetcher } from '../mta-sts-fetch';
import { clearJob, createJob, loadJob, saveProgress } from './bulk-store';

/** Rows are sent to the pages and saved in batches at most this often (one IndexedDB transaction each). */
const FLUSH_MS = 200;
/**
 * The job record (with its list: ~1.3 MB for 10,000 domains) is rewritten at most this often
 * while it runs, and at once when its status changes; its `done` is recounted from the saved
 * rows on load, so a worker stopped in between loses at most this much of `runningMs` (the rate).
 */
const JOB_SAVE_MS = 10_000;

interface Job {
  /** The job with its list (the pages get it without: `jobView`). */
  view: BulkJobRecord;
  /** When the job record was last written, and with which status. */
  savedAt?: number;
  savedStatus?: BulkJobRecord['status'];
  rows: Map<number, BulkResult>;
  control?: RunControl;
  unsent: [number, BulkResult][];
  unsaved: [number, BulkResult][];
}

let job: Job | undefined;
let loaded: Promise<void> | undefined;
const listeners = new Set<(event: BulkEvent) => void>();

function ensureLoaded(): Promise<void> {
  loaded ??= loadJob().then(
    (stored) => {
      // `done` as the saved rows say: the job record is rewritten only now and then (JOB_SAVE_MS).
      if (stored && !job) job = { view: { ...stored.job, done: stored.rows.length }, rows: new Map(stored.rows), unsent: [], unsaved: [] };
    },
    () => undefined,
  );
  return loaded;
}

export function onBulkEvent(listener: (event: BulkEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: BulkEvent): void {
  for (const listener of listeners) listener(event);
}

export async function bulkCommand(command: BulkCommand, reply: (event: BulkEvent) => void): Promise<void> {
  await ensureLoaded();
  switch (command.type) {
    case 'attach':
      reply({ type: 'job', job: job && jobView(job.view), rows: job ? [...job.rows] : [] });
      return;
    case 'list':
      if (job) reply({ type: 'list', id: job.view.id, input: job.view.input });
      return;
    case 'start': {
      if (!isEntryLines(command.lines)) throw new Error('The list could not be read: the page sent no lines. Reload the page and paste it again.');
      // Checked and replaced with no await in between, so two pages' starts cannot both pass.
      const refusal = job && startRefusal(job.view, command.replaces);
      if (refusal) throw new Error(refusal);
      job?.control?.cancel();
      // The page has split the text into lines (CSV cells or rows, with papaparse); read here.
      const input = readEntries(command.lines);
      const view: BulkJobRecord = {
        id: `${Date.now()}`,
        status: 'running',
        input,
        mailSetup: command.mailSetup,
        total: input.domains.length,
        done: 0,
        runningMs: 0,
      };
      if (input.domains.length === 0) view.status = 'done';
      job = { view, rows: new Map(), unsent: [], unsaved: [], savedAt: Date.now(), savedStatus: view.status };
      try {
        await createJob(view);
      } catch (error) {
        if (!isStorageFull(error)) throw error;
        job = undefined;
        emit({ type: 'job', job: undefined, rows: [] });
        throw new StorageFullError('Storage is full: the run did not start. Free some disk space, then start it again.', { cause: error });
      }
      emit({ type: 'job', job: jobView(view), rows: [] });
      if (view.status === 'running') void run(job);
      return;
    }
    case 'pause':
      if (job?.view.status !== 'running') return;
      job.control?.pause();
      job.view.status = 'paused';
      await flush(job);
      return;
    case 'resume':
      if (!job || (job.view.status !== 'paused' && job.view.status !== 'cancelled')) return;
      job.view.status = 'running';
      // The rows kept in memory are saved first, at this flush; still full, it pauses again.
      job.view.storageFull = false;
      if (job.control && !job.control.cancelled) job.control.resume();
      else void run(job);
      await flush(job);
      return;
    case 'cancel':
      if (!job || (job.view.status !== 'running' && job.view.status !== 'paused')) return;
      job.control?.cancel();
      job.view.status = 'cancelled';
      await flush(job);
      return;
    case 'discard':
      job?.control?.cancel();
      job = undefined;
      await clearJob();
      emit({ type: 'job', job: undefined, rows: [] });
  }
}

/**
 * Why a page's start does not replace the job there is (undefined: it may). One job at a time:
 * a run going (running or paused) is never replaced, and a finished one only by the page that
 * showed it ("New list", a selection handed over); a second page is shown the job instead.
 */
function startRefusal(view: BulkJobRecord, replaces: string | undefined): string | undefined {
  if (view.total === 0) return undefined;
  const done = `${view.done.toLocaleString('en')} of ${view.total.toLocaleString('en')} domains checked`;
  if (view.status === 'running' || view.status === 'paused')
    return `A bulk run is already going (${done}), started in another tab or window; it is shown here. Cancel it before checking another list.`;
  if (view.id !== replaces) return `Another tab or window has just run a list (${done}); it is shown here. Choose "New list" to check yours.`;
  return undefined;
}

/** At worker start: a job that was running when the worker stopped goes on. */
export async function resumeBulkJob(): Promise<void> {
  await ensureLoaded();
  if (job?.view.status === 'running' && !job.control) void run(job);
}

async function run(current: Job): Promise<void> {
  const control = new RunControl();
  current.control = control;
  const stopKeepAlive = keepWorkerAlive();
  const remaining = current.view.input.domains.map((entry, index) => [entry, index] as const).filter(([, index]) => !current.rows.has(index));
  const base = current.view.runningMs;
  const started = Date.now();
  const tick = setInterval(() => {
    current.view.runningMs = base + Date.now() - started - control.pausedMs();
    void flush(current);
  }, FLUSH_MS);
  try {
    const { client, settings } = await engine();
    // The bulk page's own "with mail setup" switch stands for the diagnostics setting here.
    const lookup = lookupOptionsFrom({ ...settings, diagnostics: current.view.mailSetup }, 'bulk', policyFetcher(settings.timeoutMs));
    await runBulk(
      remaining.map(([entry]) => entry),
      client,
      {
        control,
        lookup,
        onResult: (result, at) => {
          const index = remaining[at]![1];
          current.rows.set(index, result);
          current.unsent.push([index, result]);
          current.unsaved.push([index, result]);
          current.view.done = current.rows.size;
        },
      },
    );
  } catch (error) {
    emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearInterval(tick);
    stopKeepAlive();
    if (current.control === control) current.control = undefined;
    current.view.runningMs = base + Date.now() - started - control.pausedMs();
    // Paused for space, it stays paused with every row: "Resume" saves what storage refused.
    if (!control.cancelled && current.rows.size === current.view.total && !current.view.storageFull) current.view.status = 'done';
    persistCacheSoon();
    if (job === current) await flush(current);
  }
}

async function flush(current: Job): Promise<void> {
  if (job !== current) return;
  const rows = current.unsent.splice(0);
  emit({ type: 'rows', progress: progressOf(current.view), rows });
  // Refused for space: nothing is tried again until the person resumes (never a retry loop).
  if (current.view.storageFull) return;
  const unsaved = current.unsaved.splice(0);
  const now = Date.now();
  const { status } = current.view;
  const saveJob = current.savedStatus !== status || now - (current.savedAt ?? 0) >= JOB_SAVE_MS;
  if (saveJob) Object.assign(current, { savedAt: now, savedStatus: status });
  try {
    await saveProgress(saveJob ? { ...current.view } : undefined, unsaved);
  } catch (error) {
    if (isStorageFull(error) && job === current) stopForStorage(current, unsaved);
    // Otherwise (storage unavailable): the run goes on in memory; the page still has every row.
  }
}

/**
 * Storage refused the rows (quota or disk full): the run pauses, and the rows not saved stay in
 * memory to be saved first when it resumes. The page shows why and offers the exports. A run
 * that finished with its last rows refused pauses too, so "Resume" saves them.
 */
function stopForStorage(current: Job, unsaved: [number, BulkResult][]): void {
  current.unsaved.unshift(...unsaved);
  current.savedStatus = undefined; // the job record is written again with the next rows
  current.view.storageFull = true;
  if (current.view.status === 'running' || current.view.status === 'done') {
    current.control?.pause();
    current.view.status = 'paused';
  }
  emit({ type: 'rows', progress: progressOf(current.view), rows: [] });
}

function progressOf({ id, status, done, runningMs, storageFull }: BulkJobRecord): BulkProgressView {
  return { id, status, done, runningMs, storageFull: storageFull === true };
}
