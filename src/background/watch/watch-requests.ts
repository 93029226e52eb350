/** The worker's side of src/shared/watch-messages.ts: the watch list and history, for the pages. */
import { factsFile, parseFactsFile } from '../../core/history/facts-file';
import { clampMinutes, markSeen, MAX_WATCHED_NAMES, newWatch, type WatchEntry } from '../../core/history/watch-schedule';
import { tryParseQuery } from '../../core/query/parse-query';
import { clearHistory, deleteWatch, getWatch, historyOf, listHistory, listWatches } from '../../platform/history-db';
import { dismissHistoryNote, storageNotes } from '../../platform/storage-notes';
import { cancelCheck, scheduleCheck } from '../../platform/watch-alarms';
import type { WatchRequests } from '../../shared/watch-messages';
import { saveWatch, updateWatchSaving } from './save-watch';
import { refreshBadge } from './watch-badge';
import { checkWatched } from './watch-checks';

type Handlers = { [N in keyof WatchRequests]: (payload: WatchRequests[N][0]) => Promise<WatchRequests[N][1]> };

function nameOf(input: string): { name: string; display: string } {
  const parsed = tryParseQuery(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  if (parsed.query.kind === 'ip') throw new Error('An IP address has no mail routing to watch; watch a domain.');
  return { name: parsed.query.name, display: parsed.query.display };
}

async function mustGet(name: string): Promise<WatchEntry> {
  const entry = await getWatch(name);
  if (!entry) throw new Error(`${name} is not on the watch list`);
  return entry;
}

export const watchHandlers: Handlers = {
  async watchName({ input, everyMinutes }) {
    const { name, display } = nameOf(input);
    const existing = await getWatch(name);
    if (existing) return existing;
    if ((await listWatches()).length >= MAX_WATCHED_NAMES) throw new Error(`The watch list holds at most ${MAX_WATCHED_NAMES} names; stop watching one first.`);
    // The last lookup's facts, when history has them, so the first check can already tell a change.
    const last = (await historyOf(name))?.checks.at(-1);
    const entry = newWatch(name, display, Date.now(), { ...(everyMinutes ? { everyMinutes } : {}), ...(last ? { facts: last } : {}) });
    await saveWatch(entry);
    await scheduleCheck(name, entry.nextCheckAt);
    return entry;
  },
  async unwatchName({ name }) {
    await deleteWatch(name);
    await cancelCheck(name);
    await refreshBadge();
  },
  async isWatched({ input }) {
    const parsed = tryParseQuery(input);
    return parsed.ok && (await getWatch(parsed.query.name)) !== undefined;
  },
  listWatches: () => listWatches(),
  async setWatchInterval({ name, everyMinutes }) {
    const minutes = clampMinutes(everyMinutes);
    const next = await updateWatchSaving(name, (entry) => ({
      ...entry,
      everyMinutes: minutes,
      nextCheckAt: (entry.lastCheckAt ?? entry.addedAt) + minutes * 60_000,
    }));
    if (!next) throw new Error(`${name} is not on the watch list`);
    await scheduleCheck(name, Math.max(next.nextCheckAt, Date.now() + 1000));
    return next;
  },
  async checkWatchNow({ name }) {
    await mustGet(name);
    return (await checkWatched(name)) ?? mustGet(name);
  },
  async markWatchesSeen() {
    for (const entry of await listWatches()) if (entry.unseen > 0) await updateWatchSaving(entry.name, markSeen);
    await refreshBadge();
  },
  async exportWatches() {
    const watches = await listWatches();
    const file = factsFile(
      watches.flatMap((w) => (w.lastFacts ? [w.lastFacts] : [])),
      Date.now(),
    );
    file.watch = watches.map((w) => ({ name: w.name, everyMinutes: w.everyMinutes }));
    return file;
  },
  async importWatches({ text }) {
    if (text.length > 20_000_000) throw new Error('This file is too big to be an MXray watch list (over 20 MB).');
    const read = parseFactsFile(text);
    if (!read.ok) throw new Error(`This is not a file MXray can import: ${read.error}`);
    const minutes = new Map((read.file.watch ?? []).map((w) => [w.name, w.everyMinutes]));
    const names = new Map(read.file.names.filter((f) => f.kind !== 'ip').map((f) => [f.name, f]));
    for (const name of minutes.keys()) if (!names.has(name)) names.set(name, undefined as never);
    const watched = new Set((await listWatches()).map((w) => w.name));
    const total = new Set([...watched, ...names.keys()]).size;
    if (total > MAX_WATCHED_NAMES)
      throw new Error(`Importing would watch ${total} names; the watch list holds at most ${MAX_WATCHED_NAMES}. Nothing was imported.`);
    const now = Date.now();
    let imported = 0;
    for (const [name, facts] of names) {
      const everyMinutes = minutes.get(name);
      const existing = await getWatch(name);
      const entry = newWatch(name, facts?.display ?? name, now, { ...(everyMinutes ? { everyMinutes } : {}), ...(facts ? { facts } : {}) });
      await saveWatch(existing ? { ...existing, everyMinutes: entry.everyMinutes, ...(facts ? { lastFacts: facts } : {}) } : entry);
      await scheduleCheck(name, existing ? Math.max(existing.nextCheckAt, now + 1000) : entry.nextCheckAt);
      imported++;
    }
    return { imported };
  },
  async listHistory() {
    return listHistory();
  },
  clearHistory: () => clearHistory(),
  storageNotes: () => storageNotes(),
  dismissHistoryNote: () => dismissHistoryNote(),
};
