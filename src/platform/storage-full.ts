/**
 * Is this error the browser refusing a write because the quota is reached or the disk is full?
 * One answer for both browsers and both stores, so every writer can turn it into a sentence
 * instead of a crash. The shapes, as the browsers throw them:
 * - IndexedDB in Chromium and Firefox: a `DOMException` named `QuotaExceededError` (legacy code
 *   22), as the failed request's error or as the aborted transaction's (`idb` rejects `tx.done`
 *   with `transaction.error`; a raw `abort`/`error` event carries it on its target);
 * - Firefox's internal names when they leak into a message: `NS_ERROR_DOM_QUOTA_REACHED` (code
 *   1014, localStorage) and `NS_ERROR_FILE_NO_DEVICE_SPACE` (the disk is full);
 * - `storage.local` in Chromium: a plain `Error("Resource::kQuotaBytes quota exceeded")`, older
 *   versions "QUOTA_BYTES quota exceeded";
 * - a full disk under Chromium's IndexedDB: "Encountered full disk while opening backing store…".
 */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE', 'StorageFullError']);
/** DOMException.QUOTA_EXCEEDED_ERR, and Gecko's NS_ERROR_DOM_QUOTA_REACHED as a DOMException code. */
const QUOTA_CODES = new Set([22, 1014]);
const QUOTA_TEXT =
  /QuotaExceededError|NS_ERROR_DOM_QUOTA_REACHED|NS_ERROR_FILE_NO_DEVICE_SPACE|quota_?bytes|quota (has been )?exceeded|exceeded (its |the )?quota|full disk|disk is full|no space left on device/i;

/** How deep to follow `error`, `cause` and `target` links: an abort event holds its transaction, which holds the error. */
const MAX_DEPTH = 4;

export function isStorageFull(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > MAX_DEPTH) return typeof error === 'string' && QUOTA_TEXT.test(error);
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (typeof code === 'number' && QUOTA_CODES.has(code) && isDomException(error)) return true;
  if (typeof message === 'string' && QUOTA_TEXT.test(message)) return true;
  // An aborted transaction, a failed request, an `abort` event's target, an error's cause.
  for (const link of ['error', 'cause', 'target'] as const) {
    const next = readLink(error, link);
    if (next !== undefined && next !== error && isStorageFull(next, depth + 1)) return true;
  }
  return false;
}

/** Reading `request.error` of a pending IDBRequest throws InvalidStateError: such a link is no answer. */
function readLink(error: object, link: 'error' | 'cause' | 'target'): unknown {
  try {
    return (error as Record<string, unknown>)[link];
  } catch {
    return undefined;
  }
}

function isDomException(error: object): boolean {
  return (typeof DOMException !== 'undefined' && error instanceof DOMException) || Object.prototype.toString.call(error) === '[object DOMException]';
}

/** A write refused because storage is full, with the sentence a person reads. */
export class StorageFullError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageFullError';
  }
}

/** Runs `write`; a full disk or quota becomes `StorageFullError(sentence)`, anything else passes through. */
export async function sayingStorageFull<T>(write: () => Promise<T>, sentence: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isStorageFull(error)) throw new StorageFullError(sentence, { cause: error });
    throw error;
  }
}

/** What `committed` needs of a transaction: a raw `IDBTransaction` or idb's wrapper of one. */
interface Finishing {
  readonly error: DOMException | null;
  /** idb's own promise of the outcome: handled here, so an abort is not also an unhandled rejection. */
  readonly done?: Promise<void>;
  addEventListener(type: 'complete' | 'abort', listener: () => void): void;
}

/**
 * Resolves when the transaction commits, and rejects with the transaction's own error when it
 * aborts. idb's `tx.done` rejects on the first failed request's `error` event, before the browser
 * sets `transaction.error`, so a refused `put` there reads as a bare AbortError and the
 * QuotaExceededError is lost; the `abort` event comes after it is set. Call it before the
 * transaction can finish (right after opening it).
 */
export function committed(tx: Finishing): Promise<void> {
  tx.done?.catch(() => undefined);
  return new Promise((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('abort', () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError')));
  });
}

/**
 * Runs `work` on an open transaction and resolves with its result once the transaction commits.
 * A refused request aborts the transaction, and the transaction's error (QuotaExceededError) is
 * what rejects, never the request's; no rejection is left unhandled, whichever step fails.
 */
export async function inTransaction<T>(tx: Finishing, work: () => Promise<T>): Promise<T> {
  const done = committed(tx);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    throw await done.then(
      () => error,
      (aborted: unknown) => aborted,
    );
  }
  await done;
  return result;
}
