/**
 * Two settings changes at once in the worker (issue 25): each is a read of storage.local and a
 * write of the whole object, so two interleaved would lose the first's field. The storage here
 * holds each write until the test lets it finish, so the interleaving is chosen, not timed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';

const storage = vi.hoisted(() => ({
  value: undefined as unknown,
  reads: 0,
  /** Writes waiting for the test: each applies the value when released. */
  held: [] as (() => void)[],
  hold: false,
  /** The next write fails as Chromium's does when storage.local is full. */
  failNext: false,
}));

vi.mock('../platform/extension-api', () => ({
  extensionApi: {
    storage: {
      local: {
        get: async (key: string) => {
          storage.reads++;
          return storage.value === undefined ? {} : { [key]: structuredClone(storage.value) };
        },
        set: (items: Record<string, unknown>) =>
          new Promise<void>((resolve, reject) => {
            if (storage.failNext) {
              storage.failNext = false;
              reject(new Error('Resource::kQuotaBytes quota exceeded (QUOTA_BYTES quota exceeded)'));
              return;
            }
            const apply = () => {
              storage.value = structuredClone(items['settings']);
              resolve();
            };
            if (storage.hold) storage.held.push(apply);
            else apply();
          }),
      },
      onChanged: { addListener: () => undefined },
    },
  },
}));

const { changeSettings, loadSettings } = await import('./settings-store');

const settled = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

beforeEach(() => {
  Object.assign(storage, { value: structuredClone(DEFAULT_SETTINGS), reads: 0, held: [], hold: false, failNext: false });
});

describe('settings changes in the worker', () => {
  it('two changes of different fields at once both stay: the second reads after the first has written', async () => {
    storage.hold = true;
    const first = changeSettings({ ptr: false });
    const second = changeSettings({ theme: 'dark' });
    await settled();
    expect(storage.reads).toBe(1); // the second has not read yet: the first's write is out
    expect(storage.held).toHaveLength(1);
    storage.held.shift()!();
    await settled();
    expect(storage.reads).toBe(2);
    storage.held.shift()!();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ptr: false, theme: 'system' });
    expect(b).toMatchObject({ ptr: false, theme: 'dark' });
    expect(await loadSettings()).toMatchObject({ ptr: false, theme: 'dark', fallback: true });
  });

  it('a change only writes its fields: the rest is what is stored, not what the sender had', async () => {
    storage.value = { ...DEFAULT_SETTINGS, dkimSelectors: ['s1'], asn: false } satisfies Settings;
    await changeSettings({ blocklists: true });
    expect(await loadSettings()).toMatchObject({ dkimSelectors: ['s1'], asn: false, blocklists: true });
  });

  it('a write that fails (storage full) does not stop the ones after it', async () => {
    storage.failNext = true;
    const first = changeSettings({ ptr: false });
    const second = changeSettings({ asn: false });
    await expect(first).rejects.toThrow('storage is full. Free some disk space, then make the change again.');
    expect(await second).toMatchObject({ ptr: true, asn: false });
    expect(await loadSettings()).toMatchObject({ ptr: true, asn: false });
  });
});
