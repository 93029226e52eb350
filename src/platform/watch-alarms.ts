/**
 * One alarm per watched name (`watch:<name>`), set for its next check. Alarms outlive the
 * worker (they wake it) and, in Chrome, the browser session; the worker re-creates any that are
 * missing at startup, so Firefox (which forgets them on restart) keeps watching too.
 */
import { extensionApi } from './extension-api';

const PREFIX = 'watch:';

export function scheduleCheck(name: string, when: number): Promise<void> {
  return Promise.resolve(extensionApi.alarms.create(PREFIX + name, { when }));
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
