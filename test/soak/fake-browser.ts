/**
 * The extension API the worker sees in the soak (src/platform/extension-api.ts is mocked to
 * this): in memory, with the browser's semantics for what the watch list relies on.
 *
 * - `alarms`: one alarm per name (create replaces), kept across worker stops and, as Chrome does,
 *   across browser restarts; a one-shot alarm is removed when it fires, a periodic one moves on
 *   by its period; an alarm due in the past fires at once. The soak's loop fires them (`dueAlarms`).
 * - `notifications`: create with an id already shown replaces it (counted, to catch duplicates).
 * - `storage.local` survives everything; `storage.session` is emptied when the browser restarts.
 * - Events are heard by the listeners of the worker run that is alive; every call made by a run
 *   that was stopped never settles (worker-context.ts).
 *
 * Namespaces the worker only registers listeners on (menus, omnibox, ports) are inert events.
 */
import { never, type WorkerRun } from './worker-context';

type Fn = (...args: never[]) => unknown;

/** An event of the browser, shared by every worker run; each run's listeners are its own. */
export class FakeEvent<L extends Fn = Fn> {
  private listeners: { worker: WorkerRun | undefined; fn: L }[] = [];

  /** The event as `run` sees it: what it adds is heard only while it is alive. */
  for(worker: WorkerRun) {
    return {
      addListener: (fn: L): void => {
        // A stopped run's listeners go (events never dispatched would keep every run's code alive).
        this.listeners = this.listeners.filter((l) => !l.worker || l.worker.alive);
        this.listeners.push({ worker, fn });
      },
      removeListener: (fn: L): void => {
        this.listeners = this.listeners.filter((l) => l.fn !== fn);
      },
      hasListener: (fn: L): boolean => this.listeners.some((l) => l.fn === fn),
    };
  }

  /** Calls the live runs' listeners; returns what they returned. */
  dispatch(...args: Parameters<L>): unknown[] {
    this.listeners = this.listeners.filter((l) => !l.worker || l.worker.alive);
    return this.listeners.map((l) => l.fn(...args));
  }
}

export interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface ShownNotification {
  id: string;
  title: string;
  message: string;
  at: number;
}

export interface BrowserStats {
  alarmsCreated: number;
  alarmsFired: number;
  notificationCalls: number;
  badgeText: string;
  /** API calls a stopped worker run made after it was stopped (left unanswered). */
  callsAfterStop: number;
}

type Live = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => Promise<Awaited<R>>;

/** Wraps API methods for one run: a stopped run's call never settles; a live run's gets a promise, as the polyfill gives. */
function liveFor(worker: WorkerRun, stats: BrowserStats): Live {
  return (fn) =>
    (...args) => {
      if (!worker.alive) {
        stats.callsAfterStop++;
        return never();
      }
      try {
        return Promise.resolve(fn(...args)) as never;
      } catch (error) {
        return Promise.reject(error);
      }
    };
}

class StorageArea {
  readonly data = new Map<string, unknown>();

  constructor(
    private readonly name: 'local' | 'session',
    private readonly changed: FakeEvent,
  ) {}

  get(keys: unknown): Record<string, unknown> {
    const { data } = this;
    if (keys === null || keys === undefined) return Object.fromEntries([...data].map(([k, v]) => [k, structuredClone(v)]));
    const wanted = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? (keys as string[]) : Object.keys(keys as object);
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? (keys as Record<string, unknown>) : {};
    return Object.fromEntries(wanted.flatMap((k) => (data.has(k) ? [[k, structuredClone(data.get(k))]] : k in defaults ? [[k, defaults[k]]] : [])));
  }

  set(items: Record<string, unknown>): void {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    this.changed.dispatch(changes as never, this.name as never);
  }

  remove(keys: string | string[]): void {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }

  /** The bytes the area holds, as JSON. */
  bytes(): number {
    return JSON.stringify(Object.fromEntries(this.data)).length;
  }

  for(live: Live) {
    return {
      get: live((keys: unknown) => this.get(keys)),
      set: live((items: Record<string, unknown>) => this.set(items)),
      remove: live((keys: string | string[]) => this.remove(keys)),
    };
  }
}

export function createFakeBrowser() {
  const stats: BrowserStats = { alarmsCreated: 0, alarmsFired: 0, notificationCalls: 0, badgeText: '', callsAfterStop: 0 };
  const alarms = new Map<string, Alarm>();
  const notifications: ShownNotification[] = [];
  const shown = new Set<string>();
  const onAlarm = new FakeEvent<(alarm: Alarm) => void>();
  const storageChanged = new FakeEvent();
  const onMessage = new FakeEvent<(message: unknown, sender: unknown) => unknown>();
  const local = new StorageArea('local', storageChanged);
  const session = new StorageArea('session', storageChanged);
  const inertEvents = new Map<string, FakeEvent>();
  const inert = (name: string) => inertEvents.get(name) ?? inertEvents.set(name, new FakeEvent()).get(name)!;
  const runtimeId = 'soak@mxray';
  const getURL = (path: string) => `chrome-extension://soak/${path.replace(/^\//, '')}`;

  /** The extension API as one worker run sees it. */
  function apiFor(worker: WorkerRun) {
    const live = liveFor(worker, stats);
    const event = (name: string) => inert(name).for(worker);
    return {
      runtime: {
        id: runtimeId,
        getURL,
        onInstalled: event('runtime.onInstalled'),
        onStartup: event('runtime.onStartup'),
        onConnect: event('runtime.onConnect'),
        onMessage: onMessage.for(worker),
        getPlatformInfo: live(() => ({ os: 'linux', arch: 'x86-64' })),
        sendMessage: live(() => undefined),
      },
      alarms: {
        create: live((name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) => {
          const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000;
          alarms.set(name, { name, scheduledTime, ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}) });
          stats.alarmsCreated++;
        }),
        clear: live((name: string) => alarms.delete(name)),
        clearAll: live(() => {
          alarms.clear();
          return true;
        }),
        get: live((name: string) => (alarms.has(name) ? { ...alarms.get(name)! } : undefined)),
        getAll: live(() => [...alarms.values()].map((a) => ({ ...a }))),
        onAlarm: onAlarm.for(worker),
      },
      notifications: {
        create: live((id: string, options: { title: string; message: string }) => {
          stats.notificationCalls++;
          notifications.push({ id, title: options.title, message: options.message, at: Date.now() });
          shown.add(id);
          return id;
        }),
        clear: live((id: string) => shown.delete(id)),
        onClicked: event('notifications.onClicked'),
      },
      permissions: { contains: live(() => true), request: live(() => true) },
      action: {
        setBadgeText: live(({ text }: { text: string }) => {
          stats.badgeText = text;
        }),
        setBadgeBackgroundColor: live(() => undefined),
      },
      storage: { local: local.for(live), session: session.for(live), onChanged: storageChanged.for(worker) },
      contextMenus: { onClicked: event('contextMenus.onClicked'), create: live(() => undefined), removeAll: live(() => undefined) },
      omnibox: {
        onInputChanged: event('omnibox.onInputChanged'),
        onInputEntered: event('omnibox.onInputEntered'),
        setDefaultSuggestion: live(() => undefined),
      },
      tabs: { create: live(() => ({ id: 1 })), query: live(() => []), update: live(() => ({ id: 1 })) },
    };
  }

  return {
    apiFor,
    alarms,
    notifications,
    stats,
    storage: { local, session },
    /**
     * The alarms due at `now`, as the browser fires them: removed (one-shot) or moved on by their
     * period; the caller hands them to the worker's listeners (`fireAlarm`).
     */
    takeDueAlarms(now: number): Alarm[] {
      const due = [...alarms.values()].filter((a) => a.scheduledTime <= now).sort((a, b) => a.scheduledTime - b.scheduledTime || (a.name < b.name ? -1 : 1));
      for (const alarm of due) {
        if (alarm.periodInMinutes) alarms.set(alarm.name, { ...alarm, scheduledTime: Math.max(now, alarm.scheduledTime) + alarm.periodInMinutes * 60_000 });
        else alarms.delete(alarm.name);
      }
      stats.alarmsFired += due.length;
      return due.map((a) => ({ ...a }));
    },
    fireAlarm(alarm: Alarm): void {
      onAlarm.dispatch(alarm);
    },
    nextAlarmAt(): number | undefined {
      let next: number | undefined;
      for (const alarm of alarms.values()) if (next === undefined || alarm.scheduledTime < next) next = alarm.scheduledTime;
      return next;
    },
    /** The browser closed: the session area goes; Chrome keeps the alarms, Firefox forgets them. */
    browserClosed(keepAlarms: boolean): void {
      session.data.clear();
      shown.clear();
      if (!keepAlarms) alarms.clear();
    },
    /** A message from an extension page, as `runtime.sendMessage` delivers it: the first listener's answer. */
    async message(message: unknown): Promise<unknown> {
      const answers = onMessage.dispatch(message, { id: runtimeId, url: getURL('options.html') });
      return (await Promise.all(answers)).find((a) => a !== undefined);
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;
