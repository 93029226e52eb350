/**
 * History and the watch list in IndexedDB (through `idb`), on this device only. One record per
 * name in each store: history's holds the name's last checks (bounded in src/core/history), the
 * watch list's the name's schedule, last facts and change log. IndexedDB rather than
 * `storage.local`: it is shared by the worker and the extension pages, has no 10 MB quota of its
 * own, and reads one name without loading the whole list (docs/architecture.md, "History").
 *
 * Every record is read through its migration (src/core/storage): an older one is brought to the
 * current shape, and one that does not read (damaged, or from a newer MXray) is skipped and
 * counted (`unreadableRecords`), so the rest loads.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPIndex } from 'idb';
import { HISTORY_NAMES, namesToEvict, withCheck, type NameHistory } from '../core/history/history-bounds';
import type { MailFacts, Verdict } from '../core/history/facts-types';
import type { WatchEntry } from '../core/history/watch-schedule';
import { migrateHistoryRecord } from '../core/storage/history-record';
import { migrateWatchEntry } from '../core/storage/watch-record';
import { readAll } from '../core/versioned';
import { inTransaction, isStorageFull } from './storage-full';

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

/**
 * Adds a check to the name's history and returns the facts it replaces as the last ones. When
 * storage is full (quota or disk), the least recently checked tenth of the other names goes
 * (`dropForRoom`), `onDropped` hears how many, and the write is tried once more; if that fails
 * too, the error goes to the caller. Bounded both ways: one drop, one retry, never a loop.
 */
export async function recordCheck(
  facts: MailFacts,
  namesLimit = HISTORY_NAMES,
  onDropped?: (names: number) => void | Promise<void>,
): Promise<MailFacts | undefined> {
  try {
    return await writeCheck(facts, namesLimit);
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    const dropped = await dropForRoom(facts.name);
    if (dropped === 0) throw error;
    // Said at once: the names are gone whether or not this check then finds room. (Chromium may
    // count a drop's room only once it compacts the database, which an extension cannot ask for:
    // in the storage-full e2e 3 of 14 runs still refused the check after the drop.)
    await onDropped?.(dropped);
    return await writeCheck(facts, namesLimit);
  }
}

async function writeCheck(facts: MailFacts, namesLimit: number): Promise<MailFacts | undefined> {
  const tx = (await db()).transaction('history', 'readwrite');
  return inTransaction(tx, async () => {
    // A record that does not read is replaced by this check rather than stop it.
    const read = migrateHistoryRecord(await tx.store.get(facts.name));
    const entry = read.ok ? read.value : undefined;
    const previous = entry?.checks[entry.checks.length - 1];
    await tx.store.put(withCheck(entry, facts));
    if (!entry && (await tx.store.count()) > namesLimit) {
      for (const name of namesToEvict(await checkTimes(tx.store.index('lastCheckedAt')), namesLimit)) await tx.store.delete(name);
    }
    return previous;
  });
}

/** The share of names dropped when storage is full: enough to make room, bounded (100 of 1,000). */
export const DROP_SHARE = 0.1;

/** Deletes the least recently checked tenth of the names (at least one), never `keep`; says how many went. */
async function dropForRoom(keep: string): Promise<number> {
  const tx = (await db()).transaction('history', 'readwrite');
  return inTransaction(tx, async () => {
    const times = (await checkTimes(tx.store.index('lastCheckedAt'))).filter((t) => t.name !== keep);
    const count = Math.min(times.length, Math.max(1, Math.floor(times.length * DROP_SHARE)));
    for (const name of namesToEvict(times, times.length - count)) await tx.store.delete(name);
    return count;
  });
}

async function checkTimes(
  index: IDBPIndex<MxrayDb, ['history'], 'history', 'lastCheckedAt', 'readwrite'>,
): Promise<Pick<NameHistory, 'name' | 'lastCheckedAt'>[]> {
  const times: Pick<NameHistory, 'name' | 'lastCheckedAt'>[] = [];
  let cursor = await index.openCursor();
  while (cursor) {
    times.push({ name: cursor.value.name, lastCheckedAt: cursor.value.lastCheckedAt });
    cursor = await cursor.continue();
  }
  return times;
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
    const read = migrateHistoryRecord(cursor.value);
    if (read.ok) {
      const { name, display, lastCheckedAt, lastVerdict, checks } = read.value;
      rows.push({ name, display, lastCheckedAt, lastVerdict, checks: checks.length });
    }
    cursor = await cursor.continue();
  }
  return rows;
}

export async function historyOf(name: string): Promise<NameHistory | undefined> {
  const read = migrateHistoryRecord(await (await db()).get('history', name));
  return read.ok ? read.value : undefined;
}

/** Every history record that reads, in the current shape (the backup). */
export async function allHistory(): Promise<NameHistory[]> {
  return readAll(migrateHistoryRecord, await (await db()).getAll('history')).values;
}

/** How many stored records do not read (damaged, or from a newer MXray) and are skipped, per store. */
export async function unreadableRecords(): Promise<{ history: number; watch: number }> {
  const database = await db();
  const [history, watch] = await Promise.all([database.getAll('history'), database.getAll('watch')]);
  return { history: readAll(migrateHistoryRecord, history).skipped, watch: readAll(migrateWatchEntry, watch).skipped };
}

export async function clearHistory(): Promise<void> {
  await (await db()).clear('history');
}

/** Every watch entry that reads (the damaged are skipped: unreadableRecords counts them). */
export async function listWatches(): Promise<WatchEntry[]> {
  return readAll(migrateWatchEntry, await (await db()).getAll('watch')).values;
}

/** The name's entry; undefined when there is none or it does not read (its check then does nothing). */
export async function getWatch(name: string): Promise<WatchEntry | undefined> {
  const raw = await (await db()).get('watch', name);
  if (raw === undefined) return undefined;
  const read = migrateWatchEntry(raw);
  return read.ok ? read.value : undefined;
}

/**
 * The whole history and watch list replaced (a backup restored), in one transaction: all of it
 * or, on any failure, none of it.
 */
export async function replaceHistoryAndWatches(history: readonly NameHistory[], watches: readonly WatchEntry[]): Promise<void> {
  const tx = (await db()).transaction(['history', 'watch'], 'readwrite');
  const historyStore = tx.objectStore('history');
  const watchStore = tx.objectStore('watch');
  await inTransaction(tx, async () => {
    await Promise.all([historyStore.clear(), watchStore.clear()]);
    await Promise.all([...history.map((record) => historyStore.put(record)), ...watches.map((entry) => watchStore.put(entry))]);
  });
}

export async function putWatch(entry: WatchEntry): Promise<void> {
  await (await db()).put('watch', entry);
}

/**
 * Reads a name's watch entry and writes what `change` makes of it in one transaction, so a write
 * made meanwhile (the Watch view marking changes seen, a new interval, a check) is not lost.
 * Writes nothing and returns undefined when the name is not watched (unwatched meanwhile) or its
 * entry does not read (as getWatch).
 */
export async function updateWatch(name: string, change: (entry: WatchEntry) => WatchEntry | undefined): Promise<WatchEntry | undefined> {
  const tx = (await db()).transaction('watch', 'readwrite');
  return inTransaction(tx, async () => {
    const raw = await tx.store.get(name);
    const read = raw === undefined ? undefined : migrateWatchEntry(raw);
    const next = read?.ok ? change(read.value) : undefined;
    if (next) await tx.store.put(next);
    return next;
  });
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
