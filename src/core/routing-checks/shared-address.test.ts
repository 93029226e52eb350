import { describe, expect, it } from 'vitest';
import { checkSharedAddress } from './shared-address';
import { testAddress, testExchange, testReport } from './test-report';

const same = () => [testAddress('192.0.2.1'), testAddress('2001:db8::1')];

describe('checkSharedAddress', () => {
  it('notes a backup MX that resolves to the same addresses as the primary (no redundancy)', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx1.example.com', { addresses: same(), addressStatus: { A: 'ok', AAAA: 'ok' } }),
        testExchange('mx2.example.com', { preference: 20, addresses: same().reverse(), addressStatus: { A: 'ok', AAAA: 'ok' } }),
      ],
    });
    const findings = checkSharedAddress(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-shared-address', severity: 'info' });
    expect(findings[0]!.message).toBe(
      'mx1.example.com and mx2.example.com resolve to the same 2 addresses (192.0.2.1 and 2001:db8::1): they are one server under 2 names, so the lower-priority ones are no backup: when the first is down, so are they.',
    );
  });

  it('words equal-preference hosts on one address as "no load spreading"', () => {
    const report = testReport({
      exchanges: [
        testExchange('a.example.com', { addresses: [testAddress('192.0.2.9')] }),
        testExchange('b.example.com', { addresses: [testAddress('192.0.2.9')] }),
      ],
    });
    expect(checkSharedAddress(report)[0]!.message).toContain('the same address (192.0.2.9)');
    expect(checkSharedAddress(report)[0]!.message).toContain('does not spread the load');
  });

  it('waits until every address of both hosts is known', () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('mx1.example.com', { addresses: [testAddress('192.0.2.1')], addressStatus: { A: 'ok', AAAA: 'pending' } }),
        testExchange('mx2.example.com', { addresses: [testAddress('192.0.2.1')] }),
      ],
    });
    expect(checkSharedAddress(report)).toEqual([]);
  });

  it('waits for every MX host, since one still pending could share the addresses too', () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('mx1.example.com', { addresses: [testAddress('192.0.2.1')] }),
        testExchange('mx2.example.com', { addresses: [testAddress('192.0.2.1')] }),
        testExchange('mx3.example.com', { state: 'pending' }),
      ],
    });
    expect(checkSharedAddress(report)).toEqual([]);
  });

  it('says nothing about hosts that only overlap, or differ', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx1.example.com', { addresses: same(), addressStatus: { A: 'ok', AAAA: 'ok' } }),
        testExchange('mx2.example.com', { addresses: [testAddress('192.0.2.1')] }),
        testExchange('mx3.example.com', { addresses: [testAddress('192.0.2.3')] }),
      ],
    });
    expect(checkSharedAddress(report)).toEqual([]);
  });

  it('does not count one host listed twice', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com'), testExchange('mx.example.com', { preference: 20 })] });
    expect(checkSharedAddress(report)).toEqual([]);
  });
});
