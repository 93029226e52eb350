/**
 * Two things at once (issue 25): a watch check and a popup lookup of the same name. The watch
 * check is the worker's real `checkWatched` over fake-indexeddb; its lookup is held until the
 * test releases it, so each interleaving is chosen, not timed. The popup's side is what the
 * lookup port runs once its report is done: `keepInHistory`.
 *
 * What must hold in every interleaving: both checks are in the name's history (history keeps
 * every check, src/core/history/history-bounds.ts has no dedupe), the watch entry's change log
 * has the change once, and "Since last time…" is said at most once for it, never backwards.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { factsOf } from '../../core/history/facts-of';
import { report } from '../../core/history/testing/facts-reports';
import { newWatch } from '../../core/history/watch-schedule';
import type { Report } from '../../core/report';
import { testExchange } from '../../core/routing-checks/test-report';
import { closeDb, DB_NAME, getWatch, historyOf, putWatch } from '../../platform/history-db';
import { migrateSettings } from '../../shared/settings';

const fake = vi.hoisted(() => ({
  alarms: new Map<string, number>(),
  notified: [] as string[],
  badge: '',
}));

vi.mock('../../platform/extension-api', () => ({
  extensionApi: {
    alarms: {
      create: async (name: string, { when }: { when: number }) => void fake.alarms.set(name, when),
      clear: async (name: string) => fake.alarms.delete(name),
      getAll: async () => [...fake.alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
    },
    action: { setBadgeText: async ({ text }: { text: string }) => void (fake.badge = text) },
    permissions: { contains: async () => true },
    notifications: { create: async (id: string) => void fake.notified.push(id) },
    runtime: { getURL: (path: string) => `chrome-extension://fake/${path}` },
  },
}));

vi.mock('../engine', () => ({ engine: async () => ({ settings: migrateSettings(undefined), client: undefined }) }));

/** The watch check's lookups, each held until the test releases it with the report it gets. */
const held = vi.hoisted(() => [] as { release: (report: unknown) => void }[]);
vi.mock('../../core/lookup/lookup-mail', () => ({
  lookupMail: () => new Promise((resolve) => held.push({ release: resolve })),
}));

const { checkWatched } = await import('./watch-checks');
const { watchHandlers } = await import('./watch-requests');
const { keepInHistory } = await import('./keep-history');

const NAME = 'race.example';
const HOUR = 3_600_000;
/** The zone before and after its change: one MX host, then another. */
const zoneA = (startedAt: number): Report => report({ query: { name: NAME, display: NAME }, startedAt, exchanges: [testExchange('mx-a.race.example')] });
const zoneB = (startedAt: number): Report => report({ query: { name: NAME, display: NAME }, startedAt, exchanges: [testExchange('mx-b.race.example')] });

const settled = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Starts a watch check and waits until its lookup is asked (and held). */
async function startCheck(): Promise<{ release: (r: Report) => Promise<void>; done: Promise<unknown> }> {
  const before = held.length;
  const done = checkWatched(NAME);
  for (let i = 0; i < 50 && held.length === before; i++) await settled();
  const gate = held[before];
  if (!gate) throw new Error('the watch check never asked its lookup');
  return {
    release: async (r) => {
      gate.release(r);
      await done;
    },
    done,
  };
}

beforeEach(async () => {
  fake.alarms.clear();
  fake.notified.length = 0;
  held.length = 0;
  // Watched since t=0 with zone A, and A in history: the last thing anyone saw.
  await putWatch(newWatch(NAME, NAME, 0, { facts: factsOf(zoneA(0)) }));
  await keepInHistory(zoneA(0), { history: true }, 0);
});

afterEach(async () => {
  await closeDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = () => resolve();
  });
});

const historyTimes = async () => (await historyOf(NAME))?.checks.map((c) => c.checkedAt);

describe('a watch check and a popup lookup of the same name at once', () => {
  it('the popup keeps its check while the watch lookup is out: both land, the change is logged once and said once', async () => {
    const check = await startCheck();
    const since = await keepInHistory(zoneB(2 * HOUR), { history: true }, 2 * HOUR);
    await check.release(zoneB(2 * HOUR + 1));

    expect(await historyTimes()).toEqual([0, 2 * HOUR, 2 * HOUR + 1]);
    const entry = await getWatch(NAME);
    expect(entry?.log).toHaveLength(1);
    expect(entry?.unseen).toBe(1);
    expect(fake.notified).toHaveLength(1);
    expect(since?.items.length).toBeGreaterThan(0); // the popup was first to see B: it says so, once
  });

  it('the watch check keeps its check first: the popup then has nothing to say, the log has the change once', async () => {
    const check = await startCheck();
    await check.release(zoneB(2 * HOUR + 1));
    const since = await keepInHistory(zoneB(2 * HOUR + 2), { history: true }, 2 * HOUR + 2);

    expect(await historyTimes()).toEqual([0, 2 * HOUR + 1, 2 * HOUR + 2]);
    expect((await getWatch(NAME))?.log).toHaveLength(1);
    expect(since).toBeUndefined();
  });

  it('both write in the same moment: one read-modify-write after the other, no check lost', async () => {
    const check = await startCheck();
    const [since] = await Promise.all([keepInHistory(zoneB(2 * HOUR), { history: true }, 2 * HOUR), check.release(zoneB(2 * HOUR + 1))]);

    expect(await historyTimes()).toEqual([0, 2 * HOUR, 2 * HOUR + 1]);
    expect((await getWatch(NAME))?.log).toHaveLength(1);
    expect(since?.items.length).toBeGreaterThan(0);
  });

  it('a popup lookup that started before the change and finished after the watch check says no change backwards', async () => {
    // The popup asked at 2 h and got A; the zone changed; the watch check asked at 2 h + 1 s, got
    // B and kept it first. The popup's A is older than the last kept check: comparing it with B
    // would say "B went back to A since 2 h + 1 s", a change that never happened.
    const check = await startCheck();
    await check.release(zoneB(2 * HOUR + 1_000));
    const since = await keepInHistory(zoneA(2 * HOUR), { history: true }, 2 * HOUR + 5_000);

    expect(await historyTimes()).toEqual([0, 2 * HOUR, 2 * HOUR + 1_000]);
    expect(since).toBeUndefined();
    expect((await getWatch(NAME))?.log).toHaveLength(1);
  });

  it('two popup lookups that both see the change say it once', async () => {
    const [first, second] = await Promise.all([
      keepInHistory(zoneB(2 * HOUR), { history: true }, 2 * HOUR),
      keepInHistory(zoneB(2 * HOUR + 1), { history: true }, 2 * HOUR + 1),
    ]);
    expect(await historyTimes()).toEqual([0, 2 * HOUR, 2 * HOUR + 1]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
  });
});

describe('a watch check and other writes to the same watch entry', () => {
  it('an alarm and "Check now" at once run one check: one lookup, one log entry, one notification', async () => {
    const check = await startCheck();
    const now = watchHandlers.checkWatchNow({ name: NAME });
    await settled();
    expect(held).toHaveLength(1);
    await check.release(zoneB(2 * HOUR));
    await now;
    expect((await getWatch(NAME))?.log).toHaveLength(1);
    expect(fake.notified).toHaveLength(1);
    expect(await historyTimes()).toEqual([0, 2 * HOUR]);
  });

  it('the Watch view opened while a check runs: its "seen" is not undone by the check', async () => {
    const changed = await startCheck();
    await changed.release(zoneB(HOUR)); // one change, unseen
    expect((await getWatch(NAME))?.unseen).toBe(1);

    const check = await startCheck();
    await watchHandlers.markWatchesSeen(undefined as never);
    await check.release(zoneB(2 * HOUR)); // no new change
    const entry = await getWatch(NAME);
    expect(entry).toMatchObject({ unseen: 0, status: 'ok' });
    expect(entry?.log).toHaveLength(1);
    expect(fake.badge).toBe('');
  });

  it('an interval changed while a check runs is kept', async () => {
    const check = await startCheck();
    await watchHandlers.setWatchInterval({ name: NAME, everyMinutes: 30 });
    await check.release(zoneA(2 * HOUR));
    expect((await getWatch(NAME))?.everyMinutes).toBe(30);
  });

  it('a name unwatched while its check runs stays unwatched, with no alarm', async () => {
    const check = await startCheck();
    await watchHandlers.unwatchName({ name: NAME });
    await check.release(zoneB(2 * HOUR));
    expect(await getWatch(NAME)).toBeUndefined();
    expect(fake.alarms.has(`watch:${NAME}`)).toBe(false);
  });
});
