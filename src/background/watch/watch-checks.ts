/**
 * A watched name's check, run when its alarm rings (the worker may have been woken for it, with
 * no page open): a fresh lookup through the user's resolver (no cache, so the answer is today's),
 * then the schedule (src/core/history/watch-schedule) says what it means, and the alerts follow.
 */
import { DohClient } from '../../core/doh/doh-client';
import { factsOf } from '../../core/history/facts-of';
import { afterCheck, alarmTime, type CheckOutcome, type WatchEntry, type WatchLogEntry } from '../../core/history/watch-schedule';
import { lookupMail } from '../../core/lookup/lookup-mail';
import { tryParseQuery } from '../../core/query/parse-query';
import { lookupOptionsFrom } from '../../shared/lookup-options-from';
import { getWatch, listWatches, updateWatch } from '../../platform/history-db';
import { isStorageFull } from '../../platform/storage-full';
import { notifyChange } from '../../platform/watch-alerts';
import { cancelCheck, scheduleCheck, scheduledNames } from '../../platform/watch-alarms';
import { engine } from '../engine';
import { providersFor } from '../../shared/resolver-chain';
import { recordKept } from './keep-history';
import { updateWatchSaving } from './save-watch';
import { refreshBadge } from './watch-badge';

/** One check at a time per name: an alarm and a "Check now" click do not race. */
const running = new Map<string, Promise<WatchEntry | undefined>>();

export function checkWatched(name: string): Promise<WatchEntry | undefined> {
  const current = running.get(name);
  if (current) return current;
  const check = runCheck(name).finally(() => running.delete(name));
  running.set(name, check);
  return check;
}

async function runCheck(name: string): Promise<WatchEntry | undefined> {
  const entry = await getWatch(name);
  if (!entry) {
    await cancelCheck(name);
    return undefined;
  }
  const { settings } = await engine();
  const outcome = await lookUp(entry.name, settings);
  const now = Date.now();
  // The outcome is applied to the entry as stored now, not as read before the lookup: the Watch
  // view may have marked changes seen, or the interval changed, while the lookup ran. Unwatched
  // meanwhile: nothing is written, so it does not come back.
  let alert: WatchLogEntry | undefined;
  let next: WatchEntry | undefined;
  try {
    next = await updateWatchSaving(
      name,
      (current) => {
        const after = afterCheck(current, outcome, now);
        alert = after.alert;
        // Notifications still to show are the stored entry's (a start may have shown some
        // meanwhile), and this check's own: written with the change, shown after.
        return withPending(after.entry, current.notifyPending, alert ? [now] : []);
      },
      now,
    );
  } catch (error) {
    // Not saved (storage is full): the stored entry stays as it was and the alarm stays set. No
    // change is told now: the next check finds it again against the stored facts and tells it
    // once, when it can be saved. saving() has set the badge and the Watch view's sentence.
    if (isStorageFull(error)) await scheduleCheck(name, alarmTime(afterCheck(entry, outcome, now).entry, now));
    throw error;
  }
  if (!next) return undefined;
  await scheduleCheck(name, alarmTime(next, now));
  if (outcome.ok && outcome.facts.verdict !== 'unanswered' && settings.history) await recordKept(outcome.facts).catch(() => undefined);
  if (next.notifyPending) await showPendingNotifications(name);
  // Only a logged change moves the unseen count: otherwise the badge is as it was, and reading the
  // whole watch list for it (200 entries with their facts) after every check would be for nothing.
  if (alert) await refreshBadge();
  return next;
}

async function lookUp(name: string, settings: Awaited<ReturnType<typeof engine>>['settings']): Promise<CheckOutcome> {
  const parsed = tryParseQuery(name);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  try {
    const client = new DohClient({ providers: providersFor(settings), timeoutMs: settings.timeoutMs });
    // What the facts hold, as the person chose; no networks, blocklists or policy file (lookup-options-from.ts says why).
    const report = await lookupMail(parsed.query, client, lookupOptionsFrom(settings, 'watch'));
    return { ok: true, facts: factsOf(report) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function withPending(entry: WatchEntry, ...lists: (number[] | undefined)[]): WatchEntry {
  const pending = [...new Set(lists.flatMap((list) => list ?? []))].sort((a, b) => a - b);
  const next = { ...entry };
  if (pending.length > 0) next.notifyPending = pending;
  else delete next.notifyPending;
  return next;
}

/** One showing at a time per name, so a start and a check never show the same change twice. */
const showing = new Map<string, Promise<void>>();

/**
 * Shows the notifications of the name's logged changes not shown yet, each then noted shown. A
 * change and the note that it awaits its notification are written together, so a worker stopped
 * before this shows it at its next start; the id is the change's (`watch:<name>:<time>`).
 */
function showPendingNotifications(name: string): Promise<void> {
  const shown = (showing.get(name) ?? Promise.resolve()).then(async () => {
    const stored = await getWatch(name);
    for (const at of stored?.notifyPending ?? []) {
      const change = stored!.log.find((logged) => logged.at === at);
      if (change) await notifyChange(`watch:${name}:${at}`, `Mail for ${stored!.display} changed`, change.summary).catch(() => false);
      await updateWatch(name, (current) => current && withPending({ ...current, notifyPending: current.notifyPending?.filter((t) => t !== at) }));
    }
  });
  const settled = shown.catch(() => undefined);
  showing.set(name, settled);
  void settled.then(() => {
    if (showing.get(name) === settled) showing.delete(name);
  });
  return shown;
}

/**
 * At every worker start: an alarm for every watched name that has none (Firefox forgets alarms
 * when it closes; a check that was due while the browser was closed runs at once), the badge, and
 * the notifications of changes a stopped worker logged but had not shown.
 */
export async function restoreWatches(): Promise<void> {
  const [watches, scheduled] = await Promise.all([listWatches(), scheduledNames()]);
  const now = Date.now();
  await Promise.all(watches.filter((w) => !scheduled.has(w.name)).map((w) => scheduleCheck(w.name, alarmTime(w, now))));
  await refreshBadge(watches);
  for (const watch of watches) if (watch.notifyPending) await showPendingNotifications(watch.name);
}
