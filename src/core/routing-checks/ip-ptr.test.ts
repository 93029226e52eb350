import { describe, expect, it } from 'vitest';
import { checkIpPtr } from './ip-ptr';
import { ipReport, testReport } from './test-report';

describe('checkIpPtr', () => {
  it('confirms an address whose PTR name resolves back to it (forward-confirmed, RFC 8601 §3)', () => {
    const findings = checkIpPtr(ipReport('192.0.2.25'));
    expect(findings).toEqual([
      {
        code: 'ip-ptr-confirmed',
        severity: 'ok',
        message:
          "192.0.2.25 has reverse DNS host25.test, and host25.test resolves back to 192.0.2.25 (forward-confirmed reverse DNS). It passes receivers' reverse DNS checks.",
        rfc: 'RFC 8601 §3',
        subject: '192.0.2.25',
      },
    ]);
  });

  it('warns when an address has no PTR record', () => {
    const findings = checkIpPtr(ipReport('2001:db8::99', { ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ip-no-ptr', 'warn']]);
    expect(findings[0]!.message).toContain('2001:db8::99 has no reverse DNS');
    expect(findings[0]!.message).toContain('an AAAA record');
  });

  it('warns when the PTR name does not resolve back', () => {
    const report = ipReport('192.0.2.70', { ptr: [{ name: 'mail.elsewhere.test', forward: ['192.0.2.71'], forwardStatus: 'ok' }], fcrdns: 'fail' });
    const findings = checkIpPtr(report);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ip-ptr-not-confirmed', 'warn']]);
    expect(findings[0]!.message).toContain('192.0.2.70 has reverse DNS mail.elsewhere.test, but that name does not resolve back to 192.0.2.70');
  });

  it('names only the confirming name when one of several PTRs confirms', () => {
    const report = ipReport('192.0.2.120', {
      ptr: [
        { name: 'mx.many-ptr.test', forward: ['192.0.2.120'], forwardStatus: 'ok' },
        { name: 'other.many-ptr.test', forward: ['192.0.2.121'], forwardStatus: 'ok' },
      ],
    });
    expect(checkIpPtr(report)[0]!.message).toContain('and mx.many-ptr.test resolves back');
  });

  it('makes no claim when the forward lookup of the PTR name failed', () => {
    const report = ipReport('192.0.2.70', { ptr: [{ name: 'mail.example.net', forward: [], forwardStatus: 'error' }], fcrdns: 'fail' });
    expect(checkIpPtr(report)).toEqual([]);
  });

  it('reports a failed PTR lookup', () => {
    expect(checkIpPtr(ipReport('192.0.2.1', { ptrStatus: 'servfail', ptr: [], fcrdns: 'none' }))[0]).toMatchObject({
      code: 'ip-ptr-lookup-failed',
      severity: 'warn',
    });
  });

  it('waits for the PTR answer and for the forward check', () => {
    expect(checkIpPtr(ipReport('192.0.2.1', { ptrStatus: 'pending', ptr: [], fcrdns: 'pending' }, { status: 'running' }))).toEqual([]);
    expect(checkIpPtr(ipReport('192.0.2.1', { fcrdns: 'pending' }, { status: 'running' }))).toEqual([]);
  });

  it('says nothing when PTR checks are off, or about private addresses without public PTRs', () => {
    expect(checkIpPtr(ipReport('192.0.2.1', { ptrStatus: 'skipped', ptr: [], fcrdns: 'skipped' }))).toEqual([]);
    expect(checkIpPtr(ipReport('10.0.0.1', { range: 'private', ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' }))).toEqual([]);
  });

  it('says nothing for domain queries', () => {
    expect(checkIpPtr(testReport())).toEqual([]);
  });
});
