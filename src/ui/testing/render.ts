/** Mounting components in a DOM for tests (happy-dom), with Preact's `act` so effects have run. */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';

const mounted: HTMLElement[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's vnode
export function mount(vnode: VNode<any>): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  act(() => render(vnode, container));
  return container;
}

export function unmountAll(): void {
  for (const container of mounted.splice(0)) {
    act(() => render(null, container));
    container.remove();
  }
}

/**
 * Text of an element as a screen reader reads it: its text nodes joined by a space, runs of
 * white space collapsed (as the end-to-end harness reads table cells).
 */
export function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Lets lazily loaded parts of the report (the SPF/DMARC records and the mail setup sections,
 * src/ui/mail/lazy-mail-sections.tsx) load and render, as they do right after the first paint.
 */
export async function loadLazyParts(): Promise<void> {
  await act(async () => {
    await import('../mail/mail-sections');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/**
 * Loads the report's lazy chunks (mail sections, late parts, history parts) before a file's
 * tests, so a component that imports one on mount finds it in the module cache instead of
 * loading it after the test environment is torn down.
 */
export async function preloadLazyChunks(): Promise<void> {
  await Promise.all([import('../mail/mail-sections'), import('../late/late-parts'), import('../history/history-parts')]);
}
