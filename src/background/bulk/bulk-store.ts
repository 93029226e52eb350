/**
 * The bulk job in IndexedDB (through `idb`): the job (its list, options and status) and one
 * record per finished domain. IndexedDB rather than storage.local: a 10,000-domain job is a
 * few MB of rows written one by one as they finish, storage.local rewrites and quotas whole
 * values (and Chrome's quota without `unlimitedStorage` is 10 MB), and IndexedDB is there in
 * the worker, the pages, and both browsers. One job at a time: a new run replaces the old one.
 * Records are versioned and read through src/core/storage/bulk-record.ts: a row that does not
 * read is left out (and its domain checked again on resume); a job that does not read is no job.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BulkResult } from '../../core/bulk/types';
import type { BulkJobRecord } from '../../shared/bulk-messages';
import { CURRENT_VERSION, migrateBulkJob, migrateBulkRow } from '../../core/storage/bulk-record';
import { committed, inTransaction } from '../../platform/storage-full';

interface BulkDb extends DBSchema {
  jobs: { key: string; value: BulkJobRecord & { version?: number } };
  results: { key: number; value: { index: number; result: BulkResult; version?: number } };
}

let db: Promise<IDBPDatabase<BulkDb>> | undefined;

function open(): Promise<IDBPDatabase<BulkDb>> {
  db ??= openDB<BulkDb>('mxray-bulk', 1, {
    upgrade(database) {
      database.createObjectStore('jobs', { keyPath: 'id' });
      database.createObjectStore('results', { keyPath: 'index' });
    },
  });
  return db;
}

export async function loadJob(): Promise<{ job: BulkJobRecord; rows: [number, BulkResult][]; skippedRows: number } | undefined> {
  const database = await open();
  const [raw] = await database.getAll('jobs');
  const read = raw === undefined ? undefined : migrateBulkJob(raw);
  if (!read?.ok) return undefined;
  const { version: _version, ...job } = read.value;
  const rows: [number, BulkResult][] = [];
  let skippedRows = 0;
  for (const record of await database.getAll('results')) {
    const row = migrateBulkRow(record);
    if (row.ok && row.value.index < job.total) rows.push([row.value.index, row.value.result]);
    else skippedRows++;
  }
  return { job, rows, skippedRows };
}

/** A new job: the old one and its rows go. */
export async function createJob(job: BulkJobRecord): Promise<void> {
  const database = await open();
  const tx = database.transaction(['jobs', 'results'], 'readwrite');
  await inTransaction(tx, async () => {
    await tx.objectStore('jobs').clear();
    await tx.objectStore('results').clear();
    await tx.objectStore('jobs').put({ ...job, version: CURRENT_VERSION });
  });
}

/** The rows finished since the last save and, when given, the job record, in one transaction. */
export async function saveProgress(job: BulkJobRecord | undefined, rows: readonly [number, BulkResult][]): Promise<void> {
  const database = await open();
  const tx = database.transaction(['jobs', 'results'], 'readwrite');
  // Rejects with the transaction's own error: a refused put reads as QuotaExceededError, not a bare AbortError.
  const done = committed(tx);
  const results = tx.objectStore('results');
  for (const [index, result] of rows) results.put({ index, result, version: CURRENT_VERSION }).catch(() => undefined);
  if (job)
    tx.objectStore('jobs')
      .put({ ...job, version: CURRENT_VERSION })
      .catch(() => undefined);
  await done;
}

export async function clearJob(): Promise<void> {
  const database = await open();
  const tx = database.transaction(['jobs', 'results'], 'readwrite');
  await inTransaction(tx, async () => {
    await tx.objectStore('jobs').clear();
    await tx.objectStore('results').clear();
  });
}

/** How many stored bulk records (the job, its rows) do not read and are left out (the options page's note). */
export async function unreadableBulkRecords(): Promise<number> {
  const database = await open();
  const [jobs, rows] = await Promise.all([database.getAll('jobs'), database.getAll('results')]);
  return jobs.filter((job) => !migrateBulkJob(job).ok).length + rows.filter((row) => !migrateBulkRow(row).ok).length;
}
