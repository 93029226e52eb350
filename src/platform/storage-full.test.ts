import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { committed, isStorageFull, sayingStorageFull, StorageFullError } from './storage-full';
import { limitIndexedDbQuota } from './testing/quota-limited-idb';

/** The shapes as the browsers throw them (messages copied from Chromium 156 and Firefox ESR). */
const FULL: [string, unknown][] = [
  ['Chromium IndexedDB: an aborted transaction’s error (empty message)', new DOMException('', 'QuotaExceededError')],
  ['Firefox IndexedDB', new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError')],
  [
    'Chromium localStorage (legacy code 22)',
    new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value of 'x' exceeded the quota.", 'QuotaExceededError'),
  ],
  ['Firefox localStorage: NS_ERROR_DOM_QUOTA_REACHED', new DOMException('Persistent storage maximum size reached', 'NS_ERROR_DOM_QUOTA_REACHED')],
  ['Chromium storage.local', new Error('Resource::kQuotaBytes quota exceeded')],
  ['older Chromium storage.local', new Error('QUOTA_BYTES quota exceeded')],
  ['Firefox, disk full', new Error('Component returned failure code: 0x80520010 (NS_ERROR_FILE_NO_DEVICE_SPACE) [nsIFileOutputStream.init]')],
  ['Firefox, quota reached as a message', new Error('Error: NS_ERROR_DOM_QUOTA_REACHED')],
  ['Chromium, full disk at open', new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'QuotaExceededError')],
  ['an abort event whose transaction failed for quota', { type: 'abort', target: { error: new DOMException('', 'QuotaExceededError') } }],
  ['an error whose cause is a quota error', new Error('saving failed', { cause: new DOMException('', 'QuotaExceededError') })],
  ['our own sentence, caught and checked again', new StorageFullError('Storage is full.')],
];

const NOT_FULL: [string, unknown][] = [
  ['an aborted transaction without an error (idb’s AbortError)', new DOMException('AbortError', 'AbortError')],
  ['a constraint error', new DOMException('Key already exists in the object store.', 'ConstraintError')],
  ['a version change', new DOMException('', 'VersionError')],
  ['a TypeError', new TypeError('cannot read properties of undefined')],
  ['undefined', undefined],
  ['a string that says nothing of space', 'the resolver timed out'],
  ['a DOMException-looking object with code 22 that is not one', { name: 'Error', code: 22, message: 'bad' }],
  ['an abort event without an error', { type: 'abort', target: { error: null } }],
];

describe('isStorageFull', () => {
  it.each(FULL)('recognises %s', (_what, error) => expect(isStorageFull(error)).toBe(true));
  it.each(NOT_FULL)('does not mistake %s for a full disk', (_what, error) => expect(isStorageFull(error)).toBe(false));

  it('reads a pending request whose `error` getter throws as no answer, not a crash', () => {
    const pending = Object.defineProperty({}, 'error', {
      get() {
        throw new DOMException('The request has not finished.', 'InvalidStateError');
      },
    });
    expect(isStorageFull(pending)).toBe(false);
  });

  it('does not loop on an error that links to itself', () => {
    const looped: { name: string; cause?: unknown } = { name: 'Error' };
    looped.cause = { target: looped };
    expect(isStorageFull(looped)).toBe(false);
  });

  it('finds the QuotaExceededError of a transaction whose put was refused, which idb’s tx.done hides behind a bare AbortError', async () => {
    const quota = limitIndexedDbQuota(1_000);
    try {
      const { openDB } = await import('idb');
      const db = await openDB('storage-full-test', 1, { upgrade: (d) => void d.createObjectStore('s') });
      const tx = db.transaction('s', 'readwrite');
      const outcome = committed(tx);
      const [request, done, aborted] = await Promise.allSettled([tx.store.put('x'.repeat(2_000), 'k'), tx.done, outcome]);
      expect(request.status === 'rejected' && isStorageFull(request.reason)).toBe(true);
      expect(done).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
      expect(done.status === 'rejected' && isStorageFull(done.reason)).toBe(false);
      expect(aborted.status === 'rejected' && isStorageFull(aborted.reason)).toBe(true);
      expect(quota.refused).toBe(1);
      expect(await db.count('s')).toBe(0); // rolled back
      const fits = db.transaction('s', 'readwrite');
      const fitted = committed(fits);
      await fits.store.put('small', 'k');
      await fitted;
      expect(await db.get('s', 'k')).toBe('small');
      db.close();
    } finally {
      quota.release();
    }
  });
});

describe('sayingStorageFull', () => {
  it('turns a full disk into the sentence and lets any other error through', async () => {
    await expect(sayingStorageFull(() => Promise.reject(new Error('Resource::kQuotaBytes quota exceeded')), 'Not saved: storage is full.')).rejects.toThrow(
      new StorageFullError('Not saved: storage is full.'),
    );
    await expect(sayingStorageFull(() => Promise.reject(new TypeError('boom')), 'Not saved')).rejects.toThrow(TypeError);
    expect(await sayingStorageFull(() => Promise.resolve(7), 'Not saved')).toBe(7);
  });
});
