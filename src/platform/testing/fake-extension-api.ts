/**
 * Tests only: the few extension APIs the worker's storage paths touch, in memory, to stand in for
 * `extensionApi` with `vi.mock('…/platform/extension-api', …)`. `storage.local` refuses a write
 * past its quota as Chromium does (10 MB without `unlimitedStorage`): the whole `set` fails with
 * "Resource::kQuotaBytes quota exceeded" and nothing of it is kept.
 */
export interface FakeExtensionApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
    /** Empty, and taking anything: the answer cache's home, which these tests do not weigh. */
    session: { get(): Promise<Record<string, unknown>>; set(): Promise<void>; remove(): Promise<void> };
    onChanged: { addListener(): void };
  };
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    clear(name: string): Promise<boolean>;
    getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  };
  permissions: { contains(): Promise<boolean> };
  notifications: { create(id: string): Promise<string> };
  runtime: { getManifest(): { action: { default_title: string } }; getURL(path: string): string; getPlatformInfo(): Promise<{ os: string }> };
}

export interface FakeBrowser {
  api: FakeExtensionApi;
  /** What the toolbar button shows now. */
  badge: { text: string; title: string };
  alarms: Map<string, number>;
  notified: string[];
  local: Map<string, unknown>;
  /** storage.local's quota in bytes (the JSON of every key and value); Infinity for none. */
  localQuota: number;
  /** Notifications allowed, as if the person granted the permission. */
  notificationsAllowed: boolean;
}

export const DEFAULT_TITLE = 'MXray: where does mail for this site go?';

export function fakeBrowser(): FakeBrowser {
  const state: FakeBrowser = {
    badge: { text: '', title: DEFAULT_TITLE },
    alarms: new Map(),
    notified: [],
    local: new Map(),
    localQuota: Number.POSITIVE_INFINITY,
    notificationsAllowed: true,
    api: undefined as never,
  };
  const bytes = (entries: Iterable<[string, unknown]>) => [...entries].reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
  state.api = {
    storage: {
      local: {
        get: async (key) => (state.local.has(key) ? { [key]: structuredClone(state.local.get(key)) } : {}),
        set: async (items) => {
          const next = new Map(state.local);
          for (const [key, value] of Object.entries(items)) next.set(key, structuredClone(value));
          if (bytes(next) > state.localQuota) throw new Error('Resource::kQuotaBytes quota exceeded');
          state.local = next;
        },
        remove: async (key) => void state.local.delete(key),
      },
      session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined },
      onChanged: { addListener: () => undefined },
    },
    action: {
      setBadgeText: async ({ text }) => void (state.badge.text = text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }) => void (state.badge.title = title),
    },
    alarms: {
      create: async (name, { when }) => void state.alarms.set(name, when),
      clear: async (name) => state.alarms.delete(name),
      getAll: async () => [...state.alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
    },
    permissions: { contains: async () => state.notificationsAllowed },
    notifications: {
      create: async (id) => {
        state.notified.push(id);
        return id;
      },
    },
    runtime: {
      getManifest: () => ({ action: { default_title: DEFAULT_TITLE } }),
      getURL: (path) => `chrome-extension://fake/${path}`,
      getPlatformInfo: async () => ({ os: 'linux' }),
    },
  };
  return state;
}

let shared: FakeBrowser | undefined;

/**
 * One fake per test file, for `vi.mock` to hand out and the tests to read:
 * `vi.mock('…/extension-api', async () => ({ extensionApi: (await import('…/fake-extension-api')).sharedFakeBrowser().api }))`.
 * `reset()` empties it between tests; the `api` object stays the same.
 */
export function sharedFakeBrowser(): FakeBrowser {
  return (shared ??= fakeBrowser());
}

export function resetFakeBrowser(): void {
  const fake = sharedFakeBrowser();
  const fresh = fakeBrowser();
  Object.assign(fake, { ...fresh, api: fake.api });
}
