/**
 * History and the watch list in IndexedDB (through `idb`), on this device only. One record per
 * name in each store: history's holds the name's last checks (bounded in src/core/history), the
 * watch list's the name's schedule, last facts and change log. IndexedDB rather than
 * `storage.local`: it is shared by the worker and the extension pages, has no 10 MB quota of its
 * own, and reads one name without loading the whole list (docs/architecture.md, "History").
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { HISTORY_NAMES, namesToEvict, withCheck, type NameHistory } from '../core/history/history-bounds';
import type { MailFacts, Verdict } from '../core/history/facts-types';
import type { WatchEntry } from '../core/history/watch-schedule';

interface MxrayDb extends DBSchema {
  history: { key: string; value: NameHistory; indexes: { lastCheckedAt: number } };
  watch: { key: string; value: WatchEntry };
}

export const DB_NAME = 'mxray';

let opened: Promise<IDBPDatabase<MxrayDb>> | undefined;

function db(): Promise<IDBPDatabase<MxrayDb>> {
  opened ??= openDB<MxrayDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('history', { keyPath: 'name' }).createIndex('lastCheckedAt', 'lastCheckedAt');
      database.createObjectStore('watch', { keyPath: 'name' });
    },
    // Another context (an older worker) holds the database open: let it go rather than block.
    blocking() {
      void opened?.then((d) => d.close());
      opened = undefined;
    },
  });
  return opened;
}

/** Adds a check to the name's history and returns the facts it replaces as the last ones. */
export async function recordCheck(facts: MailFacts, namesLimit = HISTORY_NAMES): Promise<MailFacts | undefined> {
  const tx = (await db()).transaction('history', 'readwrite');
  const entry = await tx.store.get(facts.name);
  const previous = entry?.checks[entry.checks.length - 1];
  await tx.store.put(withCheck(entry, facts));
  if (!entry && (await tx.store.count()) > namesLimit) {
    const times: Pick<NameHistory, 'name' | 'lastCheckedAt'>[] = [];
    let cursor = await tx.store.index('lastCheckedAt').openCursor();
    while (cursor) {
      times.push({ name: cursor.value.name, lastCheckedAt: cursor.value.lastCheckedAt });
      cursor = await cursor.continue();
    }
    for (const name of namesToEvict(times, namesLimit)) await tx.store.delete(name);
  }
  await tx.done;
  return previous;
}

export interface HistoryRow {
  name: string;
  display: string;
  lastCheckedAt: number;
  lastVerdict: Verdict;
  checks: number;
}

/** Every name, most recently checked first, without the facts (the list view needs no more). */
export async function listHistory(): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = [];
  let cursor = await (await db()).transaction('history').store.index('lastCheckedAt').openCursor(null, 'prev');
  while (cursor) {
    const { name, display, lastCheckedAt, lastVerdict, checks } = cursor.value;
    rows.push({ name, display, lastCheckedAt, lastVerdict, checks: checks.length });
    cursor = await cursor.continue();
  }
  return rows;
}

export async function historyOf(name: string): Promise<NameHistory | undefined> {
  return (await db()).get('history', name);
}

export async function clearHistory(): Promise<void> {
  await (await db()).clear('history');
}

export async function listWatches(): Promise<WatchEntry[]> {
  return (await db()).getAll('watch');
}

export async function getWatch(name: string): Promise<WatchEntry | undefined> {
  return (await db()).get('watch', name);
}

export async function putWatch(entry: WatchEntry): Promise<void> {
  await (await db()).put('watch', entry);
}

export async function deleteWatch(name: string): Promise<void> {
  await (await db()).delete('watch', name);
}

/** Closes the connection (tests, and before deleting the database). */
export async function closeDb(): Promise<void> {
  const current = opened;
  opened = undefined;
  (await current)?.close();
}
