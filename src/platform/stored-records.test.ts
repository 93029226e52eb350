/**
 * The history and watch stores read through their migrations (fake-indexeddb): 0.1.0's records
 * read in today's shape, and a damaged record is skipped and counted while the rest loads.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { factsOf } from '../core/history/facts-of';
import { report } from '../core/history/testing/facts-reports';
import { newWatch } from '../core/history/watch-schedule';
import {
  allHistory,
  closeDb,
  DB_NAME,
  getWatch,
  historyOf,
  listHistory,
  listWatches,
  putWatch,
  recordCheck,
  replaceHistoryAndWatches,
  unreadableRecords,
} from './history-db';

const sample = (release: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/stored/${release}/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Writes records as they are, past the typed functions: what an older MXray or a hand edit left. */
async function putRaw(store: 'history' | 'watch', ...records: unknown[]): Promise<void> {
  await listWatches(); // creates the database at its version
  await closeDb();
  const database = await openDB(DB_NAME);
  for (const record of records) await database.put(store, record);
  database.close();
}

afterEach(async () => {
  await closeDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('stored history and watch records', () => {
  it("reads 0.1.0's records in today's shape", async () => {
    await putRaw('history', sample('0.1.0', 'history-record'));
    await putRaw('watch', sample('0.1.0', 'watch-entry'));
    expect(await historyOf('example.com')).toEqual(sample('current', 'history-record'));
    expect(await listWatches()).toEqual([sample('current', 'watch-entry')]);
    expect(await unreadableRecords()).toEqual({ history: 0, watch: 0 });
  });

  it('skips and counts a damaged or newer record; the others load, and a check replaces a damaged one', async () => {
    const good = sample('current', 'history-record');
    await putRaw(
      'history',
      good,
      { ...good, name: 'newer.example', version: 3 },
      { ...good, name: 'cut.example', checks: [{ version: 2, name: 'cut.example' }] },
    );
    const watch = sample('current', 'watch-entry');
    await putRaw('watch', watch, { ...watch, name: 'broken.example', log: 'lost' });
    expect((await listHistory()).map((row) => row.name)).toEqual(['example.com']);
    expect(await historyOf('cut.example')).toBeUndefined();
    expect((await allHistory()).map((r) => r.name)).toEqual(['example.com']);
    expect((await listWatches()).map((w) => w.name)).toEqual(['example.com']);
    // An alarm for the damaged entry finds nothing to check, rather than crash.
    expect(await getWatch('broken.example')).toBeUndefined();
    expect(await unreadableRecords()).toEqual({ history: 2, watch: 1 });

    const fresh = factsOf(report({ query: { name: 'cut.example', display: 'cut.example' }, startedAt: 5 }));
    expect(await recordCheck(fresh)).toBeUndefined();
    expect((await historyOf('cut.example'))?.checks).toEqual([fresh]);
    expect(await unreadableRecords()).toEqual({ history: 1, watch: 1 });
  });

  it('replaces history and watch list together', async () => {
    await putWatch(newWatch('old.example', 'old.example', 0));
    await recordCheck(factsOf(report({ query: { name: 'old.example', display: 'old.example' }, startedAt: 1 })));
    const history = sample('current', 'history-record') as never;
    const watch = sample('current', 'watch-entry') as never;
    await replaceHistoryAndWatches([history], [watch]);
    expect(await allHistory()).toEqual([history]);
    expect(await listWatches()).toEqual([watch]);
  });
});
