// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBackup } from '../../core/storage/backup';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { mount, textOf, unmountAll } from '../../ui/testing/render';
import { BackupSection } from './backup-section';
import type { StorageActions } from './storage-actions';
import { UnreadableNote, unreadableSentences } from './unreadable-note';

afterEach(unmountAll);

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const good = buildBackup({ settings: DEFAULT_SETTINGS, watch: [], history: [], keptExplanations: [], recent: ['example.com'] }, 1, '0.2.0');

function fakeActions(): StorageActions {
  return {
    storedCounts: vi.fn(async () => ({
      counts: { watch: 2, history: 5, keptExplanations: 1, recent: 0 },
      unreadable: { history: 2, watch: 0, bulk: 1, keptExplanations: 0 },
    })),
    exportEverything: vi.fn(async () => good),
    importEverything: vi.fn(async () => ({ watch: 0, history: 0, keptExplanations: 0, recent: 1 })),
    download: vi.fn(),
  };
}

async function choose(root: Element, text: string): Promise<void> {
  const input = root.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'backup.json', { type: 'application/json' })] });
  await act(async () => void input.dispatchEvent(new Event('change')));
  await settle();
  await settle();
}

const button = (root: Element, name: string) => [...root.querySelectorAll('button')].find((b) => textOf(b) === name)!;

describe('Back up and restore', () => {
  it('exports one file named by its date', async () => {
    const actions = fakeActions();
    const root = mount(h(BackupSection, { actions, onImported: vi.fn() }));
    await act(async () => button(root, 'Export everything').click());
    await settle();
    expect(actions.download).toHaveBeenCalledWith('mxray-backup-1970-01-01.json', JSON.stringify(good, null, 2));
  });

  it('refuses a bad file with its sentence and asks nothing of the worker', async () => {
    const actions = fakeActions();
    const root = mount(h(BackupSection, { actions, onImported: vi.fn() }));
    await choose(root, JSON.stringify({ ...good, watch: [{ name: 'example.com' }] }));
    expect(textOf(root.querySelector('[role="alert"]')!)).toMatch(/^This file cannot be imported: watch entry 1 does not read: .*Nothing was changed\.$/);
    expect(actions.storedCounts).not.toHaveBeenCalled();
    expect(actions.importEverything).not.toHaveBeenCalled();
  });

  it('shows what a good file replaces; Cancel changes nothing, Replace imports it', async () => {
    const actions = fakeActions();
    const onImported = vi.fn();
    const root = mount(h(BackupSection, { actions, onImported }));
    const text = JSON.stringify(good);
    await choose(root, text);
    expect([...root.querySelectorAll('.import-plan li')].map(textOf)).toContain('Watch list: 2 names now, 0 names in the file');
    await act(async () => button(root, 'Cancel').click());
    expect(root.querySelector('.import-plan')).toBeNull();
    expect(actions.importEverything).not.toHaveBeenCalled();
    await choose(root, text);
    await act(async () => button(root, 'Replace').click());
    await settle();
    expect(actions.importEverything).toHaveBeenCalledWith(text);
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('notes the records that could not be read', async () => {
    expect(unreadableSentences({ history: 2, watch: 1, bulk: 0, keptExplanations: 0 })).toEqual([
      '1 watch list entry could not be read (damaged or from a newer MXray) and was skipped.',
      '2 history records could not be read (damaged or from a newer MXray) and were skipped.',
    ]);
    const root = mount(h(UnreadableNote, { actions: fakeActions(), generation: 0 }));
    await settle();
    expect(textOf(root)).toBe(
      '2 history records could not be read (damaged or from a newer MXray) and were skipped. 1 bulk check record could not be read (damaged or from a newer MXray) and was skipped.',
    );
  });
});
