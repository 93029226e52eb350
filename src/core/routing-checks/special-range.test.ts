import { describe, expect, it } from 'vitest';
import { checkSpecialRange } from './special-range';
import { implicitMxReport, testAddress, testExchange, testReport } from './test-report';

describe('checkSpecialRange', () => {
  it('is an error for an MX host on a private address: unreachable from the internet (RFC 1918)', () => {
    const report = testReport({
      exchanges: [testExchange('mx1.private-mx.test', { addresses: [testAddress('10.0.0.25', { range: '10.0.0.0/8' })] })],
      query: { name: 'private-mx.test' },
    });
    const findings = checkSpecialRange(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-address-unreachable', severity: 'error', rfc: 'RFC 1918', subject: '10.0.0.25' });
    expect(findings[0]!.message).toBe(
      '10.0.0.25 (mx1.private-mx.test) is a private network address (RFC 1918), not reachable from the internet, so senders on the internet cannot deliver to it. ' +
        'Give mx1.private-mx.test a public address in the public DNS. If this answer came from an internal resolver (split DNS), check what public resolvers return.',
    );
  });

  it('understands the range as a kind as well as a block', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { addresses: [testAddress('10.0.0.25', { range: 'private' })] })] });
    expect(checkSpecialRange(report).map((f) => [f.code, f.rfc])).toEqual([['mx-address-unreachable', 'RFC 1918']]);
    expect(checkSpecialRange(report)[0]!.message).toContain('is a private network address (RFC 1918)');
  });

  it.each([
    ['127.0.0.1', '127.0.0.0/8', 'RFC 1122 §3.2.1.3'],
    ['::1', '::1/128', 'RFC 4291 §2.5.3'],
    ['fd00::25', 'fc00::/7', 'RFC 4193'],
    ['169.254.1.1', '169.254.0.0/16', 'RFC 3927'],
    ['fe80::1', 'fe80::/10', 'RFC 4291 §2.5.6'],
    ['0.0.0.0', '0.0.0.0/32', 'RFC 1122 §3.2.1.3'],
    ['100.64.0.1', '100.64.0.0/10', 'RFC 6598'],
    ['100.64.0.1', 'cgnat', 'RFC 6598'],
    ['224.0.0.1', '224.0.0.0/4', 'RFC 5771'],
    ['240.0.0.1', '240.0.0.0/4', 'RFC 1112 §4'],
    ['fec0::1', 'fec0::/10', 'RFC 3879'],
    ['::ffff:10.0.0.1', '::ffff:0:0/96', 'RFC 4291 §2.5.5.2'],
  ])('is an error for %s (%s)', (ip, range, rfc) => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { addresses: [testAddress(ip, { range })] })] });
    expect(checkSpecialRange(report).map((f) => [f.code, f.severity, f.rfc])).toEqual([['mx-address-unreachable', 'error', rfc]]);
  });

  it('warns about Teredo and 6to4 tunnel addresses', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx.example.com', {
          addresses: [testAddress('2001::1', { range: '2001::/32' }), testAddress('2002:c000:201::1', { range: '2002::/16' })],
        }),
      ],
    });
    expect(checkSpecialRange(report).map((f) => [f.code, f.severity])).toEqual([
      ['mx-address-tunnel', 'warn'],
      ['mx-address-tunnel', 'warn'],
    ]);
  });

  it('only notes documentation and benchmarking addresses: they mark examples and test data', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx1.example.com', {
          addresses: [testAddress('192.0.2.10', { range: '192.0.2.0/24' }), testAddress('2001:db8::10', { range: 'documentation' })],
        }),
        testExchange('mx2.example.com', { addresses: [testAddress('198.18.0.1', { range: '198.18.0.0/15' })] }),
      ],
    });
    const findings = checkSpecialRange(report);
    expect(findings.map((f) => [f.code, f.severity, f.rfc, f.subject])).toEqual([
      ['mx-address-test-range', 'info', 'RFC 5737, RFC 3849', undefined],
      ['mx-address-test-range', 'info', 'RFC 2544', '198.18.0.1'],
    ]);
    expect(findings[0]!.message).toBe(
      'mx1.example.com is on addresses reserved for documentation (192.0.2.10 and 2001:db8::10; RFC 5737, RFC 3849), never used on the internet. ' +
        'That is expected in examples and test zones; on a real domain they are placeholders to replace with the real addresses.',
    );
    expect(findings[1]!.message).toContain('mx2.example.com is on an address reserved for network benchmarking (198.18.0.1; RFC 2544)');
  });

  it('sums up a test zone full of documentation addresses in one finding', () => {
    const exchanges = Array.from({ length: 20 }, (_, i) =>
      testExchange(`mx${i}.example.com`, { addresses: [testAddress(`198.51.100.${i + 1}`, { range: '198.51.100.0/24' })] }),
    );
    const findings = checkSpecialRange(testReport({ exchanges }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^mx0\.example\.com, .* and mx19\.example\.com are on addresses reserved for documentation/);
  });

  it("sums up test addresses only once every host's addresses are in", () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('mx1.example.com', { addresses: [testAddress('192.0.2.10', { range: '192.0.2.0/24' })] }),
        testExchange('mx2.example.com', { state: 'pending' }),
      ],
    });
    expect(checkSpecialRange(report)).toEqual([]);
  });

  it('names every MX host on a shared address, once', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx1.example.com', { addresses: [testAddress('10.0.0.1', { range: 'private' })] }),
        testExchange('mx2.example.com', { addresses: [testAddress('10.0.0.1', { range: 'private' })] }),
      ],
    });
    const findings = checkSpecialRange(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('10.0.0.1 (mx1.example.com and mx2.example.com)');
  });

  it('only notes private addresses for names meant for internal networks, but not loopback', () => {
    const report = testReport({
      query: { name: 'corp.internal' },
      exchanges: [
        testExchange('mx.corp.internal', { addresses: [testAddress('10.1.2.3', { range: '10.0.0.0/8' }), testAddress('127.0.0.1', { range: 'loopback' })] }),
      ],
    });
    expect(checkSpecialRange(report).map((f) => [f.code, f.severity])).toEqual([
      ['mx-address-internal', 'info'],
      ['mx-address-unreachable', 'error'],
    ]);
  });

  it("covers the implicit MX (the domain's own address)", () => {
    const report = implicitMxReport({}, [testAddress('192.168.1.10', { range: 'private' })]);
    expect(checkSpecialRange(report)[0]!.message).toContain('192.168.1.10 (example.com) is a private network address');
  });

  it('says nothing about public addresses or unknown range names', () => {
    const report = testReport({
      exchanges: [testExchange('mx.example.com', { addresses: [testAddress('203.0.114.1'), testAddress('64:ff9b::1', { range: 'something-new' })] })],
    });
    expect(checkSpecialRange(report)).toEqual([]);
  });

  it('reports an address as soon as it lands, while others are pending', () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('mx.example.com', {
          state: 'resolved',
          addressStatus: { A: 'ok', AAAA: 'pending' },
          addresses: [testAddress('10.0.0.1', { range: 'private' })],
        }),
      ],
    });
    expect(checkSpecialRange(report)).toHaveLength(1);
  });
});
