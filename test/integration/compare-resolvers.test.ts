/**
 * "Compare resolvers" against real DoH servers: dnsdist, the fault server forwarding to the
 * same knotd, one answering REFUSED, one hanging. Each is asked once, on its own, in parallel.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { customProvider } from '../../src/core/doh/providers';
import { comparisonFindings } from '../../src/core/compare/comparison-findings';
import { compareResolvers } from '../../src/core/compare/compare-resolvers';
import { readFaultLog } from '../stack/fault-log-client';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

let counter = 0;
const fault = (modes: string) => {
  const tag = `compare-${process.pid}-${++counter}`;
  return { tag, url: `${stack.faultUrl}/tag/${tag}/${modes ? `${modes}/` : ''}dns-query` };
};
const named = (url: string, name: string) => ({ ...customProvider(url), id: name.toLowerCase(), name });

describe('compareResolvers', () => {
  it('shows every resolver agreeing on five-mx.test, records sorted by preference', async () => {
    const comparison = await compareResolvers('five-mx.test', [named(stack.dohUrl, 'Dnsdist'), named(fault('').url, 'Fault')], {
      fetch: trusted.fetch,
      timeoutMs: 2_000,
    });
    expect(comparison.status).toBe('done');
    for (const row of comparison.rows) {
      expect(row.status).toBe('ok');
      expect(row.values).toEqual(['10 mx1.five-mx.test', '10 mx2.five-mx.test', '20 mx3.five-mx.test', '30 mx4.five-mx.test', '40 mx5.five-mx.test']);
      expect(row.ttl).toBeGreaterThan(0);
    }
    expect(comparisonFindings(comparison).map((f) => f.code)).toEqual(['propagation-agrees']);
  });

  it('says which resolvers disagree and which did not answer', async () => {
    const refused = fault('rcode/refused');
    const hang = fault('hang');
    const comparison = await compareResolvers('one-mx.test', [named(stack.dohUrl, 'Dnsdist'), named(refused.url, 'Refuser'), named(hang.url, 'Hanger')], {
      fetch: trusted.fetch,
      timeoutMs: 1_000,
    });
    const byName = Object.fromEntries(comparison.rows.map((row) => [row.resolverName, row]));
    expect(byName.Dnsdist!.values).toEqual(['10 mx.one-mx.test']);
    expect(byName.Refuser!.status).toBe('refused');
    expect(byName.Hanger!.status).toBe('error');
    expect(byName.Hanger!.error?.message).toMatch(/did not answer within/);
    const findings = comparisonFindings(comparison);
    expect(findings.map((f) => f.code)).toEqual(['propagation-differs', 'propagation-resolver-failed']);
    expect(findings[0]!.message).toContain('Dnsdist says 10 mx.one-mx.test');
    expect(findings[0]!.message).toContain('Refuser says REFUSED');
    expect(findings[1]!.message).toMatch(/^Hanger did not answer/);
    // Exactly one request each: no cache, no fallback, no retry.
    expect(await readFaultLog(stack, refused.tag)).toHaveLength(1);
  });

  it('never uses a cache: asking twice asks twice', async () => {
    const { tag, url } = fault('');
    const providers = [named(url, 'Fault')];
    await compareResolvers('one-mx.test', providers, { fetch: trusted.fetch });
    await compareResolvers('one-mx.test', providers, { fetch: trusted.fetch });
    expect(await readFaultLog(stack, tag)).toHaveLength(2);
  });
});
