/** The recent lookups (`storage.local`, key `recent`): a list of what a person typed, newest first (list-record.ts has its versions). */
import { migrateList, storedList, type ReadList, type StoredList } from './list-record';
import type { Read } from '../versioned';

export { LIST_VERSION as CURRENT_VERSION } from './list-record';

export const MAX_RECENT = 12;

const isRecent = (item: unknown): item is string => typeof item === 'string' && item.length <= 300;

export function migrateRecent(raw: unknown): Read<ReadList<string>> {
  return migrateList('list of recent lookups', raw, isRecent);
}

export const storedRecent = (items: string[]): StoredList<string> => storedList(items);
