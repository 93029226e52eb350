// @vitest-environment happy-dom
/**
 * The options page open in two tabs while settings change (issue 25). Two real options pages
 * over one stand-in worker that stores settings as the real one does (each change written over
 * what is stored, in turn: src/background/settings-store.ts) and tells every tab of each
 * write, each tab's news held until the test delivers it: a tab that has not heard of the other's
 * change yet is the stale tab whose save used to put the other's field back.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../shared/settings';
import type { OptionsActions } from './options-actions';
import { OptionsPage } from './options-page';

interface Tab {
  container: HTMLElement;
  /** Changes stored by any tab that this tab has not been told of yet. */
  news: Settings[];
  hear?: (settings: Settings) => void;
}

const worker = { stored: structuredClone(DEFAULT_SETTINGS), saves: 0 };
const tabs: Tab[] = [];

function actionsFor(tab: Tab): OptionsActions {
  return {
    getSettings: async () => structuredClone(worker.stored),
    changeSettings: async (change) => {
      worker.saves++;
      worker.stored = migrateSettings({ ...worker.stored, ...structuredClone(change) });
      for (const other of tabs) other.news.push(structuredClone(worker.stored));
      return structuredClone(worker.stored);
    },
    testResolver: async () => ({ ok: true, ms: 1, resolver: 'x' }),
    getRecent: async () => [],
    clearRecent: async () => [],
    requestOrigin: async () => true,
    hasOrigin: async () => true,
    onSettingsChanged: (listener) => void (tab.hear = listener),
  };
}

const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

async function openTab(): Promise<Tab> {
  const tab: Tab = { container: document.createElement('div'), news: [] };
  document.body.append(tab.container);
  tabs.push(tab);
  await act(() => render(h(OptionsPage, { actions: actionsFor(tab), version: '9.9.9' }), tab.container));
  await settle();
  await settle();
  return tab;
}

/** The browser delivers the storage changes this tab has not heard yet, in order. */
async function deliver(tab: Tab): Promise<void> {
  for (const settings of tab.news.splice(0)) await act(() => tab.hear?.(settings));
  await settle();
}

function control<T extends HTMLElement>(tab: Tab, name: string): T {
  const label = [...tab.container.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  const target = label && tab.container.querySelector<T>(`#${label.htmlFor}`);
  if (!target) throw new Error(`no control named "${name}"`);
  return target;
}

async function toggle(tab: Tab, name: string): Promise<void> {
  const box = control<HTMLInputElement>(tab, name);
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

async function chooseTheme(tab: Tab, theme: Settings['theme']): Promise<void> {
  const select = control<HTMLSelectElement>(tab, 'Theme');
  select.value = theme;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

const checked = (tab: Tab, name: string) => control<HTMLInputElement>(tab, name).checked;

afterEach(() => {
  for (const tab of tabs.splice(0)) {
    render(null, tab.container);
    tab.container.remove();
  }
  worker.stored = structuredClone(DEFAULT_SETTINGS);
  worker.saves = 0;
  delete document.documentElement.dataset.theme;
});

describe('the options page in two tabs', () => {
  it('a change in one tab shows in the other', async () => {
    const [a, b] = [await openTab(), await openTab()];
    await toggle(a, 'Reverse DNS (PTR) and forward check');
    expect(checked(b, 'Reverse DNS (PTR) and forward check')).toBe(true);
    await deliver(b);
    expect(checked(b, 'Reverse DNS (PTR) and forward check')).toBe(false);
  });

  it('two quick changes of different fields in two tabs both stay, though the second tab had not heard of the first', async () => {
    const [a, b] = [await openTab(), await openTab()];
    await toggle(a, 'Reverse DNS (PTR) and forward check');
    // Tab b has not been told yet: it still shows PTR on, and changes another field.
    expect(checked(b, 'Reverse DNS (PTR) and forward check')).toBe(true);
    await toggle(b, 'Fall back to other resolvers');
    await chooseTheme(b, 'dark');

    expect(worker.saves).toBe(3);
    expect(worker.stored).toMatchObject({ ptr: false, fallback: false, theme: 'dark' });
    // Each tab shows every change once the browser has told it.
    await deliver(a);
    await deliver(b);
    for (const tab of [a, b]) {
      expect(checked(tab, 'Reverse DNS (PTR) and forward check')).toBe(false);
      expect(checked(tab, 'Fall back to other resolvers')).toBe(false);
      expect(control<HTMLSelectElement>(tab, 'Theme').value).toBe('dark');
    }
  });

  it('the same field changed in both tabs: the last change wins, and both tabs show it', async () => {
    const [a, b] = [await openTab(), await openTab()];
    await chooseTheme(a, 'dark');
    await chooseTheme(b, 'light');
    await deliver(a);
    await deliver(b);
    expect(worker.stored.theme).toBe('light');
    expect(control<HTMLSelectElement>(a, 'Theme').value).toBe('light');
    expect(control<HTMLSelectElement>(b, 'Theme').value).toBe('light');
  });
});
