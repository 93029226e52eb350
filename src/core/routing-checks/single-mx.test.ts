import { describe, expect, it } from 'vitest';
import { checkSingleMx } from './single-mx';
import { implicitMxReport, nullExchange, testExchange, testReport } from './test-report';

describe('checkSingleMx', () => {
  it('notes a single MX host as info, saying honestly that senders queue and retry', () => {
    const findings = checkSingleMx(testReport());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'single-mx', severity: 'info', subject: 'mx.example.com' });
    expect(findings[0]!.message).toContain('mx.example.com is the only mail server for example.com');
    expect(findings[0]!.message).toContain('retry for several days');
  });

  it('says it as soon as the host has an address, before the report is done', () => {
    const report = testReport({ status: 'running', exchanges: [testExchange('mx.example.com', { addressStatus: { A: 'ok', AAAA: 'pending' } })] });
    expect(checkSingleMx(report).map((f) => f.code)).toEqual(['single-mx']);
  });

  it('waits for the host to resolve, and says nothing about a broken single host', () => {
    expect(checkSingleMx(testReport({ status: 'running', exchanges: [testExchange('mx.example.com', { state: 'pending' })] }))).toEqual([]);
    expect(checkSingleMx(testReport({ exchanges: [testExchange('mx.example.com', { state: 'nxdomain' })] }))).toEqual([]);
  });

  it('counts one host listed twice as a single server', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com'), testExchange('mx.example.com', { preference: 20 })] });
    expect(checkSingleMx(report)).toHaveLength(1);
  });

  it('says nothing with two or more MX hosts', () => {
    expect(checkSingleMx(testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { preference: 20 })] }))).toEqual([]);
  });

  it('says nothing before the MX answer', () => {
    expect(checkSingleMx(testReport({ status: 'running', mxStatus: 'pending', exchanges: [] }))).toEqual([]);
  });

  it('says nothing for a null MX, a null MX mixed with one host, or the implicit MX', () => {
    expect(checkSingleMx(testReport({ nullMx: true, exchanges: [nullExchange()] }))).toEqual([]);
    expect(checkSingleMx(testReport({ exchanges: [nullExchange(), testExchange('mx.example.com')] }))).toEqual([]);
    expect(checkSingleMx(implicitMxReport())).toEqual([]);
  });
});
