import { describe, expect, it } from 'vitest';
import { ipReport, nullExchange, testExchange, testReport } from '../../core/routing-checks/test-report';
import { fiveMxReport, withFindings } from '../testing/sample-reports';
import { formatDig } from './dig-text';

describe('formatDig', () => {
  it('writes the records of five-mx.test the way dig does', () => {
    expect(formatDig(fiveMxReport())).toBe(
      [
        '; <<>> MXray <<>> five-mx.test MX',
        ';; via Cloudflare',
        '',
        ';; ANSWER SECTION:',
        'five-mx.test. 300 IN MX 10 mx1.five-mx.test.',
        'five-mx.test. 300 IN MX 10 mx2.five-mx.test.',
        'five-mx.test. 300 IN MX 20 mx3.five-mx.test.',
        'five-mx.test. 300 IN MX 30 mx4.five-mx.test.',
        'five-mx.test. 300 IN MX 40 mx5.five-mx.test.',
        '',
        ';; ADDITIONAL SECTION:',
        'mx1.five-mx.test. 300 IN A 192.0.2.11',
        'mx1.five-mx.test. 300 IN AAAA 2001:db8::11',
        'mx2.five-mx.test. 300 IN A 192.0.2.12',
        'mx2.five-mx.test. 300 IN AAAA 2001:db8::12',
        'mx3.five-mx.test. 300 IN A 192.0.2.13',
        'mx3.five-mx.test. 300 IN AAAA 2001:db8::13',
        'mx4.five-mx.test. 300 IN A 192.0.2.14',
        'mx5.five-mx.test. 300 IN A 192.0.2.15',
        '',
        ';; REVERSE DNS (PTR):',
        '11.2.0.192.in-addr.arpa. IN PTR mx1.five-mx.test.',
        '1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. IN PTR mx1.five-mx.test.',
        '12.2.0.192.in-addr.arpa. IN PTR mx2.five-mx.test.',
        '2.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. IN PTR mx2.five-mx.test.',
        '13.2.0.192.in-addr.arpa. IN PTR mx3.five-mx.test.',
        '3.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. IN PTR mx3.five-mx.test.',
        '14.2.0.192.in-addr.arpa. IN PTR mx4.five-mx.test.',
        '15.2.0.192.in-addr.arpa. IN PTR mx5.five-mx.test.',
        '',
        ';; TXT (SPF, DMARC):',
        'five-mx.test. IN TXT "v=spf1 mx -all"',
        '_dmarc.five-mx.test. IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@five-mx.test"',
      ].join('\n'),
    );
  });

  it('writes the null MX as "0 ." (RFC 7505) and does not look for its addresses', () => {
    const text = formatDig(withFindings(testReport({ query: { name: 'null-mx.test' }, nullMx: true, exchanges: [nullExchange({ ttl: 300 })] })));
    expect(text).toContain('null-mx.test. 300 IN MX 0 .');
    expect(text).not.toContain('ADDITIONAL');
  });

  it('says in comments what dig would only show as a status', () => {
    const report = withFindings(
      testReport({
        query: { name: 'nxdomain-mx.test' },
        exchanges: [
          testExchange('missing.nxdomain-mx.test', { state: 'nxdomain' }),
          testExchange('mx.no-address-mx.test', { preference: 20, state: 'no-address' }),
        ],
      }),
    );
    const text = formatDig(report);
    expect(text).toContain(';; missing.nxdomain-mx.test. A, AAAA: NXDOMAIN');
    expect(text).toContain(';; mx.no-address-mx.test. A, AAAA: NODATA (no records of this type)');
  });

  it('marks an implicit MX (RFC 5321 §5.1) and writes no MX record for it', () => {
    const report = withFindings(
      testReport({
        query: { name: 'implicit.test' },
        mxStatus: 'nodata',
        implicitMx: true,
        exchanges: [testExchange('implicit.test', { implicit: true, preference: 0 })],
      }),
    );
    const text = formatDig(report);
    expect(text).toContain(';; implicit.test. MX: NODATA (no records of this type)');
    expect(text).toContain(';; implicit MX (RFC 5321 §5.1): mail goes to implicit.test. itself');
    expect(text).not.toMatch(/ IN MX /);
  });

  it('writes an alias chain and puts the addresses at its end', () => {
    const report = withFindings(testReport({ exchanges: [testExchange('mail.cname-mx.test', { cname: ['real.cname-mx.test'] })] }));
    const text = formatDig(report);
    expect(text).toContain('mail.cname-mx.test. IN CNAME real.cname-mx.test.');
    expect(text).toMatch(/^real\.cname-mx\.test\. 300 IN A /m);
  });

  it('writes an IP query as dig -x, with the forward check', () => {
    const text = formatDig(withFindings(ipReport('192.0.2.25')));
    expect(text).toContain('; <<>> MXray <<>> -x 192.0.2.25');
    expect(text).toContain('25.2.0.192.in-addr.arpa. 300 IN PTR host25.test.');
    expect(text).toContain('host25.test. IN A 192.0.2.25');
  });

  it('escapes quotes and non-ASCII in TXT values like a zone file', () => {
    const report = withFindings(testReport({ txt: { records: ['say "hi" ü'], status: 'ok', spf: [], dmarc: [], dmarcStatus: 'nodata' } }));
    expect(formatDig(report)).toContain('example.com. IN TXT "say \\"hi\\" \\195\\188"');
  });
});
