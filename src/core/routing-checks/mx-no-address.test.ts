import { describe, expect, it } from 'vitest';
import { checkMxNoAddress } from './mx-no-address';
import { testExchange, testReport } from './test-report';

describe('checkMxNoAddress', () => {
  it('reports an MX host with neither A nor AAAA (NODATA for both), as an error when it is the only one', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { state: 'no-address' })] });
    const findings = checkMxNoAddress(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-host-no-address', severity: 'error', subject: 'mx.example.com' });
    expect(findings[0]!.message).toBe(
      'mx.example.com has no IPv4 or IPv6 address, so senders skip it. It is the only MX host, so mail to example.com cannot be delivered. Add an A or AAAA record for mx.example.com, or remove its MX record.',
    );
  });

  it('is a warning when another MX host has an address', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { state: 'no-address' })] });
    expect(checkMxNoAddress(report).map((f) => [f.subject, f.severity])).toEqual([['mx2.example.com', 'warn']]);
  });

  it('does not claim "no address" while the address questions are pending', () => {
    const report = testReport({
      status: 'running',
      exchanges: [testExchange('mx.example.com', { state: 'pending', addressStatus: { A: 'nodata', AAAA: 'pending' } })],
    });
    expect(checkMxNoAddress(report)).toEqual([]);
  });

  it('names IDN hosts in Unicode', () => {
    const report = testReport({ exchanges: [testExchange('mx.xn--bcher-kva.test', { display: 'mx.bücher.test', state: 'no-address' })] });
    expect(checkMxNoAddress(report)[0]!.message).toMatch(/^mx\.bücher\.test has no IPv4/);
  });
});
