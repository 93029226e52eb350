// storage.local refusing a write (Chromium's 10 MB quota without unlimitedStorage: "Resource::kQuotaBytes
// quota exceeded"), where a person acted: the options page's save and "Keep this explanation".
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { keepExplanation, keptExplanations } from '../platform/kept-explanations';
import { isStorageFull } from '../platform/storage-full';
import { resetFakeBrowser, sharedFakeBrowser } from '../platform/testing/fake-extension-api';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { changeSettings, loadSettings } from './settings-store';

vi.mock('../platform/extension-api', async () => ({ extensionApi: (await import('../platform/testing/fake-extension-api')).sharedFakeBrowser().api }));

const browser = sharedFakeBrowser();

beforeEach(() => resetFakeBrowser());

describe('storage.local full', () => {
  it('a settings save says storage is full (the page prefixes "Not saved: ") and the stored settings stay as they were', async () => {
    await changeSettings({ history: false });
    browser.localQuota = 0;
    const failure = await changeSettings({ history: true }).catch((e: unknown) => e);
    expect(isStorageFull(failure)).toBe(true);
    expect((failure as Error).message).toBe('storage is full. Free some disk space, then make the change again.');
    expect((await loadSettings()).history).toBe(false);
  });

  it('"Keep this explanation" says it was not kept, and the kept list is unchanged', async () => {
    const entry = { verdict: 'Authenticated', verdictKind: 'authenticated' as const, domains: ['example.com'], at: 1 };
    await keepExplanation(entry);
    browser.localQuota = JSON.stringify([entry]).length + 30;
    await expect(keepExplanation({ ...entry, at: 2 })).rejects.toThrow('Not kept: storage is full. Free some disk space, then keep it again.');
    expect(await keptExplanations()).toEqual([entry]);
  });

  it('any other failure passes through as it is', async () => {
    vi.spyOn(browser.api.storage.local, 'set').mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(changeSettings({ theme: DEFAULT_SETTINGS.theme })).rejects.toThrow('Extension context invalidated.');
  });
});
