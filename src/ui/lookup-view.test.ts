// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ipReport, testReport } from '../core/routing-checks/test-report';
import { LookupView } from './lookup-view';
import { fiveMxReport, withFindings } from './testing/sample-reports';
import { loadLazyParts, mount, textOf, unmountAll } from './testing/render';
import type { LookupState } from './use-lookup';
import { preloadLazyChunks } from './testing/render';

beforeAll(preloadLazyChunks);

afterEach(unmountAll);

const actions = { copy: async () => undefined };
const request = { type: 'lookup' as const, input: 'five-mx.test', source: 'typed' as const };
const view = (state: LookupState, headingLevel: 1 | 2 = 1) => mount(h(LookupView, { state, actions, headingLevel }));

describe('LookupView', () => {
  it('shows the name as typed and "Looking up…" before the first report', () => {
    const element = view({ request });
    expect(textOf(element.querySelector('h1'))).toBe('five-mx.test');
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Looking up…');
    expect(element.querySelector('table')).toBeNull();
  });

  it('paints the table as soon as the MX answer is in, while addresses are pending', () => {
    const report = fiveMxReport();
    report.status = 'running';
    for (const exchange of report.exchanges.slice(2))
      Object.assign(exchange, { state: 'pending', addresses: [], addressStatus: { A: 'pending', AAAA: 'pending' } });
    const element = view({ request, report });
    expect(element.querySelectorAll('tbody')).toHaveLength(4);
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Looking up… 2 of 5 mail servers resolved');
    expect(element.textContent).toContain('resolving…');
  });

  it('heads the report with the Unicode name, a Copy button, and "Done in" when done', async () => {
    const report = withFindings(testReport({ query: { name: 'xn--bcher-kva.test', display: 'bücher.test' }, elapsedMs: 42 }));
    const element = view({ request: { ...request, input: 'bücher.test' }, report }, 2);
    await loadLazyParts();
    expect(textOf(element.querySelector('h2'))).toBe('bücher.test');
    expect(element.querySelector('h1')).toBeNull();
    expect(element.querySelector('button')!.textContent).toBe('Copy');
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Done in 42 ms');
    expect(element.querySelector('section[aria-label="Findings"] h3')).not.toBeNull();
    expect(element.querySelector('section[aria-label="SPF and DMARC"]')).not.toBeNull();
  });

  it('alerts on input it cannot look up, saying what to type', () => {
    const invalid = { code: 'invalid-query' as const, reason: 'bad-character' as const, input: 'exa mple', message: '"exa mple" contains a space.' };
    const element = view({ request: { ...request, input: 'exa mple' }, invalid });
    expect(textOf(element.querySelector('[role="alert"]'))).toBe(
      '"exa mple" contains a space. Type a domain (example.com), an email address, a URL or an IP address.',
    );
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Not looked up');
  });

  it('alerts when the worker is gone', () => {
    const element = view({ request, lost: 'The MXray background service stopped and could not be restarted. Close and reopen MXray.' });
    expect(textOf(element.querySelector('[role="alert"]'))).toMatch(/^The MXray background service stopped.*reload the extension/);
  });

  it('alerts when no resolver answered or the resolver failed, not for an answer such as NXDOMAIN', () => {
    const failed = withFindings(
      testReport({ mxStatus: 'error', exchanges: [], errors: [{ code: 'resolver-timeout', message: 'Cloudflare did not answer within 4000 ms.' }] }),
    );
    expect(textOf(view({ request, report: failed }).querySelector('[role="alert"]'))).toBe(
      'No resolver answered for the mail servers (MX) of example.com. Cloudflare did not answer within 4000 ms. Check the network connection and try again, or choose another resolver in the options.',
    );
    const servfail = withFindings(testReport({ mxStatus: 'servfail', exchanges: [] }));
    expect(textOf(view({ request, report: servfail }).querySelector('[role="alert"]'))).toMatch(
      /^The resolver could not get an answer .* \(SERVFAIL\)\. Try again/,
    );
    const nxdomain = withFindings(testReport({ mxStatus: 'nxdomain', exchanges: [] }));
    const element = view({ request, report: nxdomain });
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.textContent).toContain('No mail servers: example.com does not exist (NXDOMAIN).');
  });

  it('shows an IP query as its reverse DNS, without SPF and DMARC', () => {
    const element = view({ request: { ...request, input: '192.0.2.25' }, report: withFindings(ipReport('192.0.2.25')) });
    expect(textOf(element.querySelector('caption'))).toBe('Reverse DNS');
    expect(textOf(element.querySelector('tbody tr'))).toBe('192.0.2.25 host25.test pass 300');
    expect(element.querySelector('section[aria-label="SPF and DMARC"]')).toBeNull();
  });
});

it('says the failure once, in the alert, not again where the table would be', () => {
  const servfail = withFindings(testReport({ mxStatus: 'servfail', exchanges: [] }));
  const element = mount(h(LookupView, { state: { report: servfail }, actions }));
  expect(element.querySelectorAll('[role="alert"]')).toHaveLength(1);
  expect(element.querySelector('.no-mail')).toBeNull();
});
