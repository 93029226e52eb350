import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { factsOf } from '../core/history/facts-of';
import { report } from '../core/history/testing/facts-reports';
import { clearHistory, closeDb, DB_NAME, deleteWatch, getWatch, historyOf, listHistory, listWatches, putWatch, recordCheck } from './history-db';
import { newWatch } from '../core/history/watch-schedule';

const facts = (name: string, at: number) => factsOf(report({ query: { name, display: name }, startedAt: at }));

afterEach(async () => {
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
});
