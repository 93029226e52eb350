// The watch list and history when storage is full: the worker's real check and save paths over fake-indexeddb
// with a quota (src/platform/testing/quota-limited-idb.ts) and the extension APIs in memory. The
// resolver is unreachable (fetch fails): a failed check is still a new state to save.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { factsOf } from '../../core/history/facts-of';
import { report } from '../../core/history/testing/facts-reports';
import { newWatch } from '../../core/history/watch-schedule';
import { closeDb, DB_NAME, getWatch, listHistory } from '../../platform/history-db';
import { isStorageFull } from '../../platform/storage-full';
import { forgetStorageNotes, storageNotes } from '../../platform/storage-notes';
import { DEFAULT_TITLE, resetFakeBrowser, sharedFakeBrowser } from '../../platform/testing/fake-extension-api';
import { limitIndexedDbQuota, type QuotaLimit } from '../../platform/testing/quota-limited-idb';
import { COULD_NOT_SAVE_TITLE } from '../../platform/watch-alerts';
import { recordKept } from './keep-history';
import { saveWatch, WATCH_NOT_SAVED } from './save-watch';
import { checkWatched } from './watch-checks';
import { watchHandlers } from './watch-requests';

vi.mock('../../platform/extension-api', async () => ({ extensionApi: (await import('../../platform/testing/fake-extension-api')).sharedFakeBrowser().api }));

const browser = sharedFakeBrowser();
const NAME = 'watched.example';
let quota: QuotaLimit | undefined;

beforeEach(() => {
  resetFakeBrowser();
  forgetStorageNotes();
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('Failed to fetch');
  });
});

afterEach(async () => {
  quota?.release();
  quota = undefined;
  vi.unstubAllGlobals();
  await closeDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = () => resolve();
  });
});

/** A watched name, then a quota exactly at what is stored: any write that grows it is refused. */
async function watchedAndFull() {
  const entry = newWatch(NAME, NAME, Date.now() - 7 * 3600_000);
  await saveWatch(entry);
  quota = limitIndexedDbQuota(Number.POSITIVE_INFINITY);
  quota.setLimit(quota.used());
  return entry;
}

describe('the watch list when storage is full', () => {
  it('keeps the last saved state, keeps the alarm, says "could not save" on the badge and to the Watch view; the next save clears it', async () => {
    const before = await watchedAndFull();
    const failure = await checkWatched(NAME).catch((e: unknown) => e);
    expect(isStorageFull(failure)).toBe(true);
    expect((failure as Error).message).toBe(WATCH_NOT_SAVED);
    expect(quota!.refused).toBe(1);
    expect(await getWatch(NAME)).toEqual(before);
    expect(browser.alarms.get(`watch:${NAME}`)).toBeGreaterThan(Date.now());
    expect(browser.badge).toEqual({ text: '!', title: COULD_NOT_SAVE_TITLE });
    expect(browser.notified).toEqual([]);
    const notes = await watchHandlers.storageNotes(undefined);
    expect(notes.watchUnsaved?.at).toBeGreaterThan(0);
    // Said once: a second refusal keeps the first time.
    await checkWatched(NAME).catch(() => undefined);
    expect((await watchHandlers.storageNotes(undefined)).watchUnsaved).toEqual(notes.watchUnsaved);
    // Where a person acted, the same sentence comes back to the page (no room at all now).
    quota!.setLimit(0);
    await expect(watchHandlers.setWatchInterval({ name: NAME, everyMinutes: 15 })).rejects.toThrow(WATCH_NOT_SAVED);

    quota!.setLimit(Number.POSITIVE_INFINITY);
    const saved = await checkWatched(NAME);
    expect(saved?.lastCheckAt).toBeGreaterThan(before.addedAt);
    expect((await getWatch(NAME))?.lastCheckAt).toBe(saved?.lastCheckAt);
    expect(browser.badge).toEqual({ text: '', title: DEFAULT_TITLE });
    expect(await watchHandlers.storageNotes(undefined)).toEqual({});
  });

  it('holds the "could not save" state in memory when storage.local is full too', async () => {
    await watchedAndFull();
    browser.localQuota = 0;
    await checkWatched(NAME).catch(() => undefined);
    expect(browser.local.has('storageNotes')).toBe(false);
    expect((await storageNotes()).watchUnsaved).toBeDefined();
    expect(browser.badge.text).toBe('!');
  });

  it('a new worker reads the state back from storage.local and shows it on the badge at start', async () => {
    await watchedAndFull();
    await checkWatched(NAME).catch(() => undefined);
    forgetStorageNotes();
    browser.badge.text = '';
    const { restoreWatches } = await import('./watch-checks');
    await restoreWatches();
    expect(browser.badge.text).toBe('!');
  });
});

describe('history when storage is full', () => {
  const facts = (name: string, at: number) => factsOf(report({ query: { name, display: name }, startedAt: at }));

  it('drops the oldest names to make room and leaves one note for the History view, added up, not one per check', async () => {
    for (let i = 1; i <= 30; i++) await recordKept(facts(`n${i}.example`, i), i);
    quota = limitIndexedDbQuota(Number.POSITIVE_INFINITY);
    const perName = quota.used() / 30;
    quota.setLimit(quota.used() + perName / 2);
    await recordKept(facts('new1.example', 100), 100);
    expect((await watchHandlers.storageNotes(undefined)).historyDropped).toEqual({ names: 3, at: 100 });
    // Room was made: the next checks write without dropping, and the note stays as it was.
    await recordKept(facts('new2.example', 101), 101);
    await recordKept(facts('new3.example', 102), 102);
    expect((await watchHandlers.storageNotes(undefined)).historyDropped).toEqual({ names: 3, at: 100 });
    expect(quota.refused).toBe(1);
    // Full again later: the one note adds up, with the later date.
    quota.setLimit(quota.used());
    await recordKept(facts('new4.example', 200), 200);
    expect((await watchHandlers.storageNotes(undefined)).historyDropped).toEqual({ names: 6, at: 200 });
    expect((await listHistory()).map((r) => r.name)).not.toContain('n6.example');
    await watchHandlers.dismissHistoryNote(undefined);
    expect(await watchHandlers.storageNotes(undefined)).toEqual({});
  });
});
