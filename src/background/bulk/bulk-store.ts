/**
 * The bulk job in IndexedDB (through `idb`): the job (its list, options and status) and one
 * record per finished domain. IndexedDB rather than storage.local: a 10,000-domain job is a
 * few MB of rows written one by one as they finish, storage.local rewrites and quotas whole
 * values (and Chrome's quota without `unlimitedStorage` is 10 MB), and IndexedDB is there in
 * the worker, the pages, and both browsers. One job at a time: a new run replaces the old one.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BulkResult } from '../../core/bulk/types';
import type { BulkJobRecord } from '../../shared/bulk-messages';

interface BulkDb extends DBSchema {
  jobs: { key: string; value: BulkJobRecord };
  results: { key: number; value: { index: number; result: BulkResult } };
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

export async function loadJob(): Promise<{ job: BulkJobRecord; rows: [number, BulkResult][] } | undefined> {
  const database = await open();
  const [job] = await database.getAll('jobs');
  if (!job) return undefined;
  const rows = (await database.getAll('results')).map((record): [number, BulkResult] => [record.index, record.result]);
  return { job, rows };
}

/** A new job: the old one and its rows go. */
export async function createJob(job: BulkJobRecord): Promise<void> {
  const database = await open();
  const tx = database.transaction(['jobs', 'results'], 'readwrite');
  await tx.objectStore('jobs').clear();
  await tx.objectStore('results').clear();
  await tx.objectStore('jobs').put(job);
  await tx.done;
}

/** The rows finished since the last save and, when given, the job record, in one transaction. */
export async function saveProgress(job: BulkJobRecord | undefined, rows: readonly [number, BulkResult][]): Promise<void> {
  const database = await open();
  const tx = database.transaction(['jobs', 'results'], 'readwrite');
  const results = tx.objectStore('results');
  for (const [index, result] of rows) void results.put({ index, result });
  if (job) await tx.objectStore('jobs').put(job);
  await tx.done;
}

export async function clearJob(): Promise<void> {
  const database = await open();
  const tx = database.transaction(['jobs', 'results'], 'readwrite');
  await tx.objectStore('jobs').clear();
  await tx.objectStore('results').clear();
  await tx.done;
}
