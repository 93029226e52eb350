// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { testExchange, testReport } from '../core/routing-checks/test-report';
import type { Address, Report } from '../core/report';
import { assessResilience } from '../core/resilience/assess-resilience';
import { netAddress } from '../core/resilience/testing';
import { formatPlainText } from './format/plain-text';
import { MailServerTable } from './mail-server-table';
import { ResilienceLine } from './resilience-line';
import { mount, textOf, unmountAll } from './testing/render';

afterEach(unmountAll);

const host = (name: string, preference: number, addresses: Address[]) =>
  testExchange(name, { preference, addresses, addressStatus: { A: 'ok', AAAA: 'nodata' } });
function report(...exchanges: ReturnType<typeof host>[]): Report {
  const facts = testReport({ exchanges });
  return { ...facts, findings: [], resilience: assessResilience(facts)! };
}
const spread = () =>
  report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('198.51.100.2', 64501, 'NL')]));
const single = () => report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('192.0.2.2', 64500)]));

describe('ResilienceLine', () => {
  it('is a details named "Resilience" whose summary is the compact line, closed when all is well', () => {
    const details = mount(h(ResilienceLine, { report: spread() })).querySelector('details')!;
    expect(details.getAttribute('aria-label')).toBe('Resilience');
    expect(textOf(details.querySelector('summary'))).toBe('Resilience 2 networks, 2 countries, backup ready');
    expect(details.open).toBe(false);
    expect([...details.querySelectorAll('li')].map(textOf)[0]).toMatch(/^OK The MX hosts are spread over 2 networks/);
  });

  it('starts open when a shared failure needs a look', () => {
    const details = mount(h(ResilienceLine, { report: single() })).querySelector('details')!;
    expect(details.open).toBe(true);
    expect(textOf(details.querySelector('li'))).toMatch(/^Warning Every MX host/);
  });

  it('renders nothing without a resilience assessment (IP queries, null MX)', () => {
    const { resilience: _, ...rest } = spread();
    expect(mount(h(ResilienceLine, { report: rest as Report })).querySelector('details')).toBeNull();
  });
});

describe('the network beside each address', () => {
  it('adds a Network column with AS, prefix and country when the lookups ran', () => {
    const element = mount(h(MailServerTable, { exchanges: spread().exchanges })).querySelector('table')!;
    expect([...element.querySelectorAll('thead th')].map(textOf)).toEqual([
      'Preference',
      'Mail server',
      'Address',
      'Network',
      'Reverse DNS (PTR)',
      'FCrDNS',
      'TTL',
    ]);
    const network = element.querySelector('td.network')!;
    expect(textOf(network)).toBe('AS64500 NET64500 192.0.2.0/24 · DE');
    expect(network.getAttribute('title')).toBe('NET64500');
  });

  it('Copy as text: the Network column and the Resilience line with its findings', () => {
    const text = formatPlainText(spread());
    expect(text).toMatch(/^Preference +Mail server +Address +Network +Reverse DNS \(PTR\) +FCrDNS +TTL$/m);
    expect(text).toMatch(/^10 +mx1\.example\.com +192\.0\.2\.1 +AS64500 NET64500 · 192\.0\.2\.0\/24 · DE +mx\.example\.com +pass +300$/m);
    expect(text).toContain(
      'Resilience: 2 networks, 2 countries, backup ready\n- OK: The MX hosts are spread over 2 networks (AS64500 and AS64501) in 2 countries (DE and NL)',
    );
    expect(text).toContain(
      '- Info: mx1.example.com (10) takes all the mail while it answers; mx2.example.com (20) is used only when mx1.example.com is down. (RFC 5321 §5.1)',
    );
  });
});
