/**
 * Reports for UI tests, shaped like what the lookup sends for the fixture zones (test/zones):
 * five-mx.test with a load-balanced pair, and reports that carry HTML in their DNS data.
 */
import { testAddress, testExchange, testReport } from '../../core/routing-checks/test-report';
import type { Address, Exchange, Finding, Report } from '../../core/report';

export function withFindings(facts: Omit<Report, 'findings'>, findings: Finding[] = []): Report {
  return { ...facts, findings };
}

function confirmed(ip: string, name: string): Address {
  return testAddress(ip, { ptr: [{ name, forward: [ip], forwardStatus: 'ok' }] });
}

function mx(n: number, preference: number, v4: string, v6?: string): Exchange {
  const host = `mx${n}.five-mx.test`;
  return testExchange(host, {
    preference,
    addressStatus: { A: 'ok', AAAA: v6 ? 'ok' : 'nodata' },
    addresses: v6 ? [confirmed(v4, host), confirmed(v6, host)] : [confirmed(v4, host)],
  });
}

/** five-mx.test as the lookup reports it when done (the zone's records, TTL 300 everywhere). */
export function fiveMxReport(): Report {
  return withFindings(
    testReport({
      query: { name: 'five-mx.test' },
      exchanges: [
        mx(1, 10, '192.0.2.11', '2001:db8::11'),
        mx(2, 10, '192.0.2.12', '2001:db8::12'),
        mx(3, 20, '192.0.2.13', '2001:db8::13'),
        mx(4, 30, '192.0.2.14'),
        mx(5, 40, '192.0.2.15'),
      ],
      txt: {
        records: ['v=spf1 mx -all'],
        status: 'ok',
        spf: ['v=spf1 mx -all'],
        dmarc: ['v=DMARC1; p=quarantine; rua=mailto:d@five-mx.test'],
        dmarcStatus: 'ok',
      },
      elapsedMs: 42,
      stats: { requests: 23, cacheHits: 0, roundTrips: 4 },
    }),
    [
      {
        code: 'equal-preference',
        severity: 'info',
        message: 'mx1.five-mx.test and mx2.five-mx.test share preference 10: senders pick one at random (load balancing).',
        rfc: 'RFC 5321 §5.1',
      },
      { code: 'mail-ok', severity: 'ok', message: 'Mail for five-mx.test has somewhere to go.' },
    ],
  );
}

export const HTML = '<img src=x onerror=alert(1)>';

/** xss.test: HTML in TXT, SPF, DMARC, a PTR name and even a finding's text. */
export function xssReport(): Report {
  return withFindings(
    testReport({
      query: { name: 'xss.test' },
      exchanges: [
        testExchange('mx.xss.test', {
          addresses: [testAddress('192.0.2.90', { ptr: [{ name: `${HTML}.xss.test`, forward: ['192.0.2.90'], forwardStatus: 'ok' }] })],
        }),
      ],
      txt: {
        records: ['<script>alert(1)</script>', HTML, 'v=spf1 include:<b>x</b> -all'],
        status: 'ok',
        spf: ['v=spf1 include:<b>x</b> -all'],
        dmarc: [`v=DMARC1; p=none; rua=mailto:${HTML}@xss.test`],
        dmarcStatus: 'ok',
      },
    }),
    [{ code: 'hostname-syntax', severity: 'warn', message: `The PTR name ${HTML}.xss.test is not a valid host name.`, subject: HTML }],
  );
}
