/**
 * The two lists kept in `storage.local` as one value each: `recent` (recent-record.ts) and
 * `keptExplanations` (kept-record.ts). Stored as `{version, items}`; version 1 is a bare list (how
 * 0.1.0 wrote `recent`, and this wave's first builds `keptExplanations`). An item that does not
 * read is left out and counted; the rest of the list loads.
 */
import { isObject, migrate, readFail, readOk, type Read } from '../versioned';

export const LIST_VERSION = 2;

export interface StoredList<T> {
  version: typeof LIST_VERSION;
  items: T[];
}

export interface ReadList<T> {
  items: T[];
  /** Items that did not read, left out. */
  skipped: number;
}

/** Any stored value of a list key -> its readable items (nothing stored: none), or why the list as a whole does not read. */
export function migrateList<T>(what: string, raw: unknown, isItem: (item: unknown) => item is T): Read<ReadList<T>> {
  if (raw === undefined) return readOk({ items: [], skipped: 0 });
  const versioned = Array.isArray(raw) ? { version: 1, items: raw } : raw;
  const read = migrate<unknown[]>(
    {
      what,
      current: LIST_VERSION,
      steps: { 1: (list) => ({ ...list, version: 2 }) },
      validate: (list) => (Array.isArray(list.items) ? readOk(list.items as unknown[]) : readFail(`the ${what} has no items`)),
    },
    isObject(versioned) ? versioned : raw,
  );
  if (!read.ok) return read;
  const items = read.value.filter(isItem);
  return readOk({ items, skipped: read.value.length - items.length });
}

export function storedList<T>(items: T[]): StoredList<T> {
  return { version: LIST_VERSION, items };
}
