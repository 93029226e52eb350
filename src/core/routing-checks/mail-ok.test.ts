import { describe, expect, it } from 'vitest';
import { checkMailOk } from './mail-ok';
import { implicitMxReport, ipReport, nullExchange, testExchange, testReport } from './test-report';

describe('checkMailOk', () => {
  it('sums up a finished report whose MX hosts all resolve', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { preference: 20 })] });
    expect(checkMailOk(report)).toEqual([
      {
        code: 'mail-ok',
        severity: 'ok',
        message: 'Mail for example.com goes to 2 servers (mx1.example.com and mx2.example.com); all resolve.',
        subject: 'example.com',
      },
    ]);
  });

  it('words a single server', () => {
    expect(checkMailOk(testReport())[0]!.message).toBe('Mail for example.com goes to 1 server (mx.example.com), which resolves.');
  });

  it('says how many of the servers resolve when some do not', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com', { state: 'nxdomain' }), testExchange('mx2.example.com', { preference: 20 })] });
    expect(checkMailOk(report)[0]!.message).toBe('Mail for example.com can be delivered: 1 of its 2 servers (mx2.example.com) resolves.');
  });

  it('covers the implicit MX', () => {
    expect(checkMailOk(implicitMxReport())[0]!.message).toBe("Mail for example.com can be delivered: it goes to the domain's own address (192.0.2.30).");
  });

  it('only speaks when the report is complete', () => {
    expect(checkMailOk(testReport({ status: 'running' }))).toEqual([]);
  });

  it('says nothing without a usable MX host, for a null MX, or for IP queries', () => {
    expect(checkMailOk(testReport({ exchanges: [testExchange('mx.example.com', { state: 'no-address' })] }))).toEqual([]);
    expect(checkMailOk(testReport({ nullMx: true, exchanges: [nullExchange()] }))).toEqual([]);
    expect(checkMailOk(testReport({ mxStatus: 'nxdomain', exchanges: [] }))).toEqual([]);
    expect(checkMailOk(ipReport())).toEqual([]);
  });
});
