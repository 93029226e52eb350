// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testExchange } from '../../core/routing-checks/test-report';
import { factsOf } from '../../core/history/facts-of';
import { report } from '../../core/history/testing/facts-reports';
import { afterCheck, newWatch } from '../../core/history/watch-schedule';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { mount, textOf, unmountAll } from '../../ui/testing/render';
import type { HistoryActions } from './history-actions';
import type { StorageNotes } from '../../shared/watch-messages';
import { droppedText, HistorySection } from './history-section';
import { WatchSection } from './watch-section';

afterEach(unmountAll);

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

function fakeActions(overrides: Partial<HistoryActions> = {}): HistoryActions {
  return {
    listWatches: vi.fn(async () => []),
    unwatch: vi.fn(async () => undefined),
    setInterval: vi.fn(async () => newWatch('x', 'x', 0)),
    checkNow: vi.fn(async () => newWatch('x', 'x', 0)),
    markSeen: vi.fn(async () => undefined),
    exportWatches: vi.fn(),
    importWatches: vi.fn(async () => ({ imported: 0 })),
    listHistory: vi.fn(async () => []),
    clearHistory: vi.fn(async () => undefined),
    storageNotes: vi.fn(async () => ({})),
    dismissHistoryNote: vi.fn(async () => undefined),
    ...overrides,
  } as HistoryActions;
}

describe('the History view', () => {
  const rows = [
    { name: 'example.com', display: 'example.com', lastCheckedAt: 2, lastVerdict: 'ok' as const, checks: 3 },
    { name: 'xn--bcher-kva.example', display: 'bücher.example', lastCheckedAt: 1, lastVerdict: 'error' as const, checks: 1 },
  ];

  it('lists the names with verdict and count, searches, clears, and switches history off', async () => {
    let kept = rows;
    const actions = fakeActions({ listHistory: vi.fn(async () => kept), clearHistory: vi.fn(async () => void (kept = [])) });
    const save = vi.fn();
    const root = mount(h(HistorySection, { settings: DEFAULT_SETTINGS, save, actions }));
    await settle();
    expect([...root.querySelectorAll('tbody tr')].map((r) => textOf(r))).toEqual([
      expect.stringMatching(/^example\.com .* OK 3$/),
      expect.stringMatching(/^bücher\.example .* errors 1$/),
    ]);
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    await act(async () => {
      search.value = 'BÜCH';
      search.dispatchEvent(new Event('input'));
    });
    expect([...root.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')!.textContent)).toEqual(['bücher.example']);
    await act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear history')!.click());
    await settle();
    expect(actions.clearHistory).toHaveBeenCalled();
    expect(textOf(root)).toContain('0 names kept.');
    await act(async () => (root.querySelector('#keep-history') as HTMLInputElement).click());
    expect(save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, history: false });
  });
});

describe('storage full, on the options page', () => {
  it('the History view says once that the oldest names were dropped, and the note goes when dismissed', async () => {
    let notes: StorageNotes = { historyDropped: { names: 12, at: Date.UTC(2026, 0, 2, 3, 4) } };
    const actions = fakeActions({ storageNotes: vi.fn(async () => notes), dismissHistoryNote: vi.fn(async () => void (notes = {})) });
    const root = mount(h(HistorySection, { settings: DEFAULT_SETTINGS, save: vi.fn(), actions }));
    await settle();
    const note = root.querySelector('.storage-note')!;
    expect(textOf(note)).toBe(
      `Storage was full: the oldest 12 names' history was dropped to make room (${new Date(Date.UTC(2026, 0, 2, 3, 4)).toLocaleString()}). Dismiss`,
    );
    await act(async () => (note.querySelector('button') as HTMLButtonElement).click());
    await settle();
    expect(actions.dismissHistoryNote).toHaveBeenCalled();
    expect(root.querySelector('.storage-note')).toBeNull();
    expect(droppedText({ names: 1, at: 0 })).toMatch(/^Storage was full: the oldest name's history was dropped to make room \(/);
  });

  it('the Watch view says the list could not be saved, and a failed action shows the worker’s sentence', async () => {
    const sentence =
      'MXray could not save the watch list: storage is full. The last saved list is kept and the checks go on; free some disk space and the next check saves it.';
    const actions = fakeActions({
      storageNotes: vi.fn(async () => ({ watchUnsaved: { at: 1 } })),
      listWatches: vi.fn(async () => [newWatch('example.com', 'example.com', 0)]),
      checkNow: vi.fn(async () => Promise.reject(new Error(sentence))),
    });
    const root = mount(h(WatchSection, { actions }));
    await settle();
    await settle();
    expect(textOf(root.querySelector('[role="alert"]'))).toMatch(
      /^MXray could not save the watch list: storage is full \(since .+\)\. The list below is the last one saved/,
    );
    await act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check now')!.click());
    await settle();
    expect([...root.querySelectorAll('[role="alert"]')].map((a) => textOf(a))).toContain(sentence);
  });
});

describe('the Watch view', () => {
  it('marks changes seen when opened, and shows each name with its status and change log', async () => {
    const old = factsOf(report({ exchanges: [testExchange('mx1.example.com', { preference: 10 }), testExchange('mx2.example.com', { preference: 20 })] }));
    const next = factsOf(report({ startedAt: 3_600_000, exchanges: [testExchange('mx1.example.com', { preference: 10 })] }));
    const changed = afterCheck(newWatch('example.com', 'example.com', 0, { facts: old }), { ok: true, facts: next }, 3_600_000).entry;
    const failing = afterCheck(newWatch('down.example', 'down.example', 0, { facts: old }), { ok: false, error: 'resolver timed out' }, 60_000).entry;
    const actions = fakeActions({ listWatches: vi.fn(async () => [failing, changed]) });
    const root = mount(h(WatchSection, { actions }));
    await settle();
    await settle();
    expect(actions.markSeen).toHaveBeenCalled();
    const items = [...root.querySelectorAll('.watch-entry')];
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['down.example', 'example.com']);
    expect(textOf(items[0])).toContain('check failed (resolver timed out), retrying');
    const log = items[1]!.querySelector('ol[aria-label="Changes of example.com"]')!;
    expect(textOf(log)).toMatch(/: Since 1 hour ago: mx2\.example\.com \(20\) was removed/);
    await act(async () => [...items[1]!.querySelectorAll('button')].find((b) => b.textContent === 'Stop watching')!.click());
    expect(actions.unwatch).toHaveBeenCalledWith('example.com');
  });
});
