/**
 * Tests only: fake-indexeddb with a quota. Every `put`/`add` still runs; when the origin's
 * stored bytes (the JSON size of every record in every database) then pass the limit, the
 * request fails with a `QuotaExceededError` DOMException and the transaction aborts with it,
 * rolling the write back. Chromium refuses at commit instead (probed in Chromium 156 under
 * `Storage.overrideQuotaForOrigin`: the transaction's `abort`, `error.name ===
 * 'QuotaExceededError'`, and a delete frees room at once); failing the request is the harder
 * shape, as idb's `tx.done` then rejects with a bare AbortError (see `committed`).
 */
import { IDBObjectStore } from 'fake-indexeddb';

interface RawRecord {
  value: unknown;
}
interface RawStore {
  records: { records: { getAllRecords(): Iterable<RawRecord> } };
}
interface RawDatabase {
  rawObjectStores: Map<string, RawStore>;
}
interface StoreInternals {
  transaction: { _requests: { operation: () => unknown }[] };
}

export interface QuotaLimit {
  /** Writes refused so far. */
  readonly refused: number;
  /** The origin's stored bytes now, as the limit counts them. */
  used(): number;
  setLimit(bytes: number): void;
  /** Puts fake-indexeddb back as it was. */
  release(): void;
}

type Write = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;

export function limitIndexedDbQuota(bytes: number): QuotaLimit {
  const proto = IDBObjectStore.prototype as unknown as { put: Write; add: Write };
  const originals = { put: proto.put, add: proto.add };
  let limit = bytes;
  let refused = 0;
  const used = () => {
    const databases = (globalThis.indexedDB as unknown as { _databases: Map<string, RawDatabase> })._databases;
    let total = 0;
    for (const database of databases.values())
      for (const store of database.rawObjectStores.values())
        for (const record of store.records.records.getAllRecords()) total += JSON.stringify(record.value)?.length ?? 0;
    return total;
  };
  const limited = (original: Write): Write =>
    function (this: IDBObjectStore, ...args) {
      const request = original.apply(this, args);
      const queued = (this as unknown as StoreInternals).transaction._requests.at(-1)!;
      const write = queued.operation;
      queued.operation = () => {
        const result = write();
        if (used() > limit) {
          refused++;
          throw new DOMException('', 'QuotaExceededError');
        }
        return result;
      };
      return request;
    };
  proto.put = limited(originals.put);
  proto.add = limited(originals.add);
  return {
    get refused() {
      return refused;
    },
    used,
    setLimit: (next) => void (limit = next),
    release: () => Object.assign(proto, originals),
  };
}
