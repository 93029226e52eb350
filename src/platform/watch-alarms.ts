/**
 * One alarm per watched name (`watch:<name>`), set for its next check. Alarms outlive the
 * worker (they wake it) and, in Chrome, the browser session; the worker re-creates any that are
 * missing at startup, so Firefox (which forgets them on restart) keeps watching too.
 *
 * Each alarm repeats every `FIRST_RETRY_MINUTES` after its time. The browser removes a one-shot
 * alarm as it rings, and MV3 may stop the worker during the check that alarm started: the name
 * was then left without an alarm until something else woke the worker (the soak test found it,
 * test/soak). Repeating, it rings again 5 minutes later, as a failed check is retried; a check
 * that ends sets the next time, which replaces it.
 */
import { FIRST_RETRY_MINUTES } from '../core/history/watch-schedule';
import { extensionApi } from './extension-api';

const PREFIX = 'watch:';

export function scheduleCheck(name: string, when: number): Promise<void> {
  return Promise.resolve(extensionApi.alarms.create(PREFIX + name, { when, periodInMinutes: FIRST_RETRY_MINUTES }));
}

export async function cancelCheck(name: string): Promise<void> {
  await extensionApi.alarms.clear(PREFIX + name);
}

/** The names that have an alarm now. */
export async function scheduledNames(): Promise<Set<string>> {
  const alarms = await extensionApi.alarms.getAll();
  return new Set(alarms.filter((a) => a.name.startsWith(PREFIX)).map((a) => a.name.slice(PREFIX.length)));
}

/** Calls `listener` with the watched name whose alarm rang. Register at the worker's top level. */
export function onCheckDue(listener: (name: string) => void): void {
  extensionApi.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(PREFIX)) listener(alarm.name.slice(PREFIX.length));
  });
}
