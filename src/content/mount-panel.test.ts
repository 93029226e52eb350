// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LookupRequest } from '../shared/messages';
import { fiveMxReport } from '../ui/testing/sample-reports';
import { mountPanel, type MountedPanel } from './mount-panel';
import type { PanelPlatform } from './panel-app';
import { preloadLazyChunks } from '../ui/testing/render';

beforeAll(preloadLazyChunks);

let panel: MountedPanel | undefined;
afterEach(() => {
  if (panel?.host.isConnected) act(() => panel!.close());
  panel = undefined;
});

function fakePlatform(queries: (string | undefined)[]) {
  const requests: LookupRequest[] = [];
  const cancelled: string[] = [];
  const platform: PanelPlatform = {
    start: (request, handlers) => {
      requests.push(request);
      queueMicrotask(() => handlers.onMessage({ type: 'report', report: fiveMxReport() }));
      return () => cancelled.push(request.input);
    },
    actions: { copy: async () => undefined },
    takeQuery: async () => queries.shift(),
    getRecent: async () => [],
  };
  return { platform, requests, cancelled };
}

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

async function open(platform: PanelPlatform) {
  let closed = 0;
  await act(async () => {
    panel = mountPanel(platform, Promise.resolve('dark'), () => closed++);
  });
  await settle();
  return { panel: panel!, closed: () => closed };
}

const dialogOf = (mounted: MountedPanel) => mounted.host.shadowRoot!.querySelector('[role="dialog"]')!;

describe('the in-page panel', () => {
  it('is a non-modal dialog named "MXray" in an open shadow root on <html>, styled inside it', async () => {
    const fake = fakePlatform(['five-mx.test']);
    const { panel } = await open(fake.platform);
    expect(panel.host.tagName).toBe('MXRAY-PANEL');
    expect(panel.host.parentElement).toBe(document.documentElement);
    const dialog = dialogOf(panel);
    expect(dialog.getAttribute('aria-label')).toBe('MXray');
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    // (Vitest loads .css as an empty module, so only the element's place is checked here.)
    expect(panel.host.shadowRoot!.querySelector('style')).not.toBeNull();
    expect(panel.host.getAttribute('data-theme')).toBe('dark');
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('looks up the query it was opened for, with source "menu", under an h2', async () => {
    const fake = fakePlatform(['five-mx.test']);
    const { panel } = await open(fake.platform);
    expect(fake.requests).toEqual([{ type: 'lookup', input: 'five-mx.test', source: 'menu' }]);
    const root = panel.host.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('five-mx.test');
    expect(root.querySelector('h1')).toBeNull();
    expect(root.querySelector('form[role="search"]')).not.toBeNull();
    expect(root.querySelectorAll('table tbody')).toHaveLength(4);
  });

  it('reuses itself when injected again, asking for the new query', async () => {
    const fake = fakePlatform(['five-mx.test', 'null-mx.test']);
    const { panel } = await open(fake.platform);
    await act(async () => panel.reopen());
    await settle();
    expect(document.querySelectorAll('mxray-panel')).toHaveLength(1);
    expect(fake.requests.map((request) => request.input)).toEqual(['five-mx.test', 'null-mx.test']);
    expect(fake.cancelled).toEqual(['five-mx.test']);
  });

  it('closes with the Close button: host removed, lookup cancelled', async () => {
    const fake = fakePlatform(['five-mx.test']);
    const { panel, closed } = await open(fake.platform);
    const close = panel.host.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!;
    await act(async () => close.click());
    expect(panel.host.isConnected).toBe(false);
    expect(document.querySelector('mxray-panel')).toBeNull();
    expect(fake.cancelled).toEqual(['five-mx.test']);
    expect(closed()).toBe(1);
  });

  it('gives focus back to where it was (the link right-clicked) when it closes', async () => {
    const link = document.createElement('a');
    link.href = 'mailto:a@five-mx.test';
    link.textContent = 'mail us';
    document.body.append(link);
    link.focus();
    const fake = fakePlatform(['five-mx.test']);
    const { panel } = await open(fake.platform);
    expect(document.activeElement).not.toBe(link);
    await act(async () => panel.host.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click());
    expect(document.activeElement).toBe(link);
    link.remove();
  });

  it('closes on Esc while focus is in it', async () => {
    const fake = fakePlatform(['five-mx.test']);
    const { panel } = await open(fake.platform);
    const dialog = dialogOf(panel) as HTMLElement;
    dialog.focus();
    await act(async () => void dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    expect(document.querySelector('mxray-panel')).toBeNull();
  });

  it('leaves an Esc meant for the page alone', async () => {
    const fake = fakePlatform(['five-mx.test']);
    const { panel } = await open(fake.platform);
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await act(async () => void field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(panel.host.isConnected).toBe(true);
    field.remove();
  });

  it('offers the quick box, focused, when opened without a query', async () => {
    const fake = fakePlatform([undefined]);
    const { panel } = await open(fake.platform);
    expect(fake.requests).toEqual([]);
    expect(panel.host.shadowRoot!.activeElement).toBe(panel.host.shadowRoot!.querySelector('input'));
  });
});
