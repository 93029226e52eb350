// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyMenu } from './copy-menu';
import { formatDig } from './format/dig-text';
import { formatJson } from './format/json-text';
import { formatPlainText } from './format/plain-text';
import { fiveMxReport } from './testing/sample-reports';
import { mount, unmountAll } from './testing/render';

afterEach(unmountAll);

function setup(copy: (text: string) => Promise<void>) {
  const report = fiveMxReport();
  const view = mount(h(CopyMenu, { report, actions: { copy } }));
  const button = view.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
  const items = () => [...view.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const key = (target: Element, key: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
  const click = async (target: HTMLElement) => {
    await act(async () => target.click());
  };
  // The formats are loaded with import() on first use: wait for the copy to land.
  const settled = (check: () => void) =>
    vi.waitFor(async () => {
      await act(async () => undefined);
      check();
    });
  return { report, view, button, items, key, click, settled };
}

describe('CopyMenu', () => {
  it('is a button named "Copy" that opens a menu of three items', async () => {
    const { button, items, click, view } = setup(async () => undefined);
    expect(button.textContent).toBe('Copy');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(items()).toHaveLength(0);
    await click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(view.querySelector('[role="menu"]')!.id).toBe(button.getAttribute('aria-controls'));
    expect(items().map((item) => item.textContent)).toEqual(['Copy as text', 'Copy as dig', 'Copy as JSON']);
    expect(document.activeElement).toBe(items()[0]);
  });

  it('copies each format with the formatters, and says so', async () => {
    const copied: string[] = [];
    const { report, button, items, click, view, settled } = setup(async (text) => void copied.push(text));
    for (const index of [0, 1, 2]) {
      await click(button);
      await click(items()[index]!);
      await settled(() => expect(copied).toHaveLength(index + 1));
    }
    expect(copied).toEqual([formatPlainText(report), formatDig(report), formatJson(report)]);
    await settled(() => expect(view.querySelector('[aria-live]')!.textContent).toBe('Copied as JSON'));
    expect(items()).toHaveLength(0);
    expect(document.activeElement).toBe(button);
  });

  it('moves with the arrow keys and closes on Escape without letting it through', async () => {
    const { button, items, key, click } = setup(async () => undefined);
    await click(button);
    key(items()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    key(items()[1]!, 'ArrowUp');
    key(items()[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(items()[2]);
    let escaped = false;
    document.addEventListener('keydown', () => (escaped = true), { once: true });
    key(items()[2]!, 'Escape');
    expect(items()).toHaveLength(0);
    expect(escaped).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('opens from the keyboard with ArrowDown', () => {
    const { button, items, key } = setup(async () => undefined);
    key(button, 'ArrowDown');
    expect(document.activeElement).toBe(items()[0]);
  });

  it('says when the browser refused to copy', async () => {
    const { button, items, click, view, settled } = setup(async () => {
      throw new Error('The browser did not allow copying.');
    });
    await click(button);
    await click(items()[1]!);
    await settled(() => expect(view.querySelector('[aria-live]')!.textContent).toBe('Could not copy: The browser did not allow copying.'));
  });
});
