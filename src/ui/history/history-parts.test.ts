// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testAddress, testExchange } from '../../core/routing-checks/test-report';
import { factsOf } from '../../core/history/facts-of';
import { sinceLast } from '../../core/history/since-last';
import { report } from '../../core/history/testing/facts-reports';
import { ReportView } from '../report-view';
import { mount, textOf, unmountAll } from '../testing/render';
import { SinceLastBanner } from './since-last-banner';
import { WatchButton } from './watch-button';

afterEach(unmountAll);

const before = report({
  exchanges: [testExchange('mx1.example.com', { preference: 10 }), testExchange('mx2.example.com', { preference: 20, addresses: [testAddress('192.0.2.2')] })],
  txt: { records: [], status: 'ok', spf: ['v=spf1 mx ~all'], dmarc: ['v=DMARC1; p=none'], dmarcStatus: 'ok' },
});
const after = report({
  startedAt: 3 * 86_400_000,
  exchanges: [testExchange('mx1.example.com', { preference: 10 })],
  txt: { records: [], status: 'ok', spf: ['v=spf1 mx -all'], dmarc: ['v=DMARC1; p=<img src=x onerror=alert(1)>'], dmarcStatus: 'ok' },
});
const since = sinceLast(factsOf(before), factsOf(after), 3 * 86_400_000)!;

/** Effects run and the lazy chunks (lazy-history.tsx, the mail sections, the late parts) loaded and rendered. */
const settle = () =>
  act(async () => {
    await Promise.all([import('./history-parts'), import('../mail/mail-sections'), import('../late/late-parts')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('"Since last time…"', () => {
  it('says what changed in words, and the old and new values side by side, as text', () => {
    const root = mount(h(SinceLastBanner, { since }));
    const region = root.querySelector('section[aria-label="Since last time"]')!;
    expect(textOf(region.querySelector('p'))).toBe(
      'Changed. Since 3 days ago: mx2.example.com (20) was removed; SPF now ends in -all instead of ~all; DMARC policy is no longer set (was none)',
    );
    const rows = [...region.querySelectorAll('tbody tr')].map((row) => textOf(row));
    expect(rows).toContain('SPF v=spf1 mx ~all v=spf1 mx -all');
    expect(rows).toContain('mx2.example.com 20 mx2.example.com —');
    // DNS text is data: the record with markup in it is shown, never parsed.
    expect(region.querySelector('img')).toBeNull();
    expect(textOf(region)).toContain('v=DMARC1; p=<img src=x onerror=alert(1)>');
  });

  it('is at the top of the report when the report carries it, and absent otherwise', async () => {
    const root = mount(h(ReportView, { report: { ...after, sinceLast: since } }));
    await settle();
    const banner = root.querySelector('.report > [aria-label="Since last time"]')!;
    expect(banner.textContent).toContain('Since 3 days ago');
    // Before everything else the report shows: the mail servers first of all.
    const table = root.querySelector('.report table')!;
    expect(banner.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const plain = mount(h(ReportView, { report: after }));
    await settle();
    expect(plain.querySelector('[aria-label="Since last time"]')).toBeNull();
  });
});

describe('the Watch button', () => {
  it('watches the name, then says so; a refusal is shown, not swallowed', async () => {
    const actions = { isWatched: vi.fn(async () => false), watch: vi.fn(async () => undefined) };
    const root = mount(h(WatchButton, { input: 'example.com', actions }));
    await settle();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Watch for changes')!;
    await act(async () => button.click());
    await settle();
    expect(actions.watch).toHaveBeenCalledWith('example.com');
    expect(textOf(root)).toContain('Watching: checked every 6 hours by default.');
    expect(root.querySelector('a[href="options.html#watch"]')?.textContent).toBe('Watch list');

    const failing = {
      isWatched: async () => false,
      watch: async () => Promise.reject(new Error('An IP address has no mail routing to watch; watch a domain.')),
    };
    const other = mount(h(WatchButton, { input: '192.0.2.1', actions: failing }));
    await settle();
    await act(async () => other.querySelector('button')!.click());
    await settle();
    expect(textOf(other.querySelector('[role="alert"]'))).toBe('An IP address has no mail routing to watch; watch a domain.');
  });
});
