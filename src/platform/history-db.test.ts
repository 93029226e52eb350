import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { factsOf } from '../core/history/facts-of';
import { report } from '../core/history/testing/facts-reports';
import { clearHistory, closeDb, DB_NAME, deleteWatch, getWatch, historyOf, listHistory, listWatches, putWatch, recordCheck, updateWatch } from './history-db';
import { newWatch } from '../core/history/watch-schedule';
import { isStorageFull } from './storage-full';
import { limitIndexedDbQuota, type QuotaLimit } from './testing/quota-limited-idb';

const facts = (name: string, at: number) => factsOf(report({ query: { name, display: name }, startedAt: at }));

let quota: QuotaLimit | undefined;

afterEach(async () => {
  quota?.release();
  quota = undefined;
  await closeDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('history in IndexedDB', () => {
  it('returns the last facts of a name and keeps at most 20 checks of it', async () => {
    expect(await recordCheck(facts('a.example', 1))).toBeUndefined();
    expect((await recordCheck(facts('a.example', 2)))?.checkedAt).toBe(1);
    for (let i = 3; i <= 30; i++) await recordCheck(facts('a.example', i));
    const entry = await historyOf('a.example');
    expect(entry?.checks.map((c) => c.checkedAt)).toEqual(Array.from({ length: 20 }, (_, i) => i + 11));
  });

  it('evicts the least recently checked names past the limit, and lists the rest newest first', async () => {
    for (let i = 1; i <= 6; i++) await recordCheck(facts(`n${i}.example`, i * 10), 4);
    await recordCheck(facts('n3.example', 100), 4); // looked at again: now the newest
    await recordCheck(facts('n7.example', 70), 4);
    const rows = await listHistory();
    expect(rows.map((r) => r.name)).toEqual(['n3.example', 'n7.example', 'n6.example', 'n5.example']);
    expect(rows[0]).toMatchObject({ lastCheckedAt: 100, lastVerdict: 'ok', checks: 2 });
    await clearHistory();
    expect(await listHistory()).toEqual([]);
  });

  it('keeps the watch list apart from history', async () => {
    await putWatch(newWatch('w.example', 'w.example', 0, { facts: facts('w.example', 0) }));
    await clearHistory();
    expect((await listWatches()).map((w) => w.name)).toEqual(['w.example']);
    expect((await getWatch('w.example'))?.lastFacts?.name).toBe('w.example');
    await deleteWatch('w.example');
    expect(await listWatches()).toEqual([]);
  });

  it('updates a watch entry in one read and write, and writes nothing for an entry that is gone', async () => {
    await putWatch(newWatch('w.example', 'w.example', 0, { facts: facts('w.example', 0) }));
    const written = await updateWatch('w.example', (entry) => entry && { ...entry, notifyPending: [5] });
    expect(written?.notifyPending).toEqual([5]);
    expect((await getWatch('w.example'))?.notifyPending).toEqual([5]);
    expect(await updateWatch('gone.example', (entry) => entry && { ...entry, unseen: 1 })).toBeUndefined();
    expect(await getWatch('gone.example')).toBeUndefined();
  });
});

describe('history when storage is full', () => {
  /** Twenty names, n1 checked longest ago, each one check; then the quota is set just above what they hold. */
  async function fullHistory(): Promise<{ perName: number }> {
    for (let i = 1; i <= 20; i++) await recordCheck(facts(`n${i}.example`, i));
    quota = limitIndexedDbQuota(Number.POSITIVE_INFINITY);
    const perName = quota.used() / 20;
    quota.setLimit(quota.used() + perName / 2);
    return { perName };
  }

  it('drops the least recently checked tenth of the names, says how many once, and keeps the new check', async () => {
    await fullHistory();
    const dropped: number[] = [];
    const previous = await recordCheck(facts('new.example', 100), undefined, (n) => void dropped.push(n));
    expect(previous).toBeUndefined();
    expect(dropped).toEqual([2]);
    expect(quota!.refused).toBe(1);
    const names = (await listHistory()).map((r) => r.name);
    expect(names).toHaveLength(19);
    expect(names[0]).toBe('new.example');
    expect(names).not.toContain('n1.example');
    expect(names).not.toContain('n2.example');
    expect(names).toContain('n3.example');
    // The room made is enough for the next checks: nothing more is dropped, nothing more said.
    await recordCheck(facts('n20.example', 101), undefined, (n) => void dropped.push(n));
    expect(dropped).toEqual([2]);
  });

  it('tries once more only: when the drop did not make room, the error goes to the caller, the drop is still told, and nothing else is lost', async () => {
    const { perName } = await fullHistory();
    const big = factsOf(report({ query: { name: 'big.example', display: 'big.example' }, startedAt: 200 }));
    // A check ten names wide: dropping two names cannot make room for it.
    const huge = { ...big, display: 'b'.repeat(Math.ceil(perName * 10)) };
    const dropped: number[] = [];
    const failure = await recordCheck(huge, undefined, (n) => void dropped.push(n)).catch((e: unknown) => e);
    expect(isStorageFull(failure)).toBe(true);
    expect(quota!.refused).toBe(2); // the write and its one retry
    // The two names are gone whether or not the check found room: the History view must say so.
    expect(dropped).toEqual([2]);
    expect(await listHistory()).toHaveLength(18); // the two oldest went; the rest is there
    expect(await historyOf('big.example')).toBeUndefined();
  });

  it('never drops the name being recorded: alone and too big, it fails with the quota error', async () => {
    quota = limitIndexedDbQuota(10);
    const failure = await recordCheck(facts('only.example', 1)).catch((e: unknown) => e);
    expect(isStorageFull(failure)).toBe(true);
    expect(quota.refused).toBe(1);
  });
});
