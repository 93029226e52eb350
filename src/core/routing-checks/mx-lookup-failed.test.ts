import { describe, expect, it } from 'vitest';
import { checkMxLookupFailed } from './mx-lookup-failed';
import { testAddress, testExchange, testReport } from './test-report';

describe('checkMxLookupFailed', () => {
  it('reports an MX host whose address lookups both fail with SERVFAIL, as an error when it is the only host', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { state: 'error' })] });
    const findings = checkMxLookupFailed(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-host-lookup-failed', severity: 'error', subject: 'mx.example.com' });
    expect(findings[0]!.message).toContain('failed (SERVFAIL)');
    expect(findings[0]!.message).toContain('DNSSEC');
    expect(findings[0]!.message).toContain('It is the only MX host, so mail to example.com cannot be delivered.');
  });

  it('is a warning when another MX host works', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { state: 'error' })] });
    expect(checkMxLookupFailed(report).map((f) => f.severity)).toEqual(['warn']);
  });

  it('blames the resolver path, not the host, when no resolver answered', () => {
    const exchange = testExchange('mx.example.com', {
      state: 'error',
      addressStatus: { A: 'error', AAAA: 'error' },
      errors: [{ code: 'resolver-timeout', message: 'Cloudflare did not answer within 3000 ms.', resolver: 'cloudflare', question: 'mx.example.com A' }],
    });
    const [finding] = checkMxLookupFailed(testReport({ exchanges: [exchange] }));
    expect(finding!.severity).toBe('warn');
    expect(finding!.message).toContain('no resolver answered');
    expect(finding!.message).toContain('between MXray and the resolver');
    expect(finding!.message).toContain('(Cloudflare did not answer within 3000 ms.)');
  });

  it('reports a failed IPv6 lookup next to a working IPv4 one as a warning', () => {
    const exchange = testExchange('mx.example.com', { addressStatus: { A: 'ok', AAAA: 'servfail' }, addresses: [testAddress('192.0.2.10')] });
    const [finding] = checkMxLookupFailed(testReport({ exchanges: [exchange] }));
    expect(finding!.severity).toBe('warn');
    expect(finding!.message).toContain('The IPv6 (AAAA) address lookup for the MX host mx.example.com failed (SERVFAIL), although its IPv4 (A) lookup works.');
  });

  it('reports a failed family as soon as it fails, without waiting for the other', () => {
    const exchange = testExchange('mx.example.com', { state: 'pending', addressStatus: { A: 'pending', AAAA: 'refused' } });
    const [finding] = checkMxLookupFailed(testReport({ status: 'running', exchanges: [exchange] }));
    expect(finding!.message).toContain('failed (REFUSED).');
    expect(finding!.message).not.toContain('although');
  });

  it('says nothing about NXDOMAIN, NODATA, pending or IP-literal hosts', () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('a.example.com', { state: 'nxdomain' }),
        testExchange('b.example.com', { state: 'no-address' }),
        testExchange('c.example.com', { state: 'pending' }),
        testExchange('192.0.2.1', { state: 'ip-literal' }),
      ],
    });
    expect(checkMxLookupFailed(report)).toEqual([]);
  });
});
