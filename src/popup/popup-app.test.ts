// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testReport } from '../core/routing-checks/test-report';
import type { Report } from '../core/report';
import type { LookupMessage, LookupRequest } from '../shared/messages';
import { mount, textOf, unmountAll } from '../ui/testing/render';
import { PopupApp, type PopupPlatform } from './popup-app';
import { preloadLazyChunks } from '../ui/testing/render';

beforeAll(preloadLazyChunks);

afterEach(unmountAll);

/** The browser and worker as the popup sees them, answering lookups from a table of reports. */
function fakePlatform(tabHost: string | undefined, answers: Record<string, Report>) {
  const requests: LookupRequest[] = [];
  const cancelled: string[] = [];
  const opened: string[] = [];
  const platform: PopupPlatform = {
    start: (request, handlers) => {
      requests.push(request);
      const report = answers[request.input];
      queueMicrotask(() => {
        const message: LookupMessage = report
          ? { type: 'report', report }
          : { type: 'invalid', error: { code: 'invalid-query', reason: 'single-label', input: request.input, message: `"${request.input}" is not a domain.` } };
        handlers.onMessage(message);
      });
      return () => cancelled.push(request.input);
    },
    actions: { copy: async () => undefined },
    findTabHost: async () => tabHost,
    getRecent: async () => ['five-mx.test'],
    openOptions: () => opened.push('options'),
    openInTab: (input) => opened.push(input),
  };
  return { platform, requests, cancelled, opened };
}

const report = (name: string, registrable: string, hasMx: boolean): Report => ({
  ...testReport({ query: { name, registrable }, ...(hasMx ? {} : { mxStatus: 'nodata' as const, exchanges: [] }) }),
  findings: [],
});

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('PopupApp', () => {
  it('looks up the tab host and its registrable domain, leading with the one that has mail servers', async () => {
    const fake = fakePlatform('www.shop.example.co.uk', {
      'www.shop.example.co.uk': report('www.shop.example.co.uk', 'example.co.uk', false),
      'example.co.uk': report('example.co.uk', 'example.co.uk', true),
    });
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    expect(fake.requests).toEqual([
      { type: 'lookup', input: 'www.shop.example.co.uk', source: 'tab' },
      { type: 'lookup', input: 'example.co.uk', source: 'tab' },
    ]);
    const group = view.querySelector('[role="group"][aria-label="Domain"]')!;
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((button) => [button.textContent, button.getAttribute('aria-pressed')])).toEqual([
      ['www.shop.example.co.uk', 'false'],
      ['example.co.uk', 'true'],
    ]);
    expect(textOf(view.querySelector('h1'))).toBe('example.co.uk');
    await act(async () => buttons[0]!.click());
    expect(textOf(view.querySelector('h1'))).toBe('www.shop.example.co.uk');
    expect(buttons[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('looks up once when the host is its registrable domain', async () => {
    const fake = fakePlatform('example.co.uk', { 'example.co.uk': report('example.co.uk', 'example.co.uk', true) });
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    expect(fake.requests).toHaveLength(1);
    expect(view.querySelector('[role="group"]')).toBeNull();
    expect(view.querySelector('table')).not.toBeNull();
  });

  it('goes straight to the quick box, focused, on a page without a host', async () => {
    const fake = fakePlatform(undefined, {});
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    expect(fake.requests).toHaveLength(0);
    expect(document.activeElement).toBe(view.querySelector('input'));
    expect(view.querySelector('datalist option')!.getAttribute('value')).toBe('five-mx.test');
  });

  it('runs ?q= at once as the result page, and a typed name exactly as typed', async () => {
    const fake = fakePlatform(undefined, {
      'five-mx.test': report('five-mx.test', 'five-mx.test', true),
      'implicit.test': report('implicit.test', 'implicit.test', false),
    });
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: true, query: 'five-mx.test' }));
    await settle();
    expect(fake.requests).toEqual([{ type: 'lookup', input: 'five-mx.test', source: 'omnibox' }]);
    expect(view.querySelector('input')!.value).toBe('five-mx.test');
    expect([...view.querySelectorAll('button')].map((button) => button.textContent)).not.toContain('Open in tab');
    view.querySelector('input')!.value = 'implicit.test';
    await act(async () => void view.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    await settle();
    expect(fake.requests.at(-1)).toEqual({ type: 'lookup', input: 'implicit.test', source: 'typed' });
    expect(fake.cancelled).toContain('five-mx.test');
    expect(textOf(view.querySelector('h1'))).toBe('implicit.test');
    expect(location.search).toBe('?q=implicit.test');
  });

  it('offers the quick box rather than an error for a tab host the parser refuses', async () => {
    const fake = fakePlatform('intranet', {});
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    expect(view.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement).toBe(view.querySelector('input'));
  });

  it('links to the options and to a tab', async () => {
    const fake = fakePlatform('example.co.uk', { 'example.co.uk': report('example.co.uk', 'example.co.uk', true) });
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    const button = (name: string) => [...view.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;
    await act(async () => button('Options').click());
    await act(async () => button('Open in tab').click());
    expect(fake.opened).toEqual(['options', 'example.co.uk']);
  });
});

describe("PopupApp on the page's own first report (issue 24)", () => {
  /** The host's lookup answers first with the page's report (no registrable domain named), then, on `workerSpeaks()`, with the worker's. */
  function pageThenWorker(host: Report, registrable: Report) {
    const fake = fakePlatform(host.query.name, { [registrable.query.name]: registrable });
    let speak: () => void = () => undefined;
    fake.platform.start = (request, handlers) => {
      fake.requests.push(request);
      if (request.input === registrable.query.name) {
        queueMicrotask(() => handlers.onMessage({ type: 'report', report: registrable }));
        return () => undefined;
      }
      const { registrable: _unknown, ...pageQuery } = host.query as typeof host.query & { registrable?: string };
      queueMicrotask(() => handlers.onMessage({ type: 'report', report: { ...host, query: pageQuery, status: 'running' }, pageOnly: true }));
      speak = () => handlers.onMessage({ type: 'report', report: host });
      return () => undefined;
    };
    return { fake, workerSpeaks: () => speak() };
  }

  it('shows a host with mail servers at once, without waiting for the worker to name its registrable domain', async () => {
    const { fake } = pageThenWorker(report('five-mx.test', 'five-mx.test', true), report('unused.test', 'unused.test', true));
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    expect(textOf(view.querySelector('h1'))).toBe('five-mx.test');
    expect(view.querySelector('table tbody tr')).not.toBeNull();
  });

  it('waits for the worker before deciding for a host without mail servers, then leads with its registrable domain', async () => {
    const { fake, workerSpeaks } = pageThenWorker(report('www.shop.example.co.uk', 'example.co.uk', false), report('example.co.uk', 'example.co.uk', true));
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    // Only the request shows (the lead is not chosen): no mail server table, no Domain switch.
    expect(view.querySelector('table')).toBeNull();
    expect(view.querySelector('[role="group"]')).toBeNull();
    expect(fake.requests.map((request) => request.input)).toEqual(['www.shop.example.co.uk']);
    await act(async () => workerSpeaks());
    await settle();
    expect(fake.requests.map((request) => request.input)).toEqual(['www.shop.example.co.uk', 'example.co.uk']);
    expect(textOf(view.querySelector('h1'))).toBe('example.co.uk');
  });
});

describe('PopupApp when the worker is lost', () => {
  it('shows the alert rather than waiting forever to choose a domain', async () => {
    const fake = fakePlatform('www.shop.example.co.uk', {});
    fake.platform.start = (request, handlers) => {
      queueMicrotask(() => handlers.onLost('The MXray background service stopped and could not be restarted. Close and reopen MXray.'));
      return () => undefined;
    };
    const view = mount(h(PopupApp, { platform: fake.platform, isPage: false }));
    await settle();
    expect(textOf(view.querySelector('[role="alert"]'))).toMatch(/^The MXray background service stopped/);
    expect(textOf(view.querySelector('[role="status"]'))).toBe('Stopped');
  });
});
