import { describe, expect, it } from 'vitest';
import { checkNoUsableMx } from './no-usable-mx';
import { implicitMxReport, nullExchange, testAddress, testExchange, testReport } from './test-report';

describe('checkNoUsableMx', () => {
  it('is an error when no MX host has a usable address: mail will bounce (RFC 5321 §5.1)', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx1.example.com', { state: 'nxdomain' }),
        testExchange('mx2.example.com', { state: 'no-address', preference: 20 }),
        testExchange('192.0.2.1', { state: 'ip-literal', preference: 30 }),
        testExchange('mx4.example.com', { state: 'error', preference: 40 }),
        testExchange('mx5.example.com', { preference: 50, addresses: [testAddress('10.0.0.5', { range: 'private' })] }),
      ],
    });
    const findings = checkNoUsableMx(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'no-usable-mx', severity: 'error', rfc: 'RFC 5321 §5.1', subject: 'example.com' });
    expect(findings[0]!.message).toBe(
      'None of the 5 mail servers for example.com can be used: mx1.example.com does not exist, mx2.example.com has no address, ' +
        '192.0.2.1 is an IP address instead of a host name, mx4.example.com cannot be looked up (SERVFAIL or REFUSED) and ' +
        'mx5.example.com has only addresses the internet cannot reach. Mail to example.com will bounce until at least one of them is fixed.',
    );
  });

  it('groups hosts that fail the same way', () => {
    const report = testReport({
      exchanges: ['mx1', 'mx2', 'mx3'].map((name, i) =>
        testExchange(`${name}.example.com`, { preference: i, addresses: [testAddress(`10.0.0.${i + 1}`, { range: '10.0.0.0/8' })] }),
      ),
    });
    expect(checkNoUsableMx(report)[0]!.message).toContain(
      'mx1.example.com, mx2.example.com and mx3.example.com have only addresses the internet cannot reach.',
    );
  });

  it('words a single broken MX host', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { state: 'nxdomain' })] });
    expect(checkNoUsableMx(report)[0]!.message).toBe(
      'The only mail server for example.com cannot be used: mx.example.com does not exist. Mail to example.com will bounce until it is fixed.',
    );
  });

  it('covers an implicit MX whose address the internet cannot reach', () => {
    const report = implicitMxReport({}, [testAddress('10.0.0.1', { range: 'private' })]);
    expect(checkNoUsableMx(report)[0]!.message).toMatch(/^example\.com has no MX record, and its own address cannot take mail either/);
  });

  it('counts private addresses as usable for a name meant for internal networks', () => {
    const report = testReport({
      query: { name: 'corp.internal' },
      exchanges: [testExchange('mx.corp.internal', { addresses: [testAddress('10.0.0.1', { range: '10.0.0.0/8' })] })],
    });
    expect(checkNoUsableMx(report)).toEqual([]);
  });

  it('says nothing when one MX host works', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com', { state: 'nxdomain' }), testExchange('mx2.example.com')] });
    expect(checkNoUsableMx(report)).toEqual([]);
  });

  it('counts documentation addresses as usable (test data, not a fault)', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { addresses: [testAddress('192.0.2.10', { range: 'documentation' })] })] });
    expect(checkNoUsableMx(report)).toEqual([]);
  });

  it('waits while any MX host is pending', () => {
    const report = testReport({
      status: 'running',
      exchanges: [testExchange('mx1.example.com', { state: 'nxdomain' }), testExchange('mx2.example.com', { state: 'pending' })],
    });
    expect(checkNoUsableMx(report)).toEqual([]);
  });

  it('waits for the other address family before calling private-only hosts unusable', () => {
    const exchange = testExchange('mx.example.com', {
      addressStatus: { A: 'ok', AAAA: 'pending' },
      addresses: [testAddress('10.0.0.1', { range: 'private' })],
    });
    expect(checkNoUsableMx(testReport({ status: 'running', exchanges: [exchange] }))).toEqual([]);
  });

  it("does not blame the domain when MXray's own resolvers failed", () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { state: 'error', addressStatus: { A: 'error', AAAA: 'error' } })] });
    expect(checkNoUsableMx(report)).toEqual([]);
  });

  it('says nothing for a null MX, even a malformed "10 ."', () => {
    expect(checkNoUsableMx(testReport({ nullMx: true, exchanges: [nullExchange()] }))).toEqual([]);
    expect(checkNoUsableMx(testReport({ exchanges: [nullExchange({ preference: 10 })] }))).toEqual([]);
  });

  it('says nothing before the MX answer, or when there are no MX hosts', () => {
    expect(checkNoUsableMx(testReport({ status: 'running', mxStatus: 'pending', exchanges: [] }))).toEqual([]);
    expect(checkNoUsableMx(testReport({ mxStatus: 'nxdomain', exchanges: [] }))).toEqual([]);
  });
});
